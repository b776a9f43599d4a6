"""upsertCredential (OB 3.0 §6.2.3): a host pushes a credential into the learner's wallet.

A credential this platform issued to the learner is already here: it is answered as it is
(200). Anything else is an external credential and goes through the wallet's import (the
trust app), which verifies it (proof, status, validity, subject: it must be about this
learner) before keeping it: 201 when new, 200 when it was already imported, 400 with the
reason when it does not verify.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from skillstack.issuing.selectors import credentials_of
from skillstack.trust.imports import imported_credential_add


class UpsertRefused(Exception):
    """The credential was not accepted; the message says why, in plain words."""


@dataclass(frozen=True, slots=True)
class Upserted:
    document: dict[str, Any] | str
    status: int


def _parse(body: bytes, content_type: str) -> dict[str, Any] | str:
    text = body.decode("utf-8", errors="strict").strip() if body else ""
    if not text:
        raise UpsertRefused("The body is empty: send the credential (JSON or a compact JWS).")
    if content_type == "text/plain" or (text.count(".") == 2 and not text.startswith("{")):
        return text
    try:
        document = json.loads(text)
    except ValueError as err:
        raise UpsertRefused(f"The body is not JSON: {err}.") from None
    if not isinstance(document, dict):
        raise UpsertRefused("The credential must be a JSON object.")
    return document


def credential_upsert(*, user: Any, body: bytes, content_type: str) -> Upserted:
    try:
        credential = _parse(body, content_type)
    except UnicodeDecodeError:
        raise UpsertRefused("The body is not UTF-8 text.") from None
    if isinstance(credential, dict):
        ours = credentials_of(user=user).filter(credential_id=str(credential.get("id", ""))).first()
        if ours is not None:
            return Upserted(ours.document, 200)
    return _import(user=user, credential=credential)


def _import(*, user: Any, credential: dict[str, Any] | str) -> Upserted:
    started = timezone.now()
    try:
        imported = imported_credential_add(actor=user, data=credential)
    except ValidationError as err:
        raise UpsertRefused(" ".join(err.messages)) from None
    status = 201 if imported.created_at >= started else 200
    return Upserted(credential if isinstance(credential, str) else imported.document, status)
