"""Who issued a credential, as far as this platform knows (issuers hosted here)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from django.conf import settings

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind


def our_did_prefix() -> str:
    """``did:web:<our host>:orgs:`` - every issuer hosted here has a DID starting so."""
    host = quote(urlsplit(settings.SITE_URL).netloc, safe="")
    return f"did:web:{host}:orgs:"


def issuer_for_did(*, did: str) -> Organization | None:
    """The issuer hosted here whose DID is ``did``, or None (not ours, or unknown)."""
    prefix = our_did_prefix()
    if not isinstance(did, str) or not did.startswith(prefix):
        return None
    slug = did[len(prefix) :]
    if not slug or ":" in slug or "#" in slug or len(slug) > 80:
        return None
    return Organization.objects.filter(slug=slug, kind=OrgKind.ISSUER).first()
