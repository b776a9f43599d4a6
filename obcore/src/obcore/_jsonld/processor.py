"""A pyld ``JsonLdProcessor`` that caches processed contexts, plus JSON-LD "safe mode".

Why a subclass: pyld 3.3.0 keys its processed-context cache on the active context's
``_uuid``. When a type-scoped context (JSON-LD 1.1 §4.1.8, e.g. ``Achievement`` in the
OB 3.0 context) is applied, pyld clones the active context and gives the clone a fresh
uuid, so the same scoped context is re-processed for every node of every document. We
memoise ``_process_context`` for immutable (frozen) active contexts and for local
contexts that are URLs or objects belonging to the bundled, never-mutated contexts.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from obcore._jsonld._pyld import load_jsonld_module

_jsonld = load_jsonld_module()
_frozendict: Any = type(_jsonld.freeze({}))

_MEMO_SIZE = 4096
_IRI_MEMO_SIZE = 65536


class ContextMemo:
    """Bounded memo of processed contexts, shared by all processors of one loader."""

    def __init__(self) -> None:
        self.entries: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.trusted_ids: set[int] = set()
        self.keep_alive: list[Any] = []
        self.lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        #: (active context uuid, value, base, vocab) → expanded IRI
        self.iris: dict[tuple[Any, ...], Any] = {}

    def trust(self, document: Any) -> None:
        """Mark every object inside a bundled context as safe to key by identity."""
        stack = [document]
        with self.lock:
            self.keep_alive.append(document)
            while stack:
                item = stack.pop()
                if isinstance(item, dict):
                    self.trusted_ids.add(id(item))
                    stack.extend(item.values())
                elif isinstance(item, list):
                    self.trusted_ids.add(id(item))
                    stack.extend(item)

    def key_for(self, local_ctx: Any) -> Any:
        if isinstance(local_ctx, str):
            return local_ctx
        if isinstance(local_ctx, (dict, list)) and id(local_ctx) in self.trusted_ids:
            return ("id", id(local_ctx))
        if isinstance(local_ctx, list) and local_ctx and all(isinstance(c, str) for c in local_ctx):
            return tuple(local_ctx)
        return None


_JsonLdProcessor: Any = _jsonld.JsonLdProcessor


class CachingProcessor(_JsonLdProcessor):  # type: ignore[misc]
    """``JsonLdProcessor`` whose context processing is memoised in a ``ContextMemo``."""

    def __init__(self, memo: ContextMemo, dropped: list[str]) -> None:
        super().__init__(on_property_dropped=self._record_drop)
        self._memo = memo
        self._dropped = dropped

    def _record_drop(self, expanded_property: Any) -> None:
        self._dropped.append(str(expanded_property))

    def _process_context(
        self,
        active_ctx: Any,
        local_ctx: Any,
        options: Any,
        override_protected: bool = False,
        propagate: bool = True,
        validate_scoped: bool = True,
        cycles: Any = None,
    ) -> Any:
        memo = self._memo
        ctx_key = memo.key_for(local_ctx) if isinstance(active_ctx, _frozendict) else None
        if ctx_key is None or cycles:
            return super()._process_context(
                active_ctx,
                local_ctx,
                options,
                override_protected,
                propagate,
                validate_scoped,
                cycles,
            )
        key = (active_ctx["_uuid"], ctx_key, override_protected, propagate, validate_scoped)
        found = memo.entries.get(key)
        if found is not None:
            memo.hits += 1
            return found[0]
        memo.misses += 1
        result = super()._process_context(
            active_ctx,
            local_ctx,
            options,
            override_protected,
            propagate,
            validate_scoped,
            cycles,
        )
        with memo.lock:
            # keep the active context alive so its uuid (part of the key) stays unique
            memo.entries[key] = (result, active_ctx, local_ctx)
            if len(memo.entries) > _MEMO_SIZE:
                memo.entries.popitem(last=False)
        return result

    def _expand_iri(
        self,
        active_ctx: Any,
        value: Any,
        base: Any = None,
        vocab: bool = False,
        local_ctx: Any = None,
        defined: Any = None,
    ) -> Any:
        """IRI expansion (JSON-LD 1.1 API §5.2), memoised per frozen active context.

        Outside context processing (no ``local_ctx``) the result depends only on the
        active context, the value, the base and ``vocab``; pyld recomputes it for every
        key of every node (~50 times per credential).
        """
        if local_ctx is not None or not isinstance(active_ctx, _frozendict):
            return super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
        key = (active_ctx["_uuid"], value, base, vocab)
        iris = self._memo.iris
        try:
            return iris[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable value: let pyld report it
            return super()._expand_iri(active_ctx, value, base, vocab)
        result = super()._expand_iri(active_ctx, value, base, vocab)
        if len(iris) >= _IRI_MEMO_SIZE:
            iris.clear()
        iris[key] = result
        return result

    def expand_copy(self, document: Any, options: dict[str, Any]) -> list[Any]:
        """JSON-LD expansion of ``document``, which the caller owns (no defensive copy).

        pyld's ``expand`` deep-copies its input first (a third of the time for a
        credential); :class:`obcore.jsonld.Engine` hands over its own fresh copy instead.
        Same steps as pyld's ``expand`` for an in-memory document (API §4.1, §9.5.1).
        """
        options.setdefault("isFrame", False)
        options.setdefault("keepFreeFloatingNodes", False)
        options.setdefault("extractAllScripts", False)
        options.setdefault("processingMode", "json-ld-1.1")
        active_ctx = self._get_initial_context(options)
        expanded = self._expand(active_ctx, None, document, options, inside_list=False)
        if isinstance(expanded, dict) and "@graph" in expanded and len(expanded) == 1:
            expanded = expanded["@graph"]
        elif expanded is None:
            expanded = []
        return expanded if isinstance(expanded, list) else [expanded]


def new_context_resolver(shared_cache: dict[str, Any], loader: Any) -> Any:
    """A pyld ``ContextResolver`` over a loader-owned shared cache."""
    return _jsonld.ContextResolver(shared_cache, loader)


JsonLdError: type[Exception] = _jsonld.JsonLdError
