"""What the Open Badges API shows of a learner: their credentials and their profile."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from obcore.baking import unbake

from skillstack.issuing.models import CredentialState
from skillstack.issuing.selectors import credentials_of
from skillstack.trust.models import ImportState
from skillstack.trust.selectors import imports_of

PAGE_LIMIT_MAX = 100
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


@dataclass(frozen=True, slots=True)
class CredentialPage:
    documents: list[dict[str, Any]]  # JSON credentials (embedded proofs)
    compact_jws: list[str]  # VC-JWT credentials, as the spec carries them
    total: int


def _as_sent(row: Any) -> dict[str, Any] | str | None:
    """An import as the API carries it: JSON with its proof, or the compact JWS. Open
    Badges 2.0 assertions are not OB 3.0 credentials and are left out."""
    kind = str(row.format)
    if kind.startswith("ob2"):
        return None
    if kind == "jwt":
        return str(row.raw)
    if kind.endswith("+jwt"):  # a baked image: the JWS inside it
        return unbake(base64.b64decode(row.raw))
    return dict(row.document)


Item = tuple[datetime, str, dict[str, Any] | str]


def _wallet(user: Any, since: datetime | None) -> list[Item]:
    """(date, tie-breaker, credential) for everything the learner holds that still verifies:
    credentials issued here (not revoked; a suspended one is still theirs) and imports whose
    last check passed (the trust app re-checks them periodically)."""
    issued = credentials_of(user=user).exclude(state=CredentialState.REVOKED)
    imported = imports_of(user=user).filter(state=ImportState.VERIFIED)
    if since is not None:
        issued = issued.filter(issued_at__gte=since)
        imported = imported.filter(created_at__gte=since)
    items: list[Item] = [(row.issued_at, f"a{row.pk:012d}", row.document) for row in issued]
    for row in imported:
        credential = _as_sent(row)
        if credential is not None:
            items.append((row.created_at, f"b{row.pk:012d}", credential))
    return sorted(items, key=lambda item: (item[0], item[1]))


def api_credentials(
    *, user: Any, limit: int, offset: int, since: datetime | None = None
) -> CredentialPage:
    """One page of the learner's credentials, oldest first, so pages are stable."""
    items = _wallet(user, since)
    page = [credential for _, _, credential in items[offset : offset + limit]]
    documents = [c for c in page if isinstance(c, dict)]
    return CredentialPage(documents, [c for c in page if isinstance(c, str)], len(items))


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
