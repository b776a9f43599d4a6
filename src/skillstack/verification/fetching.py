"""What verification may look up, and where: our own database first, then only allowed hosts.

obcore never touches the network by itself (DESIGN rule 1); this module hands it a resolver and
a status-list getter. Issuers hosted here are answered from the database (their DID documents
and published status lists), so verifying our own credentials needs no network at all. Anything
else is fetched only from the hosts listed in ``VERIFY_FETCH_ALLOWED_HOSTS`` (empty by default:
fully offline), over https, through obcore's ``SafeFetcher`` (addresses vetted after DNS and
before connecting, no private or loopback addresses, no redirects, timeouts, a size cap).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from obcore.dids import NetworkRequired, Resolver, SafeFetcher, did_web_url
from obcore.errors import DidResolutionError, StatusError

from skillstack.issuing.verification import local_resolver, local_status_list_getter
from skillstack.verification.local import our_did_prefix

StatusGetter = Callable[[str], dict[str, Any]]

FETCH_TIMEOUT_S = 5.0
FETCH_MAX_BYTES = 512 * 1024  # DID documents and status lists are a few kilobytes

_fetcher_lock = threading.Lock()
_fetcher: SafeFetcher | None = None


class FetchRefused(DidResolutionError):
    """A URL this platform will not fetch; ``str()`` is a sentence for the person asking."""

    code = "verify.fetch_refused"


def allowed_hosts() -> frozenset[str]:
    return frozenset(h.lower().rstrip(".") for h in settings.VERIFY_FETCH_ALLOWED_HOSTS)


def url_refusal(url: str) -> str | None:
    """Why ``url`` may not be fetched, as a sentence; None when it may be."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "The address is not a valid URL."
    if parts.scheme != "https":
        return "Only https addresses are fetched; this one starts with something else."
    if not host:
        return "The address has no host name."
    if parts.username or parts.password:
        return "Addresses that carry a user name or password are not fetched."
    hosts = allowed_hosts()
    if host not in hosts:
        if not hosts:
            return (
                f"This platform verifies offline and does not contact other sites ({host}). "
                "Download the credential and upload the file instead."
            )
        return (
            f"This platform does not contact {host}: it only fetches from "
            f"{', '.join(sorted(hosts))}. Download the credential and upload the file instead."
        )
    return None


def safe_fetcher() -> SafeFetcher:
    """One shared SafeFetcher per process (its small cache spares the issuer repeated calls)."""
    global _fetcher
    with _fetcher_lock:
        if _fetcher is None:
            _fetcher = SafeFetcher(timeout=FETCH_TIMEOUT_S, max_bytes=FETCH_MAX_BYTES)
        return _fetcher


def fetch_json(url: str) -> dict[str, Any]:
    """The JSON object at an allowed https ``url``; FetchRefused or DidResolutionError if not."""
    refusal = url_refusal(url)
    if refusal:
        raise FetchRefused(refusal)
    return safe_fetcher()(url)


def _allow_listed_fetch(url: str) -> dict[str, Any]:
    refusal = url_refusal(url)
    if refusal:
        # "needs the network" reads as could-not-be-checked, never as a failure of the issuer
        raise NetworkRequired(f"The key's document at {url} was not fetched. {refusal}")
    return safe_fetcher()(url)


class PlatformResolver(Resolver):
    """Controller documents of issuers hosted here from the database, others from allowed hosts."""

    def __init__(self) -> None:
        super().__init__(fetcher=_allow_listed_fetch)
        self._local = local_resolver()
        self._ours = our_did_prefix()

    def controller_document(self, controller: str) -> dict[str, Any]:
        if controller.startswith(self._ours):
            return self._local.controller_document(controller)
        if controller.startswith("did:web:"):
            did_web_url(controller)  # a malformed did:web is refused before any network use
        return super().controller_document(controller)


class StatusGetterWithRefusals:
    """Status lists from the database, else from allowed hosts; remembers which it refused.

    obcore reports a getter's error as a failed check. A list we did not *try* to fetch says
    nothing against the credential, so the service turns those checks into "not checked".
    """

    def __init__(self) -> None:
        self.refused: dict[str, str] = {}
        self._local = local_status_list_getter()

    def __call__(self, url: str) -> dict[str, Any]:
        if isinstance(url, str) and url.startswith(settings.SITE_URL + "/"):
            return self._local(url)  # ours: from the database, never over the network
        refusal = url_refusal(url)
        if refusal:
            self.refused[url] = refusal
            raise StatusError(f"The status list at {url} was not fetched. {refusal}")
        return safe_fetcher()(url)
