"""A guarded HTTPS fetcher for controller documents (never used unless a caller passes it).

obcore never fetches on its own: a caller that wants did:web or https controller
documents passes a fetcher to :class:`obcore.dids.Resolver`. :class:`SafeFetcher` is the
default a caller may choose: https only, the host's addresses are checked *after* DNS
resolution and *before* connecting (no private, loopback, link-local - which includes
cloud metadata 169.254.169.254 -, multicast, reserved or unspecified addresses), the
connection goes to the vetted address (no DNS rebinding), no redirects, timeouts, a size
cap and an in-memory cache.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from obcore.errors import DidResolutionError


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


class SafeFetcher:
    """Fetch a JSON document over https with SSRF guards; see the module docstring."""

    def __init__(
        self,
        *,
        timeout: float = 5.0,
        max_bytes: int = 256 * 1024,
        cache_seconds: float = 300.0,
        max_entries: int = 256,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.cache_seconds = cache_seconds
        self.max_entries = max_entries
        self._cache: dict[str, tuple[float, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def vetted_address(self, host: str, port: int) -> str:
        """The first address of ``host``; DidResolutionError if any address is forbidden."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as err:
            raise DidResolutionError(f"The host {host!r} could not be resolved: {err}.") from None
        addresses = [str(info[4][0]) for info in infos]
        if not addresses:
            raise DidResolutionError(f"The host {host!r} has no address.")
        bad = [a for a in addresses if _forbidden(a)]
        if bad:
            raise DidResolutionError(
                f"The host {host!r} resolves to a private or reserved address ({bad[0]}); "
                "refusing to connect.",
            )
        return addresses[0]

    def __call__(self, url: str) -> dict[str, Any]:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(url)
        if hit is not None and now - hit[0] < self.cache_seconds:
            return hit[1]
        document = self._fetch(url)
        with self._lock:
            self._cache[url] = (now, document)
            while len(self._cache) > self.max_entries:
                del self._cache[next(iter(self._cache))]
        return document

    def _fetch(self, url: str) -> dict[str, Any]:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise DidResolutionError(f"Only https URLs are fetched, not {url!r}.")
        if parts.username or parts.password:
            raise DidResolutionError("URLs with credentials are not fetched.")
        port = parts.port or 443
        address = self.vetted_address(parts.hostname, port)
        body = self._get(parts.hostname, address, port, parts.path or "/", parts.query)
        try:
            document = json.loads(body)
        except ValueError:
            raise DidResolutionError(f"{url!r} did not return JSON.") from None
        if not isinstance(document, dict):
            raise DidResolutionError(f"{url!r} did not return a JSON object.")
        return document

    def _get(self, host: str, address: str, port: int, path: str, query: str) -> bytes:
        import http.client
        import ssl

        context = ssl.create_default_context()
        conn = http.client.HTTPSConnection(host, port, timeout=self.timeout, context=context)
        raw = socket.create_connection((address, port), timeout=self.timeout)
        conn.sock = context.wrap_socket(raw, server_hostname=host)
        try:
            target = path + (f"?{query}" if query else "")
            accept = {"Accept": "application/did+json, application/json"}
            conn.request("GET", target, headers=accept)
            response = conn.getresponse()
            if response.status != 200:  # redirects are not followed
                raise DidResolutionError(
                    f"https://{host}{path} answered HTTP {response.status}; expected 200.",
                )
            body = response.read(self.max_bytes + 1)
        except OSError as err:
            raise DidResolutionError(f"Fetching https://{host}{path} failed: {err}.") from None
        finally:
            conn.close()
        if len(body) > self.max_bytes:
            raise DidResolutionError(
                f"https://{host}{path} is larger than {self.max_bytes} bytes; refused.",
            )
        return body
