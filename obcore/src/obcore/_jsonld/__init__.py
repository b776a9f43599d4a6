"""JSON-LD processing internals: lean pyld import, bundled loader, cached processor."""
