"""obcore must never import Django (or the platform's apps)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "obcore"
FORBIDDEN = ("django", "skillstack", "ninja", "rest_framework")


def test_no_module_in_obcore_imports_django_or_the_apps() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_every_public_module_loads_no_django() -> None:
    code = (
        "import sys, importlib;"
        "[importlib.import_module('obcore.' + m) for m in "
        "('jsonld','keys','dids','proofs','verify','cli','errors','report')];"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('django','skillstack')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
