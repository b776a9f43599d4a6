"""The URLs of the bundled JSON-LD contexts, read from ``contexts/manifest.json``.

Kept apart from the loader (pathlib, hashing, JSON-LD) so that a verification that only
needs to know *which* contexts are bundled (a JCS or JWT credential) imports nothing else.
"""

from __future__ import annotations

import os
from typing import Any

import orjson

#: obcore/contexts (as a string path: pathlib costs start-up time)
CONTEXTS_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "contexts"
)


def read_manifest(directory: str | os.PathLike[str] = CONTEXTS_PATH) -> dict[str, Any]:
    """``manifest.json``: context URL → {file, sha256}."""
    with open(os.path.join(directory, "manifest.json"), "rb") as file:
        manifest: dict[str, Any] = orjson.loads(file.read())
    return manifest


def bundled_context_urls(directory: str | os.PathLike[str] = CONTEXTS_PATH) -> frozenset[str]:
    """The URLs of the bundled contexts (no JSON-LD library needed)."""
    return frozenset(read_manifest(directory))
