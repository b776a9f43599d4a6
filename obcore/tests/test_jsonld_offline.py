"""The JSON-LD layer: bundled hash-pinned contexts only, safe mode, processed-context cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from obcore import jsonld
from obcore._jsonld.loader import CONTEXTS_DIR, BundledLoader
from obcore.errors import ContextError, SafeModeError

VC2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def _credential(**extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": [VC2, OB3],
        "id": "urn:uuid:2a9d6d2b-0b8f-4d3c-9a47-0f5c6c8a1e11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:example:issuer", "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Badge",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/1",
                "type": ["Achievement"],
                "name": "A",
                "criteria": {"narrative": "Did it."},
            },
        },
    }
    doc.update(extra)
    return doc


def test_every_manifest_entry_matches_its_file_and_the_shared_copy(shared: Path) -> None:
    manifest = json.loads((CONTEXTS_DIR / "manifest.json").read_text())
    loader = BundledLoader()
    for url in manifest:
        assert loader.context(url)  # hash checked on load
    source = shared / "standards" / "contexts"
    for entry in manifest.values():
        original = source / entry["file"]
        if not original.exists():
            original = source / "1edtech-validator-bundled" / entry["file"]
        assert original.read_bytes() == (CONTEXTS_DIR / entry["file"]).read_bytes()
    assert (CONTEXTS_DIR / "README.md").exists()  # provenance kept


def test_a_tampered_context_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "contexts"
    shutil.copytree(CONTEXTS_DIR, copy)
    path = copy / "credentials-v2.jsonld"
    path.write_text(path.read_text().replace('"VerifiableCredential"', '"Tampered"', 1))
    loader = BundledLoader(directory=copy)
    with pytest.raises(ContextError, match="does not match its pinned SHA-256"):
        loader.context(VC2)


def test_unknown_context_url_is_refused_without_network() -> None:
    doc = _credential()
    doc["@context"] = [VC2, "https://evil.example/context.json"]
    with pytest.raises(ContextError, match=r"evil.example.*never fetches"):
        jsonld.expand(doc)


def test_pyld_global_default_loader_is_offline() -> None:
    import pyld.jsonld as pj

    with pytest.raises(Exception):  # noqa: B017 - pyld raises its own error type
        pj.expand({"@context": "https://www.w3.org/ns/credentials/v2", "name": "x"})


def test_safe_mode_names_an_undefined_property() -> None:
    with pytest.raises(SafeModeError, match="'foo'"):
        jsonld.expand(_credential(foo="bar"))


def test_safe_mode_refuses_a_relative_id() -> None:
    doc = _credential()
    doc["credentialSubject"]["achievement"]["image"] = {"id": "badges/x.png", "type": "Image"}
    with pytest.raises(SafeModeError, match=r"badges/x.png.*relative"):
        jsonld.expand(doc)


def test_safe_mode_refuses_a_relative_type() -> None:
    doc = _credential()
    doc["credentialSubject"]["type"] = ["AchievementSubject", "UnknownThing"]
    with pytest.raises(SafeModeError, match="UnknownThing"):
        jsonld.expand(doc)


def test_safe_mode_off_drops_silently_which_is_why_it_is_on_by_default() -> None:
    expanded = jsonld.expand(_credential(foo="bar"), safe=False)
    assert "foo" not in json.dumps(expanded)


def test_cached_expansion_equals_stock_pyld_and_is_fast_when_warm() -> None:
    import pyld.jsonld as pj

    loader = BundledLoader()

    def stock_loader(url: str, options: Any = None) -> dict[str, Any]:
        return {"contextUrl": None, "documentUrl": url, "document": loader.context(url)}

    doc = _credential()
    expected = pj.expand(doc, {"documentLoader": stock_loader})
    assert jsonld.expand(doc) == expected
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        jsonld.expand(doc)
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[len(timings) // 2] < 0.002  # ~0.5 ms warm; stock pyld ~3-6 ms
    assert jsonld.default_engine().memo.hits > 0


def test_expansion_of_documents_with_different_values_stays_correct() -> None:
    one = jsonld.expand(_credential(name="One"))
    two = jsonld.expand(_credential(name="Two"))
    assert "One" in json.dumps(one) and "Two" in json.dumps(two)


def test_importing_obcore_jsonld_does_not_import_network_clients() -> None:
    code = (
        "import sys, obcore.jsonld, obcore.verify;"
        "bad=[m for m in ('aiohttp','requests','lxml.etree','asyncio') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pyld_stays_fully_usable_after_the_lean_import() -> None:
    code = (
        "import obcore.jsonld, pyld, lxml.html;"
        "assert pyld.DocumentLoader; assert lxml.html.fromstring('<p>x</p>') is not None"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


def test_inline_contexts_from_documents_do_not_grow_the_cache_without_bound() -> None:
    engine = jsonld.default_engine()
    for i in range(600):
        jsonld.expand({"@context": {"@vocab": f"https://example.org/v{i}#"}, "name": "x"})
    assert len(engine.loader.resolved_cache) <= 512
    assert jsonld.expand(_credential())  # bundled contexts still work after eviction
