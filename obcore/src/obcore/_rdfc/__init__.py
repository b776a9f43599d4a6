"""RDF Dataset Canonicalization (W3C RDFC-1.0) of expanded JSON-LD.

Why this split: pyld expands (all context processing, offline, in safe mode); the
*expanded* document — which has no ``@context`` left — is turned into RDF (JSON-LD 1.1
API §8.2 "Deserialize JSON-LD to RDF") and canonicalized (RDFC-1.0 §4) by pyoxigraph
(Rust), ~3x faster than pyld's toRdf. pyoxigraph never sees a document with contexts.
:func:`expanded_to_nquads` (pyld's toRdf on the expanded form) is kept as the reference
the tests compare against; safe mode refuses ``@direction`` (the one construct where the
two differ: pyoxigraph writes RDF 1.2 directional literals, jsonld.js fails in safe mode).
The canonical form is the sorted N-Quads lines of the relabelled dataset
(RDFC-1.0 §4.4 step 5, canonical N-Quads per RDF 1.1 N-Quads §4).
"""

from __future__ import annotations

from typing import Any

import orjson
import pyoxigraph as _ox

from obcore._jsonld._pyld import load_jsonld_module

_jsonld = load_jsonld_module()
_ALGORITHM = _ox.CanonicalizationAlgorithm.RDFC_1_0
_NQUADS = _ox.RdfFormat.N_QUADS
_JSONLD = _ox.RdfFormat.JSON_LD


def expanded_to_nquads(processor: Any, expanded: list[Any]) -> str:
    """N-Quads of an expanded JSON-LD document (toRdf without re-expansion)."""
    issuer = _jsonld.IdentifierIssuer("_:b")
    node_map: dict[str, Any] = {"@default": {}}
    processor._create_node_map(expanded, node_map, "@default", issuer)
    dataset: dict[str, Any] = {}
    options = {
        "produceGeneralizedRdf": False,
        "rdfDirection": None,
        "processingMode": "json-ld-1.1",
    }
    for graph_name, graph in sorted(node_map.items()):
        if graph_name == "@default" or _jsonld._is_absolute_iri(graph_name):
            dataset[graph_name] = processor._graph_to_rdf(graph, issuer, options)
    nquads: str = _jsonld.JsonLdProcessor.to_nquads(dataset)
    return nquads


def canonicalize_expanded(expanded: list[Any], *, context_free: bool = False) -> str:
    """RDFC-1.0 canonical N-Quads of an expanded (context-free) JSON-LD document.

    ``context_free=True`` skips the check for ``@context`` when the caller already made it
    (the safe-mode walk of :meth:`obcore.jsonld.Engine.expand` refuses any ``@context``).
    """
    if not context_free and _has_context(expanded):  # never give pyoxigraph a context
        raise ValueError("canonicalize_expanded needs expanded JSON-LD (no @context).")
    try:
        data = orjson.dumps(expanded)
    except TypeError:  # e.g. an integer beyond 64 bits: pyld's toRdf handles it
        from obcore.jsonld import default_engine

        return canonicalize_nquads(expanded_to_nquads(default_engine().processor(), expanded))
    dataset = _ox.Dataset(_ox.parse(data, format=_JSONLD))
    dataset.canonicalize(_ALGORITHM)
    return "".join(sorted(f"{quad} .\n" for quad in dataset))


def _has_context(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "@context" in item:
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def canonicalize_nquads(nquads: str) -> str:
    """RDFC-1.0 canonical N-Quads of an N-Quads document (pyoxigraph)."""
    dataset = _ox.Dataset(_ox.parse(nquads, format=_NQUADS))
    dataset.canonicalize(_ALGORITHM)
    return "".join(sorted(f"{quad} .\n" for quad in dataset))
