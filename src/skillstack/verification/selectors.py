"""Verification reports in plain words, for people who have never heard of a DID.

obcore's checks already carry one sentence each; this adds what each step *means*, a headline
for the whole report, and who issued the credential as far as this platform knows. A
presentation (several credentials) is shown credential by credential.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from obcore.report import Check, Outcome, Report, Verdict
from obcore.verify import issuer_id

from skillstack.verification.local import issuer_for_did

_PREFIX = re.compile(r"^credential\[(\d+)\]\.")

STEPS: dict[str, tuple[str, str]] = {
    "parse": ("Reading", "Whether what you gave could be read as a credential at all."),
    "format": ("Badge image", "Whether a credential was found inside the badge image."),
    "context": (
        "Vocabulary",
        "Whether the credential uses the standard vocabularies that verifiers know.",
    ),
    "type": ("Kind", "Whether it declares itself a verifiable credential (an Open Badge)."),
    "schema": ("Shape", "Whether it has every part the Open Badges 3.0 standard requires."),
    "validity": (
        "Dates",
        "Whether today falls within the period the credential is valid for (not expired).",
    ),
    "proof": (
        "Signature",
        "Whether the issuer's digital signature matches the content exactly: "
        "changing even one letter after signing breaks it.",
    ),
    "jwt": (
        "Signature",
        "Whether the issuer's digital signature (JWT) matches the content exactly.",
    ),
    "issuer": ("Issuer", "Whether the signature was made by the issuer the credential names."),
    "status.revocation": (
        "Revocation",
        "Whether the issuer has withdrawn the credential for good.",
    ),
    "status.suspension": ("Suspension", "Whether the issuer has put the credential on hold."),
    "status": ("Status", "What the issuer currently says about the credential."),
    "badge": (
        "Badge",
        "Whether the badge the credential awards is described as Open Badges 2.0 requires.",
    ),
    "hosted": (
        "Hosting",
        "Whether the issuer publishes this badge at its address, where the issuer allows.",
    ),
    "presentation": ("Presentation", "Whether the bundle of credentials holds any credential."),
    "internal": ("Checking", "Whether the checks could run to the end."),
}

OUTCOME_WORDS = {
    Outcome.PASS: "Passed",
    Outcome.FAIL: "Failed",
    Outcome.WARNING: "Note",
    Outcome.NOT_CHECKED: "Could not be checked",
}


@dataclass(frozen=True, slots=True)
class StepView:
    id: str
    outcome: str  # pass / fail / warning / not-checked (also the CSS class)
    outcome_words: str
    title: str
    meaning: str
    message: str


@dataclass(slots=True)
class CredentialView:
    """The report of one credential: its name, issuer, headline and steps."""

    name: str = ""
    issuer_line: str = ""
    issuer_is_ours: bool = False
    verdict: str = Verdict.INVALID.value
    state: str = ""  # "revoked", "suspended", "expired" or ""
    headline: str = ""
    standing: str = ""  # the coalition's word on the issuer, in a sentence
    standing_kind: str = ""  # recognised, suspended, endorsed, unknown (or "" without issuer)
    standing_detail: dict[str, Any] = field(default_factory=dict)
    steps: list[StepView] = field(default_factory=list)


@dataclass(slots=True)
class ReportView:
    verified: bool
    verdict: str
    headline: str
    source: str
    credentials: list[CredentialView]
    presentation_steps: list[StepView]

    @property
    def is_presentation(self) -> bool:
        return len(self.credentials) > 1 or bool(self.presentation_steps)


def _step_key(check_id: str) -> str:
    base = re.sub(r"\[\d+\]", "", check_id)
    if base in STEPS:
        return base
    return base.split(".", 1)[0]


def _step(check: Check, check_id: str) -> StepView:
    title, meaning = STEPS.get(_step_key(check_id), ("Other check", ""))
    return StepView(
        id=check_id,
        outcome=check.outcome.value,
        outcome_words=OUTCOME_WORDS[check.outcome],
        title=title,
        meaning=meaning,
        message=check.message,
    )


def _verdict(checks: list[Check]) -> Verdict:
    return Report(checks=list(checks)).verdict


def _state(checks: list[Check]) -> str:
    for check in checks:
        if check.outcome is not Outcome.FAIL:
            continue
        key = _step_key(_PREFIX.sub("", check.id))
        if key == "status.revocation" and "revoked" in check.message:
            return "revoked"
        if key == "status.suspension" and "suspended" in check.message:
            return "suspended"
        if key == "validity" and "expired" in check.message:
            return "expired"
    return ""


def issuer_line(credential: dict[str, Any] | None) -> tuple[str, bool]:
    """Who issued it, as far as this platform knows, and whether the issuer is hosted here."""
    if not isinstance(credential, dict):
        return "", False
    if "recipient" in credential and "badge" in credential:
        return _ob2_issuer_line(credential), False
    did = issuer_id(credential)
    if not isinstance(did, str) or not did:
        return "The credential names no issuer.", False
    organization = issuer_for_did(did=did)
    if organization is not None:
        return f"Issued on this platform by {organization.name}.", True
    issuer = credential.get("issuer")
    claimed = issuer.get("name") if isinstance(issuer, dict) else None
    named = f" It calls itself “{claimed}”." if isinstance(claimed, str) and claimed else ""
    return f"The issuer ({did}) is not known to this platform.{named}", False


def _ob2_issuer_line(assertion: dict[str, Any]) -> str:
    from skillstack.trust.facts import credential_facts

    facts = credential_facts(assertion)
    if not facts.issuer_id:
        return "The badge's issuer could not be looked up."
    named = f" It calls itself “{facts.issuer_name}”." if facts.issuer_name else ""
    return f"An Open Badges 2.0 badge; the issuer is {facts.issuer_id}.{named}"


def _standing(view: CredentialView, credential: dict[str, Any]) -> None:
    from skillstack.trust.selectors import standing_for_credential

    verified = view.verdict in (Verdict.VALID.value, Verdict.WARNING.value)
    standing = standing_for_credential(credential=credential, verified=verified)
    if standing is not None:
        view.standing = standing.sentence
        view.standing_kind = standing.kind
        view.standing_detail = standing.as_dict()


HEADLINES = {
    "revoked": "REVOKED: the issuer has withdrawn this credential. It is not valid.",
    "suspended": "SUSPENDED: the issuer has put this credential on hold. It is not valid now.",
    "expired": "EXPIRED: this credential's validity period has ended.",
    Verdict.VALID: "Valid: the credential is genuine, unchanged since it was signed, and in "
    "good standing.",
    Verdict.WARNING: "Valid, with notes: the credential is genuine; read the notes below.",
    Verdict.NOT_CHECKED: "Could not be checked: some steps could not be done, so this "
    "credential cannot be called valid. See which below.",
    Verdict.INVALID: "Not valid: at least one check failed. See which below.",
}


def _credential_view(credential: dict[str, Any] | None, checks: list[Check]) -> CredentialView:
    view = CredentialView()
    if isinstance(credential, dict):
        name = credential.get("name")
        view.name = name if isinstance(name, str) else ""
        view.issuer_line, view.issuer_is_ours = issuer_line(credential)
    view.verdict = _verdict(checks).value
    view.state = _state(checks)
    view.headline = HEADLINES[view.state or Verdict(view.verdict)]
    view.steps = [_step(c, _PREFIX.sub("", c.id)) for c in checks]
    if isinstance(credential, dict):
        if not view.name and "badge" in credential:
            from skillstack.trust.facts import credential_facts

            view.name = credential_facts(credential).achievement_name
        _standing(view, credential)
    return view


def _embedded(credential: dict[str, Any] | None, index: int) -> dict[str, Any] | None:
    items = (credential or {}).get("verifiableCredential")
    items = items if isinstance(items, list) else [items]
    item = items[index] if index < len(items) else None
    return item if isinstance(item, dict) else None


def _split_presentation(report: Report) -> tuple[list[Check], dict[int, list[Check]]]:
    own: list[Check] = []
    per: dict[int, list[Check]] = {}
    for check in report.checks:
        match = _PREFIX.match(check.id)
        if match:
            per.setdefault(int(match.group(1)), []).append(check)
        else:
            own.append(check)
    return own, per


def report_present(*, report: Report) -> ReportView:
    """The report as the verify, wallet and share pages show it."""
    verdict = report.verdict
    credential = report.credential
    own, per = _split_presentation(report)
    if per:
        credentials = [
            _credential_view(_embedded(credential, i), checks) for i, checks in sorted(per.items())
        ]
        steps = [_step(c, c.id) for c in own]
        count = len(credentials)
        good = sum(1 for c in credentials if c.verdict in ("valid", "warning"))
        headline = f"A presentation of {count} credential{'s' if count != 1 else ''}: "
        headline += f"{good} valid, {count - good} not valid or not checkable."
        if any(s.outcome == "fail" for s in steps):
            headline += " The presentation's own signature does not verify."
    else:
        single = _credential_view(credential, report.checks)
        credentials, steps, headline = [single], [], single.headline
    return ReportView(
        verified=report.verified,
        verdict=verdict.value,
        headline=headline,
        source=report.source,
        credentials=credentials,
        presentation_steps=steps,
    )


def report_as_json(*, report: Report) -> dict[str, Any]:
    """The API's answer: obcore's report plus the sentences of the presenter."""
    view = report_present(report=report)
    return {
        "verified": view.verified,
        "verdict": view.verdict,
        "headline": view.headline,
        "source": view.source,
        "checks": [
            {**c.as_dict(), "title": _step(c, _PREFIX.sub("", c.id)).title} for c in report.checks
        ],
        "credentials": [
            {
                "name": c.name,
                "issuer": c.issuer_line,
                "issuer_known": c.issuer_is_ours,
                "verdict": c.verdict,
                "state": c.state,
                "headline": c.headline,
                "standing": c.standing_detail or None,
            }
            for c in view.credentials
        ],
    }
