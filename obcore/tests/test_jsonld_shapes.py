"""Safe-mode verdicts per document shape (``check_safe``) equal full expansion's.

``obcore.jsonld.check_safe`` skips expanding a document whose shape already passed and
whose strings are literals or unchanged IRIs (see ``obcore._jsonld.shapes``). Here every
generated document is judged both ways, by one engine whose shape memo fills as the test
runs: same outcome (pass, or the same error type and sentence) every time.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from obcore._did_key import did_key_document
from obcore.errors import ObcoreError
from obcore.jsonld import BundledLoader, Engine

ENGINE = Engine(BundledLoader(did_key_deriver=did_key_document))

_STRINGS = [
    "",
    "x",
    "Badge",
    "Achievement",
    "Profile",
    "badges/x.png",
    "../x",
    "#frag",
    "urn:uuid:0b9a6f4e-3c1d-4e7a-9f52-6a1d2c3b4e5f",
    "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
    "did:web:example.com",
    "https://a.example/x",
    "http://a.example",
    "https://a.example/x y",
    "https://a.example/x\n",
    "_:b0",
    "mailto:a@example.org",
    "xsd:string",
    "xsd:",
    "schema:name",
    "cred:issuer",
    "ob:Achievement",
    "id",
    "type",
    "@id",
    "@foo",
    "1:2",
    "a b:c",
    "https://relative-reference.obcore.invalid/x",
    "https://leaf.obcore.invalid/0",
    "https://www.w3.org/ns/credentials/v2",
    "2025-01-15T09:00:00Z",
    "Python Fundamentals",
]


def _outcome(call: Any) -> Any:
    try:
        call()
    except ObcoreError as err:
        return (type(err).__name__, str(err))
    return None


def _same(document: Any) -> None:
    expected = _outcome(lambda: ENGINE.expand(document))
    assert _outcome(lambda: ENGINE.check_safe(document)) == expected, document


def _bases() -> list[dict[str, Any]]:
    root = shared_path()
    if root is None:
        return []
    paths = [root / "interop/peer/samples/ob3-achievement-unsigned.json"]
    paths += sorted((root / "standards/corpus/1edtech/ob30").glob("*.json"))[:25]
    found = []
    for path in paths:
        document = json.loads(Path(path).read_text("utf-8"))
        if isinstance(document, dict) and "@context" in document:
            document.pop("proof", None)
            if _outcome(lambda d=document: ENGINE.expand(d)) is None:
                found.append(document)
    return found


BASES = _bases()


def _string_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [prefix]
    out: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            if key != "@context":
                out += _string_paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _string_paths(child, (*prefix, index))
    return out


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


def test_there_are_base_documents(shared: Path) -> None:
    assert len(BASES) >= 5


@pytest.mark.skipif(not BASES, reason="needs the shared samples")
@settings(max_examples=700, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_check_safe_equals_full_expansion(data: st.DataObject) -> None:
    document = copy.deepcopy(data.draw(st.sampled_from(BASES)))
    paths = _string_paths(document)
    for _ in range(data.draw(st.integers(0, 4))):  # same shape, other strings
        path = data.draw(st.sampled_from(paths))
        _set(document, path, data.draw(st.sampled_from(_STRINGS)))
    if data.draw(st.booleans()):  # sometimes another shape
        path = data.draw(st.sampled_from(paths))
        change = data.draw(st.sampled_from(["key", "list", "object", "number"]))
        if change == "key":
            parent = document
            for step in path[:-1]:
                parent = parent[step]
            if isinstance(parent, dict):
                parent[data.draw(st.sampled_from(["foo", "name", "@id", "id", "image"]))] = "x"
        elif change == "list":
            _set(document, path, [data.draw(st.sampled_from(_STRINGS))])
        elif change == "object":
            _set(document, path, {"id": data.draw(st.sampled_from(_STRINGS))})
        else:
            _set(document, path, 7)
    _same(document)


def test_templates_are_expanded_once() -> None:
    engine = Engine(BundledLoader(did_key_deriver=did_key_document))
    assert BASES, "the shared samples are missing (see conftest.require_shared)"
    document = copy.deepcopy(BASES[0])
    for index in range(5):
        document["id"] = f"urn:uuid:00000000-0000-4000-8000-{index:012d}"
        engine.check_safe(document)
    assert engine._shapes is not None and engine._shapes.hits == 5


def test_an_undefined_property_is_refused_with_its_name() -> None:
    assert BASES, "the shared samples are missing (see conftest.require_shared)"
    document = copy.deepcopy(BASES[0])
    ENGINE.check_safe(document)
    document["favouriteColour"] = "green"
    with pytest.raises(ObcoreError, match="favouriteColour"):
        ENGINE.check_safe(document)
