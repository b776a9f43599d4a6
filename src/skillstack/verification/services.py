"""Verifying credentials: obcore's verify() wired to this platform's resolver and status lists.

Verification changes nothing, so nothing here is audited; it lives in services because it is
the one entry point that pages, the API and the wallet share. Input that cannot be read never
raises: it becomes a report whose failed check says why, in a sentence.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from obcore.errors import ObcoreError
from obcore.ob2 import is_ob2, verify_ob2
from obcore.report import Check, Outcome, Report
from obcore.verify import verify

from skillstack.verification.fetching import (
    PlatformResolver,
    StatusGetterWithRefusals,
    fetch_json,
    url_refusal,
)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Largest file a visitor may upload (a baked badge image is usually well under 1 MB)."""


class InputRefused(ValueError):
    """Input refused before verification; ``str()`` is a sentence saying what to do."""


class UploadTooLarge(InputRefused):
    """A file over the size cap (the API answers 413)."""


def _unchecked_refused_status(report: Report, refused: dict[str, str]) -> None:
    """A status list we chose not to fetch says nothing against the credential: not checked."""
    if not refused:
        return
    for i, check in enumerate(report.checks):
        if check.outcome is not Outcome.FAIL or ".status" not in f".{check.id}":
            continue
        url = next((u for u in refused if u in check.message), None)
        if url is not None:
            message = f"Not checked: the status list at {url} was not fetched. {refused[url]}"
            report.checks[i] = Check(check.id, Outcome.NOT_CHECKED, message)


def _platform_holds(report: Report) -> None:
    """A credential of ours that its issuer suspended: a hold recorded on the platform (ADR 8),
    which the status list does not carry, reported like a status check."""
    from skillstack.issuing.models import CredentialState, IssuedCredential

    credential = report.credential
    credential_id = credential.get("id") if isinstance(credential, dict) else None
    if not isinstance(credential_id, str):
        return
    held = (
        IssuedCredential.objects.filter(
            credential_id=credential_id, state=CredentialState.SUSPENDED
        )
        .values_list("state_reason", flat=True)
        .first()
    )
    if held is not None:
        report.add(
            "status.suspension",
            Outcome.FAIL,
            f"The issuer has suspended this credential on this platform: {held}",
        )


def _ob2_fetch(url: str) -> dict[str, Any]:
    """OB 2.0 documents (hosted assertion, badge class, issuer, key, revocation list): only
    from allowed hosts, like every other fetch; refusals read as "not checked"."""
    refusal = url_refusal(url)
    if refusal:
        raise ObcoreError(refusal)
    return fetch_json(url)


def credential_verify(*, data: bytes | str | dict[str, Any]) -> Report:
    """Verify a credential or presentation (JSON, VC-JWT, baked PNG/SVG) and report each step.

    Open Badges 2.0 assertions (hosted, or signed as a JWS, also baked) go to obcore.ob2.

    Our own issuers' keys and status lists come from the database; other issuers' only from
    the allow-listed hosts (VERIFY_FETCH_ALLOWED_HOSTS), so by default nothing is fetched.
    """
    if is_ob2(data):
        return verify_ob2(data, fetch=_ob2_fetch)
    status_getter = StatusGetterWithRefusals()
    report = verify(data, resolver=PlatformResolver(), get_status_list=status_getter)
    _unchecked_refused_status(report, status_getter.refused)
    _platform_holds(report)
    return report


def upload_read(*, upload: UploadedFile) -> bytes:
    """The bytes of an uploaded credential file, refused above the size cap before reading."""
    size = upload.size or 0
    if size > MAX_UPLOAD_BYTES:
        megabytes = size / (1024 * 1024)
        raise UploadTooLarge(
            f"The file is {megabytes:.1f} MB; files up to 10 MB can be checked. "
            "A badge image with its credential is usually much smaller."
        )
    if size == 0:
        raise InputRefused("The file is empty. Choose the credential file again.")
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge("The file is larger than 10 MB; files up to 10 MB can be checked.")
    return data


def credential_fetch(*, url: str) -> dict[str, Any]:
    """The credential JSON at ``url``: only https, only allowed hosts, no redirects, capped."""
    url = url.strip()
    if not url:
        raise InputRefused("Give the address (URL) of the credential.")
    try:
        return fetch_json(url)
    except ObcoreError as exc:
        raise InputRefused(str(exc)) from None
