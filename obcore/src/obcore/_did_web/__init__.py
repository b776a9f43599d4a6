"""did:web (W3C CCG did:web §3.2 "Read (Resolve)") and a guarded HTTPS fetcher.

obcore never fetches on its own: a caller that wants did:web or https controller
documents passes a fetcher to :class:`obcore.dids.Resolver`. :class:`SafeFetcher` is the
default a caller may choose: https only, the host's addresses are checked *after* DNS
resolution and *before* connecting (no private, loopback, link-local — which includes
cloud metadata 169.254.169.254 —, multicast, reserved or unspecified addresses), the
connection goes to the vetted address (no DNS rebinding), no redirects, timeouts, a size
cap and an in-memory cache.
"""

from __future__ import annotations

from urllib.parse import unquote

from obcore.errors import DidResolutionError

__all__ = ["did_web_url"]


def did_web_url(did: str) -> str:
    """The https URL of a did:web DID document (did:web §3.2 steps 1-6)."""
    if not did.startswith("did:web:"):
        raise DidResolutionError(f"{did!r} is not a did:web DID.")
    parts = did[len("did:web:") :].split(":")
    if not parts or not parts[0]:
        raise DidResolutionError(f"{did!r} has no domain name.")
    host = unquote(parts[0])
    if "/" in host or "@" in host:
        raise DidResolutionError(f"{did!r} has an invalid domain name.")
    path = "/".join(unquote(p) for p in parts[1:]) or ".well-known"
    return f"https://{host}/{path}/did.json"
