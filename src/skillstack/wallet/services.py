"""Writes of the wallet: share links, claiming a credential, the learner's own DID.

Each function owns its transaction and records an audit entry.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from obcore.dids import did_web_url
from obcore.errors import ObcoreError
from obcore.keys import public_key_from_multibase

from skillstack.accounts.models import LearnerProfile
from skillstack.audit.services import audit_record
from skillstack.issuing.models import IssuedCredential


def _locked(credential: IssuedCredential) -> IssuedCredential:
    return IssuedCredential.objects.select_for_update().get(pk=credential.pk)


def credential_share_enable(*, credential: IssuedCredential, actor: Any) -> IssuedCredential:
    """Turn the public link on; the token is made once, so a link turned back on still works."""
    with transaction.atomic():
        row = _locked(credential)
        if not row.share_token:
            row.share_token = secrets.token_urlsafe(32)  # 43 characters
        row.share_enabled = True
        row.save(update_fields=["share_token", "share_enabled"])
        audit_record(
            action="wallet.share.enabled",
            actor=actor,
            organization=row.issuer,
            obj=row,
            data={"credential_id": row.credential_id},
        )
    return row


def credential_share_disable(*, credential: IssuedCredential, actor: Any) -> IssuedCredential:
    with transaction.atomic():
        row = _locked(credential)
        row.share_enabled = False
        row.save(update_fields=["share_enabled"])
        audit_record(
            action="wallet.share.disabled",
            actor=actor,
            organization=row.issuer,
            obj=row,
            data={"credential_id": row.credential_id},
        )
    return row


_DID_KEY = re.compile(r"did:key:(z[1-9A-HJ-NP-Za-km-z]+)")
_DID_WEB = re.compile(
    r"did:web:(?P<host>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)(?:%3A\d{1,5})?"
    r"(?::[A-Za-z0-9._~-]+(?:%[0-9A-Fa-f]{2}[A-Za-z0-9._~-]*)*)*"
)


def did_check(did: str) -> str:
    """``did`` trimmed if it is a did:key of an Ed25519 key or a well-formed did:web.

    ValidationError names what is wrong and how it should look.
    """
    did = did.strip()
    if len(did) > 300:
        raise ValidationError({"did": "A DID is at most 300 characters long."})
    match = _DID_KEY.fullmatch(did)
    if did.startswith("did:key:"):
        if match is None:
            raise ValidationError(
                {"did": "A did:key looks like did:key:z6Mk… (letters and digits, no spaces)."}
            )
        try:
            public_key_from_multibase(match.group(1))
        except ObcoreError:
            raise ValidationError(
                {"did": "This did:key does not hold an Ed25519 public key (they start z6Mk)."}
            ) from None
        return did
    if did.startswith("did:web:"):
        if _DID_WEB.fullmatch(did) is None:
            raise ValidationError(
                {
                    "did": "A did:web looks like did:web:example.org or "
                    "did:web:example.org:people:alex (a domain name, then optional path parts)."
                }
            )
        try:
            did_web_url(did)
        except ObcoreError as exc:
            raise ValidationError({"did": str(exc)}) from None
        return did
    raise ValidationError(
        {"did": "Only did:key and did:web identifiers can be used; yours starts differently."}
    )


def learner_did_set(*, user: Any, did: str | None) -> LearnerProfile:
    """Name ``did`` as the subject of future credentials; None keeps the platform identity
    (a salted hash of the e-mail address). Credentials already issued do not change."""
    value = did_check(did) if did else ""
    with transaction.atomic():
        profile = LearnerProfile.objects.select_for_update().get(user=user)
        before = profile.did
        if before == value:
            return profile
        profile.did = value
        profile.save(update_fields=["did"])
        audit_record(
            action="wallet.did.updated",
            actor=user,
            obj=profile,
            data={"before": before, "after": value},
        )
    return profile
