"""What the Open Badges API shows of a learner: their credentials and their profile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from skillstack.issuing.models import CredentialState
from skillstack.issuing.selectors import credentials_of

PAGE_LIMIT_MAX = 100
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


@dataclass(frozen=True, slots=True)
class CredentialPage:
    documents: list[dict[str, Any]]
    total: int


def api_credentials(
    *, user: Any, limit: int, offset: int, since: datetime | None = None
) -> CredentialPage:
    """The learner's credentials issued here, oldest first (stable pages), as signed.

    Revoked credentials are left out: a host that pulls them would show a badge the issuer
    withdrew (a suspended one is still the learner's and verifies; it stays).
    """
    rows = (
        credentials_of(user=user).exclude(state=CredentialState.REVOKED).order_by("issued_at", "id")
    )
    if since is not None:
        rows = rows.filter(issued_at__gte=since)
    total = rows.count()
    documents = [row.document for row in rows[offset : offset + limit]]
    return CredentialPage(documents, total)


def api_profile(*, user: Any) -> dict[str, Any]:
    """The learner as an OB 3.0 ``Profile``: their DID if they set one, else their e-mail.

    The client was granted the profile scope by the learner, so the e-mail is theirs to see.
    """
    profile = getattr(user, "learner_profile", None)
    identifier = profile.did if profile and profile.did else f"mailto:{user.email}"
    return {
        "@context": [OB_CONTEXT],
        "type": "Profile",
        "id": identifier,
        "name": user.full_name,
        "email": user.email,
    }
