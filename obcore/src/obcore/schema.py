"""Shape validation of Open Badges 3.0 documents against 1EdTech's JSON Schemas.

OB 3.0 (§B "Serialization", JSON Schema appendix) publishes one JSON Schema per document
type; a verifier checks the shape before the proof, as the 1EdTech validator does. The
schemas are bundled (``obcore/schemas``); none references another document, and the
registry is empty, so validation never fetches anything.

Two validators give the same verdict (tests/test_schema_fast.py): the bundled schemas
generated as plain Python predicates (``obcore._schema.compiled``, microseconds, used for
every credential) and ``jsonschema`` (used only when the first says "not valid", for the
errors). See docs/decisions/0007-fast-schema-validation.md.

Errors are sentences a person can act on: a JSON path and a reason, for example
``credentialSubject.result[0].type: must contain 'Result'``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

__all__ = ["schema_errors", "schema_for"]

_BY_TYPE: tuple[tuple[str, str], ...] = (
    ("AchievementCredential", "achievementcredential.json"),
    ("OpenBadgeCredential", "achievementcredential.json"),
    ("EndorsementCredential", "endorsementcredential.json"),
    ("Profile", "profile.json"),
)
_VCDM1_CONTEXT = "https://www.w3.org/2018/credentials/v1"
_VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
_MAX_ERRORS = 50


def _types(document: dict[str, Any]) -> list[str]:
    value = document.get("type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def schema_for(credential: dict[str, Any]) -> str | None:
    """The bundled schema file name for this document's ``type``, or None if there is none."""
    types = _types(credential)
    for type_name, file_name in _BY_TYPE:
        if type_name in types:
            return file_name
    return None


_ARRAY_KEYWORDS = ("type", "items", "contains", "minItems", "maxItems", "uniqueItems")


def _declares_array(schema: Any) -> bool:
    declared = schema.get("type") if isinstance(schema, dict) else None
    return declared == "array" or (isinstance(declared, list) and "array" in declared)


def _single_as_set(original: Any) -> Any:
    """Wrap a keyword so a lone value counts as a set of one where the schema wants an array.

    In JSON-LD (JSON-LD 1.1 §4.3.1) and VCDM 2.0 a property with one value may be written
    without brackets: ``"type": "Result"`` and ``"type": ["Result"]`` say the same thing,
    and a single ``proof`` object is a set of one proof. 1EdTech's schemas declare such
    properties as arrays; judging the lone value as a one-item array keeps the item checks
    (``contains``, ``items``) strict while accepting the equivalent spelling. No ``oneOf``
    in the bundled schemas mixes array and non-array branches, so this cannot make two
    branches match at once.
    """

    def check(validator: Any, value: Any, instance: Any, schema: Any) -> Any:
        if not isinstance(instance, list) and _declares_array(schema):
            instance = [instance]
        return original(validator, value, instance, schema)

    return check


@cache
def _lenient_validator_class() -> Any:
    # jsonschema is imported only to explain a failure (or by the tests), never for a
    # valid credential: it costs ~70 ms of a command-line verification's start-up.
    from jsonschema import Draft201909Validator, validators

    wrapped = {k: _single_as_set(Draft201909Validator.VALIDATORS[k]) for k in _ARRAY_KEYWORDS}
    return validators.extend(Draft201909Validator, validators=wrapped)


def _schema_document(file_name: str) -> Any:
    from importlib import resources

    text = resources.files("obcore.schemas").joinpath(file_name).read_text("utf-8")
    return orjson.loads(text)


@cache
def _validator(file_name: str) -> Validator:
    from referencing import Registry

    # The schemas are checked against the 2019-09 metaschema by the tests, not here.
    # An empty registry: a $ref outside the document cannot be resolved, so never fetched.
    validator: Validator = _lenient_validator_class()(
        _schema_document(file_name), registry=Registry()
    )
    return validator


def _as_vcdm2(document: Any) -> Any:
    """Read a VCDM 1.1 credential (and credentials embedded in it) with VCDM 2.0 names.

    The bundled schemas follow VCDM 2.0: first context ``…/ns/credentials/v2``, dates
    ``validFrom``/``validUntil``. A credential with the 1.1 context states the same facts
    as ``issuanceDate``/``expirationDate`` (VCDM 2.0 §4.9 renamed them). OB 3.0 verifiers
    accept such credentials with a warning about the outdated context; that warning is the
    caller's finding, so the shape check judges the credential on the 2.0 names instead of
    reporting the context and a "missing" date it does carry.
    """
    if isinstance(document, list):
        return [_as_vcdm2(item) for item in document]
    if not isinstance(document, dict):
        return document
    view = {key: _as_vcdm2(value) for key, value in document.items()}
    context = view.get("@context")
    if isinstance(context, list) and context and context[0] == _VCDM1_CONTEXT:
        view["@context"] = [_VCDM2_CONTEXT, *context[1:]]
        if "validFrom" not in view and "issuanceDate" in view:
            view["validFrom"] = view["issuanceDate"]
        if "validUntil" not in view and "expirationDate" in view:
            view["validUntil"] = view["expirationDate"]
    return view


_VCDM1_BYTES = _VCDM1_CONTEXT.encode()


def _vcdm2_view(credential: dict[str, Any]) -> Any:
    """``_as_vcdm2(credential)``, without copying a credential that has no 1.1 context."""
    try:
        if _VCDM1_BYTES not in orjson.dumps(credential):
            return credential  # no 1.1 context anywhere: the view would equal the credential
    except (TypeError, orjson.JSONEncodeError):  # not plain JSON: take the general path
        pass
    return _as_vcdm2(credential)


def _fast_valid(file_name: str, document: Any) -> bool:
    """True when ``document`` is valid against the schema (generated predicate)."""
    from obcore._schema.compiled import VALIDATORS

    predicate = VALIDATORS.get(file_name)
    return predicate is not None and predicate(document)


def _path(error: ValidationError) -> str:
    out = ""
    for part in error.absolute_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


def _quote(values: Iterable[Any]) -> str:
    import json

    return ", ".join(repr(v) if isinstance(v, str) else json.dumps(v) for v in values)


def _reason(error: ValidationError) -> str:
    keyword = error.validator
    expected: Any = error.validator_value
    if keyword == "required":
        missing = [
            p for p in expected if isinstance(error.instance, dict) and p not in error.instance
        ]
        return f"missing required property {_quote(missing)}"
    if keyword == "contains" and isinstance(expected, dict) and "enum" in expected:
        options = list(expected["enum"])
        return f"must contain {' or '.join(repr(o) for o in options)}"
    if keyword == "enum":
        return f"must be one of {_quote(expected)}"
    if keyword == "const":
        return f"must be {_quote([expected])}"
    if keyword == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return f"must be of type {' or '.join(kinds)}"
    if keyword == "minItems":
        return f"must have at least {expected} item(s)"
    if keyword == "format":
        return f"must be a valid {expected}"
    if keyword == "additionalProperties":
        return "has a property the schema does not allow"
    return str(error.message)


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The errors of the alternative the value was meant to be, inside a oneOf/anyOf.

    ``issuer`` is a URL string or a Profile object; for an object with a bad ``type`` the
    useful answer is the Profile's error, not "must be of type string". An alternative
    rejected only for its JSON type at the value itself is set aside.
    """
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches: dict[Any, list[ValidationError]] = {}
    for inner in error.context:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    meant = [
        errs
        for errs in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if len(meant) == 1:
        return [leaf for inner in meant[0] for leaf in _leaves(inner)]
    from jsonschema.exceptions import best_match

    chosen = best_match(error.context)
    return _leaves(chosen) if chosen is not None else [error]


def schema_errors(credential: dict[str, Any]) -> list[str]:
    """Shape errors of ``credential`` against the schema its ``type`` selects; [] when OK.

    A document whose type selects no bundled schema gives one error saying so.
    """
    if not isinstance(credential, dict):
        return ["(document): must be a JSON object"]
    file_name = schema_for(credential)
    if file_name is None:
        types = _types(credential)
        named = _quote(types) if types else "none"
        return [f"type: no Open Badges 3.0 schema for type {named}"]
    view = _vcdm2_view(credential)
    if _fast_valid(file_name, view):
        return []
    messages: list[str] = []
    for error in _validator(file_name).iter_errors(view):
        for leaf in _leaves(error):
            message = f"{_path(leaf)}: {_reason(leaf)}"
            if message not in messages:
                messages.append(message)
        if len(messages) >= _MAX_ERRORS:
            break
    return sorted(messages)
