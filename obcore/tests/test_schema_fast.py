"""The generated schema predicates agree with the jsonschema validator, and are current.

``obcore.schema`` answers "valid?" with the generated predicates and asks jsonschema only
for the errors of an invalid document. These tests prove the two agree: on every JSON
sample of the 1EdTech corpus (and the peer's samples), and on generated mutations of
them (values replaced, removed, wrapped in or taken out of arrays, keys added), judged
against every bundled schema. They also check the schemas against the 2019-09 metaschema
(obcore does not do that at run time) and that ``compiled.py`` equals a fresh generation.
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
from jsonschema import Draft201909Validator

from obcore._schema import codegen
from obcore._schema.compiled import VALIDATORS
from obcore.schema import _as_vcdm2, _schema_document, _validator, _vcdm2_view, schema_errors

SCHEMAS = codegen.SCHEMA_FILES


def test_compiled_module_is_a_fresh_generation() -> None:
    assert codegen.OUTPUT.read_text("utf-8") == codegen.generate(), (
        "obcore/_schema/compiled.py is stale: run python -m obcore._schema.codegen"
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_bundled_schemas_are_valid_2019_09_schemas(name: str) -> None:
    Draft201909Validator.check_schema(_schema_document(name))


def test_every_selectable_schema_has_a_predicate() -> None:
    assert set(VALIDATORS) == set(SCHEMAS)


def _slow_valid(name: str, document: Any) -> bool:
    return next(iter(_validator(name).iter_errors(document)), None) is None


def _agree(document: Any) -> None:
    for name in SCHEMAS:
        view = _as_vcdm2(document)
        fast, slow = VALIDATORS[name](view), _slow_valid(name, view)
        assert fast == slow, (name, fast, slow, document)


def _samples() -> list[Any]:
    root = shared_path()
    if root is None:
        return []
    found = []
    folders = [root / "standards" / "corpus" / "1edtech", root / "interop" / "peer" / "samples"]
    for folder in folders:
        for path in sorted(folder.rglob("*.json")):
            if path.name == "expected.json":
                continue
            try:
                value = json.loads(path.read_text("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if isinstance(value, dict):
                found.append(value)
    return found


SAMPLES = _samples()


def test_there_are_samples(shared: Path) -> None:
    assert len(SAMPLES) > 50


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_fast_and_slow_agree_on_every_sample(index: int) -> None:
    _agree(SAMPLES[index])


def test_fast_and_slow_agree_on_valid_and_invalid_samples() -> None:
    # both verdicts occur: the agreement above is not "always true" on one side
    verdicts = {VALIDATORS["achievementcredential.json"](_as_vcdm2(s)) for s in SAMPLES}
    assert SAMPLES == [] or verdicts == {True, False}


def test_view_without_vcdm1_context_is_the_document_itself() -> None:
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "a": [{"b": 1}]}
    assert _vcdm2_view(document) is document
    old = {"@context": ["https://www.w3.org/2018/credentials/v1"], "issuanceDate": "x"}
    assert _vcdm2_view(old) == _as_vcdm2(old)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(
        [
            "",
            "x",
            "https://example.org/x",
            "did:example:1",
            "2025-01-15T09:00:00Z",
            "ext:Thing",
            "Achievement",
            "AchievementSubject",
            "Profile",
            "Result",
            "Evidence",
            "VerifiableCredential",
            "OpenBadgeCredential",
            "IdentityObject",
            "IdentifierEntry",
            "Image",
            "Badge",
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
    ),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "type", "name", "x"]), inner, max_size=3),
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


def _mutate(document: Any, data: st.DataObject) -> Any:
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = data.draw(st.sampled_from(["replace", "delete", "wrap", "unwrap", "add"]))
        if action == "replace":
            parent[last] = data.draw(_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "wrap":
            parent[last] = [parent[last]]
        elif action == "unwrap":
            value = parent[last]
            if isinstance(value, list) and value:
                parent[last] = value[0]
        elif isinstance(parent[last], dict):
            key = data.draw(st.sampled_from(["extra", "id", "type", "caption", "@context"]))
            parent[last][key] = data.draw(_VALUES)
    return document


@pytest.mark.skipif(not SAMPLES, reason="needs the shared corpus")
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fast_and_slow_agree_on_mutations(data: st.DataObject) -> None:
    document = data.draw(st.sampled_from(SAMPLES))
    _agree(_mutate(document, data))


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_fast_and_slow_agree_on_arbitrary_values(value: Any) -> None:
    _agree(value)


def test_an_invalid_credential_still_gets_the_detailed_errors() -> None:
    errors = schema_errors({"type": ["VerifiableCredential", "OpenBadgeCredential"]})
    assert "(document): missing required property '@context'" in errors[0]
