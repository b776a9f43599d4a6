"""JSON-LD for obcore: offline expansion with bundled contexts and safe mode.

Public API: :func:`expand`, :func:`default_loader`, :class:`BundledLoader`. Everything
runs offline: contexts come from ``obcore/contexts`` (hash-pinned), did:key documents are
derived locally, anything else is refused with :class:`~obcore.errors.ContextError`.
"""

from __future__ import annotations

from copy import deepcopy
from functools import lru_cache
from typing import Any

import orjson

from obcore._jsonld.loader import BundledLoader
from obcore._jsonld.processor import CachingProcessor, ContextMemo, JsonLdError
from obcore._jsonld.processor import new_context_resolver as _new_resolver
from obcore._jsonld.safe import RELATIVE_BASE, check_expanded, refuse_dropped
from obcore._jsonld.shapes import ShapeMemo, _collect_keys
from obcore.errors import ContextError, ObcoreError

__all__ = ["BundledLoader", "Engine", "check_safe", "default_engine", "expand"]


class Engine:
    """A loader plus its caches: processed contexts are reused across documents."""

    def __init__(self, loader: BundledLoader) -> None:
        self.loader = loader
        self.memo = ContextMemo()
        self._shapes: ShapeMemo | None = None
        # bundled contexts are never mutated: their objects may be memo keys by identity
        loader.on_load = self.memo.trust

    def expand(self, document: Any, *, safe: bool = True) -> list[Any]:
        """Expand ``document`` (JSON-LD 1.1 API §4.1); in safe mode refuse dropped data."""
        dropped: list[str] = []
        processor = CachingProcessor(self.memo, dropped)
        options = {
            "documentLoader": self.loader,
            "contextResolver": _new_resolver(self.loader.resolved_cache, self.loader),
            "base": RELATIVE_BASE,
        }
        try:
            copy = orjson.loads(orjson.dumps(document))  # ~20x faster than deepcopy
        except (TypeError, orjson.JSONDecodeError):  # e.g. an integer beyond 64 bits
            copy = deepcopy(document)
        try:
            expanded: list[Any] = processor.expand_copy(copy, options)
        except JsonLdError as err:
            raise _unwrap(err) from None
        if safe:
            refuse_dropped(dropped)
            check_expanded(expanded)
        return expanded

    def check_safe(self, document: Any) -> None:
        """Raise what ``expand(document)`` (safe mode) would raise; return if it would pass.

        Remembers verdicts per document shape (:mod:`obcore._jsonld.shapes`), so documents
        made from one template are expanded once, not each time.
        """
        shapes = self._shapes
        if shapes is None:
            shapes = self._shapes = ShapeMemo(self._bundled_terms())
        if not shapes.passes_without_expansion(document, self.expand):
            self.expand(document)

    def _bundled_terms(self) -> frozenset[str]:
        """Every key of every bundled context: a superset of the terms they define."""
        keys: set[str] = set()
        for url in self.loader.urls:
            _collect_keys(self.loader.context(url), keys)
        return frozenset(keys)

    def processor(self) -> CachingProcessor:
        """A processor sharing this engine's memo (for toRdf on expanded input)."""
        return CachingProcessor(self.memo, [])


def _unwrap(err: BaseException) -> ObcoreError:
    """Return the obcore error behind a pyld error, or a ContextError describing it."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, ObcoreError):
            return cause
        cause = cause.__cause__ or cause.__context__
    message = str(err).split("\n", 1)[0]
    return ContextError(f"The document is not valid JSON-LD: {message}")


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The process-wide engine over the bundled contexts (with did:key derivation)."""
    from obcore._did_key import did_key_document

    return Engine(BundledLoader(did_key_deriver=did_key_document))


def check_safe(document: Any) -> None:
    """Raise exactly what :func:`expand` (safe mode) would raise for ``document``.

    For signing a JCS proof: the JSON is signed as it is, but never with terms the
    contexts do not define. Verdicts are remembered per document shape.
    """
    default_engine().check_safe(document)


def expand(document: Any, *, safe: bool = True) -> list[Any]:
    """Expand a JSON-LD document offline with the bundled contexts.

    Raises ContextError for a context that is not bundled and SafeModeError (naming the
    property) for data expansion would drop or leave relative.
    """
    return default_engine().expand(document, safe=safe)
