"""Verify an Open Badges 3.0 credential from JSON, VC-JWT, baked PNG or baked SVG.

One function, :func:`verify`, runs the steps a verifier must (OB 3.0 §8.2 "Verification";
VC Data Model 2.0 §4 / §7) and returns a :class:`~obcore.report.Report`: ordered checks,
each with a sentence for a non-expert, and a verdict. Nothing is fetched: a step that
would need the network is reported ``not-checked`` (never ``valid``) unless the caller
passes a ``resolver`` (controller documents) or ``get_status_list`` (status lists).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Any

from obcore._timeutil import utc_now
from obcore._verify import checks
from obcore._verify.checks import issuer_id
from obcore._verify.parse import MAX_BYTES, check_depth, check_size, parse_json, sniff
from obcore.dids import Resolver
from obcore.errors import InputError, ObcoreError
from obcore.report import Check, Outcome, Report

__all__ = ["SUPPORTED_FORMATS", "issuer_id", "supported_formats", "verify"]

StatusListGetter = Callable[[str], dict[str, Any]]

SUPPORTED_FORMATS: dict[str, str] = {
    "json": "OB 3.0 / VC credential or presentation (JSON, Data Integrity proof)",
    "jsonl": "JSON Lines: one credential per line (command line)",
    "jwt": "VC-JWT compact serialization",
    "png": "PNG with a baked credential (iTXt 'openbadgecredential')",
    "svg": "SVG with a baked credential (openbadges:credential)",
}


def supported_formats() -> dict[str, str]:
    """The input formats :func:`verify` (and ``obcore verify``) accept, with a description."""
    return dict(SUPPORTED_FORMATS)


def verify(
    data: bytes | str | dict[str, Any],
    *,
    now: datetime | None = None,
    resolver: Resolver | None = None,
    get_status_list: StatusListGetter | None = None,
    check_schema: bool = True,
) -> Report:
    """Verify one credential (or presentation) and report every step.

    Never raises for bad input: problems become failed checks. ``now`` fixes the clock;
    ``resolver`` resolves did:web/https keys (offline without it); ``get_status_list``
    returns an already verified status list credential for a URL.
    """
    report = Report()
    context = _Context(utc_now(now), resolver or Resolver(), get_status_list, check_schema)
    try:
        credential, kind, jwt_checks = _read(data, report, context)
    except ObcoreError as err:
        report.add("parse", Outcome.FAIL, str(err))
        return report
    except Exception as err:  # noqa: BLE001 - a report, never a traceback, for any input
        report.add("parse", Outcome.FAIL, f"The input could not be read ({type(err).__name__}).")
        return report
    report.source = kind
    report.credential = credential
    try:
        if "VerifiablePresentation" in _types(credential):
            _verify_presentation(credential, report, context)
        else:
            _verify_credential(credential, report, context, jwt_checks)
    except RecursionError:
        report.add("parse", Outcome.FAIL, "The credential is nested too deeply to check.")
    except Exception as err:  # noqa: BLE001 - a report, never a traceback, for any input
        report.add(
            "internal",
            Outcome.FAIL,
            f"The credential could not be checked: {type(err).__name__}: {err}",
        )
    return report


class _Context:
    __slots__ = ("check_schema", "get_status_list", "now", "resolver")

    def __init__(
        self,
        now: datetime,
        resolver: Resolver,
        get_status_list: StatusListGetter | None,
        check_schema: bool,
    ) -> None:
        self.now = now
        self.resolver = resolver
        self.get_status_list = get_status_list
        self.check_schema = check_schema


@lru_cache(maxsize=1)
def _known_contexts() -> frozenset[str]:
    # the manifest, not the JSON-LD engine: a JCS or JWT credential never loads pyld
    from obcore._jsonld.manifest import bundled_context_urls

    return bundled_context_urls()


def _types(document: dict[str, Any]) -> list[Any]:
    value = document.get("type")
    return value if isinstance(value, list) else [value]


def _read(
    data: bytes | str | dict[str, Any], report: Report, context: _Context
) -> tuple[dict[str, Any], str, list[Check] | None]:
    """Parse/unbake ``data``: the credential, its format and (for a JWT) the JWT checks."""
    if isinstance(data, dict):
        check_depth(data)
        report.add("parse", Outcome.PASS, "The input is a JSON object.")
        return data, "json", None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes):
        raise InputError("The input must be bytes, text or a JSON object.")
    check_size(data, limit=MAX_BYTES)
    kind = sniff(data)
    text: bytes = data
    if kind in ("png", "svg"):
        try:
            from obcore.baking import unbake
        except ImportError:
            raise InputError(
                f"Reading credentials baked into {kind.upper()} files is not "
                "available in this installation."
            ) from None
        text = unbake(data).encode("utf-8")
        inner = sniff(text)
        report.add("format", Outcome.PASS, f"Found a baked credential ({inner}) in the {kind}.")
        kind = f"{kind}+{inner}"
    if kind.endswith("jwt"):
        credential, jwt_checks = _read_jwt(text.decode("utf-8", "replace"), context)
        report.add("parse", Outcome.PASS, "The input is a VC-JWT.")
        return credential, kind, jwt_checks
    value = parse_json(text)
    if not isinstance(value, dict):
        raise InputError("The JSON is not an object, so it cannot be a credential.")
    report.add("parse", Outcome.PASS, "The input is valid JSON.")
    return value, kind if kind != "unknown" else "json", None


def _read_jwt(token: str, context: _Context) -> tuple[dict[str, Any], list[Check]]:
    from obcore._verify.jwt_keys import key_resolver
    from obcore.vc_jwt import verify_jwt

    credential, jwt_checks = verify_jwt(
        token.strip(), resolve_key=key_resolver(context.resolver), now=context.now
    )
    if not isinstance(credential, dict):
        raise InputError("The JWT does not carry a credential object.")
    check_depth(credential)
    return credential, list(jwt_checks)


def _verify_credential(
    credential: dict[str, Any],
    report: Report,
    context: _Context,
    jwt_checks: list[Check] | None,
    prefix: str = "",
) -> None:
    def add(check: Check) -> None:
        report.checks.append(
            Check(prefix + check.id, check.outcome, check.message) if prefix else check
        )

    add(checks.context_check(credential, known=_known_contexts()))
    add(checks.type_check(credential))
    if context.check_schema:
        add(_schema_check(credential))
    add(checks.validity_check(credential, now=context.now))
    if jwt_checks is not None:
        for check in jwt_checks:
            add(check)
    else:
        signers = _proof_checks(credential, context, add)
        add(checks.issuer_check(credential, signers))
    for check in _status_checks(credential, context):
        add(check)
    if not prefix and "ClrCredential" in _types(credential):
        _verify_clr_components(credential, report, context)


def _verify_clr_components(record: dict[str, Any], report: Report, context: _Context) -> None:
    """A CLR bundles credentials each signed by its own issuer: each is verified on its own."""
    subject = record.get("credentialSubject")
    items = subject.get("verifiableCredential") if isinstance(subject, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        prefix = f"credential[{index}]."
        if isinstance(item, dict):
            _verify_credential(item, report, context, None, prefix)
        else:
            report.add(prefix + "parse", Outcome.FAIL, "This entry is not a credential object.")


def _clr_shape_check(credential: dict[str, Any]) -> Check:
    from obcore.clr import clr_problems

    problems = clr_problems(credential)
    if problems:
        return Check(
            "schema",
            Outcome.FAIL,
            "The record does not have the shape CLR 2.0 requires: " + "; ".join(problems[:3]),
        )
    return Check("schema", Outcome.PASS, "The record has the shape CLR 2.0 requires.")


def _schema_check(credential: dict[str, Any]) -> Check:
    if "ClrCredential" in _types(credential):
        return _clr_shape_check(credential)
    try:
        from obcore.schema import schema_errors
    except ImportError:
        return Check(
            "schema",
            Outcome.NOT_CHECKED,
            "Not checked: schema validation is not available in this installation.",
        )
    errors = schema_errors(credential)
    if errors:
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        return Check(
            "schema",
            Outcome.FAIL,
            "The credential does not have the shape Open "
            "Badges 3.0 requires: " + "; ".join(errors[:3]) + more + ".",
        )
    return Check("schema", Outcome.PASS, "The credential has the shape Open Badges 3.0 requires.")


def _proof_checks(
    credential: dict[str, Any], context: _Context, add: Callable[[Check], None]
) -> list[tuple[str | None, bool]]:
    from obcore.proofs import proof_set_verify

    if credential.get("proof") is None:
        add(
            Check(
                "proof",
                Outcome.FAIL,
                "The credential has no proof (signature), so "
                "nobody can tell who issued it or whether it was changed.",
            )
        )
        return []
    results = proof_set_verify(credential, resolver=context.resolver, now=context.now)
    any_verified = any(r.verified for r in results)
    any_supported = any(not r.unsupported for r in results)
    for result in results:
        for check in result.checks:
            if result.unsupported and any_supported:
                # in a proof set, a proof we cannot read must not decide the verdict alone
                check = Check(
                    check.id,
                    Outcome.WARNING if any_verified else Outcome.NOT_CHECKED,
                    check.message + " It was skipped because the credential has another proof.",
                )
            add(check)
    return [(r.controller, r.verified) for r in results]


def _status_checks(credential: dict[str, Any], context: _Context) -> list[Check]:
    if credential.get("credentialStatus") is None:
        return []
    try:
        from obcore.status import check_status
    except ImportError:
        return [
            Check(
                "status",
                Outcome.NOT_CHECKED,
                "Not checked: status checking is not available in this installation.",
            )
        ]
    getter = None if context.get_status_list is None else _verified_getter(context)
    try:
        return list(check_status(credential, get_status_list=getter, now=context.now))
    except ObcoreError as err:
        return [Check("status", Outcome.FAIL, str(err))]


def _verified_getter(context: _Context) -> StatusListGetter:
    """Wrap the caller's ``get_status_list``: a signed list is used only when its proof
    verifies and its issuer controls the key (Bitstring Status List 1.0 §3.2 step: the
    status list credential must itself be verified). An unsigned 1EdTech revocation list
    (a plain JSON resource, not a credential) is passed through as fetched."""
    from obcore.errors import StatusError
    from obcore.proofs import proof_set_verify

    fetch = context.get_status_list
    assert fetch is not None

    def get(url: str) -> dict[str, Any]:
        document = fetch(url)
        if not isinstance(document, dict):
            raise StatusError(f"The status list at {url} is not a JSON object.")
        if document.get("proof") is None and "VerifiableCredential" not in _types(document):
            return document
        results = proof_set_verify(document, resolver=context.resolver, now=context.now)
        failed = [c for r in results for c in r.checks if c.outcome is not Outcome.PASS]
        if not results or failed:
            reason = failed[0].message if failed else "it has no proof"
            raise StatusError(f"The status list at {url} could not be verified: {reason}")
        if issuer_id(document) not in {r.controller for r in results}:
            raise StatusError(f"The status list at {url} was not signed by its issuer.")
        return document

    return get


def _verify_presentation(presentation: dict[str, Any], report: Report, context: _Context) -> None:
    """A presentation: its own proof (if any) and then each credential on its own."""
    from obcore.proofs import proof_set_verify

    if presentation.get("proof") is not None:
        for result in proof_set_verify(
            presentation, resolver=context.resolver, now=context.now, purpose="authentication"
        ):
            report.checks.extend(result.checks)
    items = presentation.get("verifiableCredential")
    credentials = items if isinstance(items, list) else [items] if items else []
    if not credentials:
        report.add("presentation", Outcome.FAIL, "The presentation holds no credential.")
    for index, item in enumerate(credentials):
        prefix = f"credential[{index}]."
        if isinstance(item, str):  # an enveloped VC-JWT
            try:
                credential, jwt_checks = _read_jwt(item, context)
            except ObcoreError as err:
                report.add(prefix + "parse", Outcome.FAIL, str(err))
                continue
            _verify_credential(credential, report, context, jwt_checks, prefix)
        elif isinstance(item, dict):
            _verify_credential(item, report, context, None, prefix)
        else:
            report.add(prefix + "parse", Outcome.FAIL, "This entry is not a credential.")
