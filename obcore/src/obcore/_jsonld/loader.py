"""Offline JSON-LD document loader: bundled, hash-pinned contexts and did:key only.

Why: a verifier that fetches contexts can be steered by whoever controls the network
(a changed context changes what a signature means), and is slow. Every context obcore
accepts ships in ``obcore/contexts`` with its SHA-256 in ``manifest.json``; a file whose
bytes differ is refused (JSON-LD 1.1 §9.4 lets processors use any document loader; VC
Data Model 2.0 §4.3 recommends pinned copies of well-known contexts).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from obcore._jsonld.manifest import bundled_context_urls as _manifest_urls
from obcore.errors import ContextError

CONTEXTS_DIR = Path(__file__).resolve().parent.parent / "contexts"

DidKeyDeriver = Callable[[str], dict[str, Any]]


class BoundedCache(dict[str, Any]):
    """A dict that forgets its oldest entries beyond ``size`` (untrusted input fills it)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        while len(self) > self.size:
            try:
                del self[next(iter(self))]
            except (KeyError, RuntimeError, StopIteration):  # another thread got there
                break


def bundled_context_urls(directory: Path = CONTEXTS_DIR) -> frozenset[str]:
    """The URLs of the bundled contexts (from the manifest; no JSON-LD library needed)."""
    return _manifest_urls(directory)


class BundledLoader:
    """Serves bundled contexts (verified against the manifest) and derived did:key documents.

    The answer carries ``tag: "static"`` so pyld's context resolver keeps the resolved
    context in the loader's shared cache instead of re-processing it on every call.
    """

    def __init__(
        self,
        *,
        directory: Path = CONTEXTS_DIR,
        did_key_deriver: DidKeyDeriver | None = None,
    ) -> None:
        self.directory = directory
        self._did_key_deriver = did_key_deriver
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        self._manifest: dict[str, dict[str, str]] = manifest
        self._documents: dict[str, Any] = {}
        self._lock = threading.Lock()
        #: pyld ``ContextResolver`` shared cache (url → {tag → ResolvedContext}); bounded,
        #: because a document's own inline contexts are cached there too.
        self.resolved_cache: dict[str, Any] = BoundedCache(512)
        #: called once with each context document when it is first loaded
        self.on_load: Callable[[Any], None] | None = None

    @property
    def urls(self) -> frozenset[str]:
        """The context URLs this loader serves."""
        return frozenset(self._manifest)

    def context(self, url: str) -> Any:
        """The parsed context at ``url``, after checking its SHA-256 against the manifest."""
        document = self._documents.get(url)
        if document is not None:
            return document
        entry = self._manifest.get(url)
        if entry is None:
            raise ContextError(
                f"The JSON-LD context {url!r} is not one of the contexts bundled with "
                "obcore, and obcore never fetches contexts from the network."
            )
        raw = (self.directory / entry["file"]).read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            raise ContextError(
                f"The bundled copy of the JSON-LD context {url!r} ({entry['file']}) does not "
                "match its pinned SHA-256 hash; it was changed and will not be used."
            )
        document = json.loads(raw)
        with self._lock:
            self._documents[url] = document
        if self.on_load is not None:
            self.on_load(document)
        return document

    def __call__(self, url: str, options: Any = None) -> dict[str, Any]:
        """pyld document loader interface: ``loader(url, options) -> RemoteDocument``."""
        if url.startswith("did:key:") and self._did_key_deriver is not None:
            document: Any = self._did_key_deriver(url)
        else:
            document = self.context(url)
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": document,
            "tag": "static",
        }
