"""RDFC-1.0 through pyoxigraph on expanded JSON-LD equals pyld's toRdf + canonicalization."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from obcore import jsonld
from obcore._rdfc import canonicalize_expanded, canonicalize_nquads, expanded_to_nquads
from obcore.errors import SafeModeError


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


def test_memoised_proof_configuration_equals_a_full_canonicalization() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from obcore import _di_eddsa as suites

    times = st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")
    ) | st.sampled_from(
        ["2025-01-15T09:00:00.123Z", "2025-01-15T09:00:00+02:00", "2025-01-15T09:00:00-14:00"]
    )
    key = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    vm = f"did:key:{key}#{key}"

    @settings(max_examples=60, deadline=None)
    @given(created=times, with_id=st.booleans(), expires=st.booleans())
    def check(created: str, with_id: bool, expires: bool) -> None:
        config = {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": created,
            "verificationMethod": vm,
            "proofPurpose": "assertionMethod",
        }
        if with_id:
            config["id"] = "urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544"
        if expires:
            config["expires"] = "2031-01-01T00:00:00Z"
        assert suites._canonical_config_rdfc(config) == suites._canonical_rdfc(config)

    check()
