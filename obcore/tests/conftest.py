"""Shared test helpers for obcore: where the read-only ``shared`` material lives.

Tests read spec vectors and the 1EdTech corpus in place. The folder is found through the
environment variable ``SKILLSTACK_SHARED`` or as ``shared`` beside the repository root.
A missing folder fails the tests that need it, on a laptop as in CI: never a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def _shared_candidates() -> list[Path]:
    env = os.environ.get("SKILLSTACK_SHARED")
    if env:
        return [Path(env)]
    return [REPO_ROOT.parent / "shared"]


def shared_path() -> Path | None:
    """The shared folder if present, else None (no skipping or failing here)."""
    for candidate in _shared_candidates():
        if candidate.is_dir():
            return candidate
    return None


def require_shared() -> Path:
    """The shared folder, or a failure with a sentence saying why (never a skip)."""
    found = shared_path()
    if found is not None:
        return found
    where = ", ".join(str(p) for p in _shared_candidates())
    message = f"the shared material folder is missing (looked in {where}; set SKILLSTACK_SHARED)"
    pytest.fail(message)


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path to the shared folder (``../shared`` or ``$SKILLSTACK_SHARED``)."""
    return require_shared()


@pytest.fixture(scope="session")
def corpus(shared: Path) -> Path:
    """Path to the 1EdTech validator corpus (``standards/corpus/1edtech``)."""
    return shared / "standards" / "corpus" / "1edtech"
