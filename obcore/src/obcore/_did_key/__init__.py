"""did:key for Ed25519 (W3C CCG did:key v0.7 §3.1.1, "Multikey" representation).

A did:key DID *is* its public key, so its DID document is derived locally, never fetched.
Documents have the shape the DID resolution reference libraries produce: contexts
``did/v1`` + ``multikey/v1``, one ``Multikey`` method ``did:key:X#X`` listed under
authentication, assertionMethod, capabilityDelegation and capabilityInvocation.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from obcore.errors import DidResolutionError, KeyFormatError
from obcore.keys import public_key_from_multibase

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
_RELATIONSHIPS = (
    "authentication",
    "assertionMethod",
    "capabilityDelegation",
    "capabilityInvocation",
)


def _multibase_of(did: str) -> str:
    if not did.startswith("did:key:"):
        raise DidResolutionError(f"{did!r} is not a did:key DID.")
    value = did[len("did:key:") :]
    try:
        public_key_from_multibase(value)
    except KeyFormatError as err:
        raise KeyFormatError(f"The did:key {did!r} does not hold an Ed25519 key: {err}") from None
    return value


def verification_method(did: str) -> dict[str, Any]:
    """The Multikey verification method of an Ed25519 did:key."""
    return dict(_verification_method(did))


@lru_cache(maxsize=1024)
def _verification_method(did: str) -> dict[str, Any]:
    mb = _multibase_of(did)
    return {
        "id": f"{did}#{mb}",
        "type": "Multikey",
        "controller": did,
        "publicKeyMultibase": mb,
    }


def did_key_document(url: str) -> dict[str, Any]:
    """DID document for ``did:key:X``, or the method itself for ``did:key:X#X``."""
    did, _, fragment = url.partition("#")
    method = verification_method(did)
    if fragment:
        if f"{did}#{fragment}" != method["id"]:
            raise DidResolutionError(
                f"{url!r} names a key that the DID {did!r} does not contain.",
            )
        return {"@context": ["https://w3id.org/security/multikey/v1"], **method}
    document: dict[str, Any] = {"@context": list(DID_CONTEXTS), "id": did}
    document["verificationMethod"] = [method]
    for rel in _RELATIONSHIPS:
        document[rel] = [method["id"]]
    return document
