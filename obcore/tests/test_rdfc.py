"""RDFC-1.0 through pyoxigraph on expanded JSON-LD equals pyld's toRdf + canonicalization."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from obcore._rdfc import canonicalize_expanded, canonicalize_nquads, expanded_to_nquads
from obcore.errors import SafeModeError

from obcore import jsonld


def _documents(shared: Path) -> list[Path]:
    roots = [
        shared / "standards/corpus/1edtech/ob30",
        shared / "standards/vectors/vc-di-eddsa",
        shared / "interop/peer/samples",
    ]
    return sorted(p for root in roots for p in root.rglob("*.json"))


def test_pyoxigraph_and_pyld_give_the_same_canonical_form_on_every_sample(shared: Path) -> None:
    engine = jsonld.default_engine()
    compared = 0
    for path in _documents(shared):
        document = json.loads(path.read_text())
        if not isinstance(document, dict) or "@context" not in document:
            continue
        expanded = engine.expand(document, safe=False)
        reference = canonicalize_nquads(expanded_to_nquads(engine.processor(), expanded))
        assert canonicalize_expanded(expanded) == reference, path
        compared += 1
    assert compared >= 40


def test_numbers_json_literals_lists_and_languages_match_the_reference() -> None:
    doc = {
        "@context": {
            "@vocab": "https://ex.org/",
            "j": {"@type": "@json"},
            "l": {"@container": "@list"},
        },
        "@id": "https://ex.org/s",
        "n": [1, 1.5, 1e21, -0.0, True, 2**60, 0.1],
        "s": 'tab\there "q" \\ \u2028 é \U0001f600 \x01',
        "j": {"b": [1, 2.5, {"z": None, "a": "x"}]},
        "l": [3, 2, 1],
        "lang": {"@value": "hi", "@language": "en-GB"},
        "nested": {"x": {"y": "z"}},
    }
    engine = jsonld.default_engine()
    expanded = engine.expand(doc)
    reference = canonicalize_nquads(expanded_to_nquads(engine.processor(), expanded))
    assert canonicalize_expanded(expanded) == reference


def test_text_direction_is_refused_in_safe_mode() -> None:
    doc = {
        "@context": {"@vocab": "https://ex.org/"},
        "@id": "https://ex.org/s",
        "d": {"@value": "x", "@language": "ar", "@direction": "rtl"},
    }
    with pytest.raises(SafeModeError, match="direction"):
        jsonld.expand(doc)


def test_a_document_with_a_context_is_never_handed_to_pyoxigraph() -> None:
    with pytest.raises(ValueError, match="expanded"):
        canonicalize_expanded([{"@context": "https://www.w3.org/ns/credentials/v2"}])
