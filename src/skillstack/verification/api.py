"""The public verification API: POST a credential (JSON, or a file) and get the report.

No sign-in and no CSRF token: verifying changes nothing, and verifiers are often programs.
"""

# No ``from __future__ import annotations``: ninja reads the operation's annotations.

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import File, Router
from ninja.errors import HttpError
from ninja.files import UploadedFile
from obcore.report import Outcome, Report

from skillstack.core.access import api_requires
from skillstack.verification import selectors, services
from skillstack.verification.schemas import ReportOut, VerifyIn

router = Router(tags=["verification"])


def _unreadable(report: Report) -> str | None:
    """The sentence saying why the input could not be read at all, or None."""
    for check in report.checks:
        if check.id == "parse" and check.outcome is Outcome.FAIL:
            return check.message
    return None


def _answer(report: Report, field: str) -> dict[str, Any]:
    problem = _unreadable(report)
    if problem:
        raise ValidationError({field: f"The credential could not be read: {problem}"})
    return selectors.report_as_json(report=report)


@router.post("/verify", response=ReportOut, auth=None)
@api_requires("verification.credential.verify")
def verify_credential(request: HttpRequest, payload: VerifyIn) -> dict[str, Any]:
    """Verify a credential or presentation given inline (`credential`) or by address (`url`)."""
    if payload.url is not None:
        try:
            data: Any = services.credential_fetch(url=payload.url)
        except services.InputRefused as exc:
            raise ValidationError({"url": str(exc)}) from None
        return _answer(services.credential_verify(data=data), "url")
    assert payload.credential is not None
    return _answer(services.credential_verify(data=payload.credential), "credential")


@router.post("/verify/upload", response=ReportOut, auth=None)
@api_requires("verification.credential.verify")
def verify_upload(request: HttpRequest, file: UploadedFile = File(...)) -> dict[str, Any]:  # noqa: B008
    """Verify an uploaded file: a baked PNG or SVG badge, a JSON credential or a VC-JWT."""
    try:
        data = services.upload_read(upload=file)
    except services.UploadTooLarge as exc:
        raise HttpError(413, str(exc)) from None
    except services.InputRefused as exc:
        raise ValidationError({"file": str(exc)}) from None
    return _answer(services.credential_verify(data=data), "file")
