"""RDF Dataset Canonicalization (W3C RDFC-1.0) of expanded JSON-LD.

Why this split: pyld turns the *already expanded* document into RDF (JSON-LD 1.1 API
§8.2 "Deserialize JSON-LD to RDF", no context processing left to do), and pyoxigraph
(Rust) runs RDFC-1.0 (§4) on that dataset, so pyoxigraph never sees a document with
contexts. The canonical form is the sorted N-Quads lines of the relabelled dataset
(RDFC-1.0 §4.4 step 5, canonical N-Quads per RDF 1.1 N-Quads §4).
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as _ox

from obcore._jsonld._pyld import load_jsonld_module

_jsonld = load_jsonld_module()
_ALGORITHM = _ox.CanonicalizationAlgorithm.RDFC_1_0
_NQUADS = _ox.RdfFormat.N_QUADS


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


def canonicalize_nquads(nquads: str) -> str:
    """RDFC-1.0 canonical N-Quads of an N-Quads document (pyoxigraph)."""
    dataset = _ox.Dataset(_ox.parse(nquads, format=_NQUADS))
    dataset.canonicalize(_ALGORITHM)
    return "".join(sorted(f"{quad} .\n" for quad in dataset))
