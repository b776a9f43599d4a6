"""Verifying what this site issued without the network: DIDs and status lists from the database.

``local_resolver`` answers did:web identifiers of issuers hosted here from their keys in the
database (the same document /orgs/<slug>/did.json serves) and did:key locally; any other
identifier needs the network and is refused (obcore's ``NetworkRequired``).
``local_status_list_getter`` returns our published status list credentials by URL, after
checking their proof and that the issuer who signed them is the issuer they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from obcore.dids import Resolver
from obcore.errors import StatusError
from obcore.proofs import proof_set_verify

from skillstack.accounts.models import Organization
from skillstack.issuing.dids import did_document, issuer_did
from skillstack.issuing.models import StatusList

_STATUS_PATH = re.compile(r"/orgs/([a-z0-9-]+)/status/(revocation|suspension)/([0-9]{1,9})")


class LocalResolver(Resolver):
    """did:web documents of this site's issuers from the database; did:key derived."""

    def __init__(self) -> None:
        super().__init__()
        prefix = issuer_did(organization=Organization(slug="x"))
        self._prefix = prefix[: -len("x")]

    def controller_document(self, controller: str) -> dict[str, Any]:
        if isinstance(controller, str) and controller.startswith(self._prefix):
            slug = controller[len(self._prefix) :]
            organization = Organization.objects.filter(slug=slug).first()
            if organization is not None:
                self._documents[controller] = did_document(organization=organization)
        return super().controller_document(controller)


def local_resolver() -> Resolver:
    return LocalResolver()


def _status_list_at(url: str) -> StatusList | None:
    if not isinstance(url, str) or not url.startswith(settings.SITE_URL + "/"):
        return None
    match = _STATUS_PATH.fullmatch(url[len(settings.SITE_URL) :])
    if match is None:
        return None
    slug, purpose, number = match.groups()
    return (
        StatusList.objects.select_related("organization")
        .filter(organization__slug=slug, purpose=purpose, number=int(number))
        .exclude(published__isnull=True)
        .first()
    )


def local_status_list_getter() -> Callable[[str], dict[str, Any]]:
    """A ``get_status_list`` for obcore.verify: our own lists only, each proof checked."""
    resolver = local_resolver()

    def get(url: str) -> dict[str, Any]:
        status_list = _status_list_at(url)
        if status_list is None or not isinstance(status_list.published, dict):
            raise StatusError(f"{url!r} is not a status list published by this site.")
        document = status_list.published
        results = proof_set_verify(document, resolver=resolver)
        if not results or not all(r.verified for r in results):
            raise StatusError(f"The status list at {url} does not carry a valid proof.")
        if document.get("issuer") != issuer_did(organization=status_list.organization):
            raise StatusError(f"The status list at {url} was not signed by its issuer.")
        return document

    return get
