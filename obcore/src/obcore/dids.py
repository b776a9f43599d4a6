"""Verification methods and their controllers: did:key (derived), did:web and https.

VC Data Integrity 1.0 §4.7 (retrieve verification method) and Controlled Identifiers 1.0
§3.3: the verification method is looked up in its controller document, that document's
``id`` must be the controller, and the method must be listed under the proof purpose
(``assertionMethod``). Only did:key works without a network; did:web and https need a
fetcher that the *caller* injects (e.g. :class:`SafeFetcher`), or documents given upfront.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from obcore._did_key import did_key_document
from obcore.errors import DidResolutionError

if TYPE_CHECKING:
    from obcore._did_web import did_web_url
    from obcore._did_web.fetcher import SafeFetcher

__all__ = ["NetworkRequired", "Resolver", "SafeFetcher", "did_web_url"]

Fetcher = Callable[[str], dict[str, Any]]


def __getattr__(name: str) -> Any:
    # SafeFetcher pulls in socket/ssl support, did_web_url urllib.parse: loaded only when
    # a caller asks for them (a did:key credential never does)
    if name == "SafeFetcher":
        from obcore._did_web.fetcher import SafeFetcher

        return SafeFetcher
    if name == "did_web_url":
        from obcore._did_web import did_web_url

        return did_web_url
    raise AttributeError(name)


class NetworkRequired(DidResolutionError):
    """Resolving this identifier needs the network and no fetcher was given."""

    code = "did.network_required"


def _split(vm_id: str) -> tuple[str, str]:
    base, _, fragment = vm_id.partition("#")
    return base, fragment


class Resolver:
    """Finds controller documents: did:key locally, others via ``documents`` or ``fetcher``.

    ``documents`` maps an id (DID or URL) to its controller document; ``fetcher(url)``
    returns the JSON at an https URL. Without either, did:web/https raise NetworkRequired.
    """

    def __init__(
        self,
        *,
        fetcher: Fetcher | None = None,
        documents: Mapping[str, dict[str, Any]] | None = None,
    ) -> None:
        self._fetcher = fetcher
        self._documents = dict(documents or {})

    def controller_document(self, controller: str) -> dict[str, Any]:
        """The controller (DID) document for ``controller``, whose ``id`` must match."""
        if controller in self._documents:
            document = self._documents[controller]
        elif controller.startswith("did:key:"):
            return did_key_document(controller)
        elif controller.startswith("did:web:"):
            from obcore._did_web import did_web_url

            document = self._fetch(did_web_url(controller), controller)
        elif controller.startswith("https://"):
            document = self._fetch(controller, controller)
        elif controller.startswith("did:"):
            method = controller.split(":", 2)[1]
            raise DidResolutionError(
                f"The DID method {method!r} is not supported (did:key and did:web are).",
            )
        elif ":" not in controller:
            raise DidResolutionError(
                f"The verification method {controller!r} is not a URL or DID.",
            )
        else:
            scheme = controller.split(":", 1)[0]
            raise DidResolutionError(
                f"The verification method uses the unsupported scheme {scheme!r}.",
            )
        if not isinstance(document, dict) or document.get("id") != controller:
            raise DidResolutionError(
                f"The controller document found for {controller!r} has a different id.",
            )
        return document

    def _fetch(self, url: str, controller: str) -> dict[str, Any]:
        if self._fetcher is None:
            raise NetworkRequired(
                f"Checking the key needs the controller document of {controller!r} from the "
                "network, and this verification runs offline.",
            )
        return self._fetcher(url)

    def verification_method(
        self, vm_id: str, *, purpose: str = "assertionMethod"
    ) -> dict[str, Any]:
        """The verification method ``vm_id``, checked against its controller document."""
        if not isinstance(vm_id, str) or not vm_id:
            raise DidResolutionError("The proof has no verificationMethod.")
        if vm_id.startswith("did:key:") and vm_id not in self._documents:
            return dict(_did_key_method(vm_id, purpose))
        return self._verification_method(vm_id, purpose)

    def _verification_method(self, vm_id: str, purpose: str) -> dict[str, Any]:
        base, fragment = _split(vm_id)
        document = self.controller_document(base)
        methods = [m for m in document.get("verificationMethod", []) if isinstance(m, dict)]
        if not fragment and base.startswith("did:key:") and len(methods) == 1:
            vm_id = methods[0]["id"]  # a bare did:key names its only key
        method = next((m for m in methods if _absolute(m.get("id"), base) == vm_id), None)
        if method is None:
            raise DidResolutionError(
                f"The key {vm_id!r} is not listed in its controller document.",
            )
        if method.get("controller") != document["id"]:
            raise DidResolutionError(
                f"The key {vm_id!r} is not controlled by {document['id']!r}.",
            )
        allowed = {
            _absolute(r if isinstance(r, str) else r.get("id"), base)
            for r in document.get(purpose, [])
            if isinstance(r, (str, dict))
        }
        if vm_id not in allowed:
            raise DidResolutionError(
                f"The key {vm_id!r} is not authorised for {purpose} by its controller.",
            )
        return {**method, "id": vm_id}


@lru_cache(maxsize=4096)
def _did_key_method(vm_id: str, purpose: str) -> dict[str, Any]:
    """A did:key method is derived from its own name: checked once, then remembered.

    Callers get a copy (``verification_method`` copies it); errors are not cached.
    """
    return Resolver()._verification_method(vm_id, purpose)


def _absolute(ref: Any, base: str) -> str | None:
    if not isinstance(ref, str):
        return None
    return base + ref if ref.startswith("#") else ref
