"""W3C Data Integrity EdDSA Cryptosuites v1.0: ``eddsa-rdfc-2022`` and ``eddsa-jcs-2022``.

Section references are to https://www.w3.org/TR/vc-di-eddsa/ (Recommendation 2025):
§3.2 eddsa-rdfc-2022 (transformation §3.2.3, hashing §3.2.4, proof configuration
§3.2.5, proof serialization §3.2.6) and §3.3 eddsa-jcs-2022 (the same steps with JCS).
The signed bytes are ``SHA-256(canonical proof config) ‖ SHA-256(canonical document)``
(proof hash FIRST), signed with Ed25519, encoded multibase base58btc.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from typing import Any

from obcore import _multibase
from obcore._jcs import canonicalize as jcs
from obcore.errors import KeyFormatError, ProofError

RDFC = "eddsa-rdfc-2022"
JCS = "eddsa-jcs-2022"
SUITES = (RDFC, JCS)
LEGACY_ALIASES = {"eddsa-2022": RDFC}  # pre-Recommendation name of eddsa-rdfc-2022

#: XML Schema 1.1 dateTimeStamp (a dateTime that must carry a time zone).
DATE_TIME_STAMP = re.compile(
    r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$",
)


@dataclass(frozen=True, slots=True)
class Canonical:
    """The intermediate values of §3.x.3-3.x.4 (exposed so tests can compare vectors)."""

    document: str
    proof_config: str
    document_hash: bytes
    proof_config_hash: bytes

    @property
    def hash_data(self) -> bytes:
        return self.proof_config_hash + self.document_hash


def _canonical_rdfc(value: dict[str, Any]) -> str:
    from obcore._rdfc import canonicalize_expanded
    from obcore.jsonld import default_engine

    # safe mode (on) has already refused any @context left in the expanded form
    return canonicalize_expanded(default_engine().expand(value), context_free=True)


_CONFIG_CACHE: dict[bytes, str] = {}
_CONFIG_CACHE_SIZE = 1024
_CONFIG_LOCK = threading.Lock()


_CREATED_PLACEHOLDER = "1970-01-01T00:00:00Z"


def _canonical_config_rdfc(config: dict[str, Any]) -> str:
    """RDFC-1.0 form of a proof configuration, memoised.

    Proof configurations of one issuer differ only in ``created``. The canonical form is
    computed once with a placeholder time, and the real time is put in its literal: exact
    when the proof is the dataset's only blank node (always ``_:c14n0``, RDFC-1.0 §4.4,
    whatever the literals) and the time is a plain dateTimeStamp (nothing to escape);
    lines are re-sorted after the substitution. Anything else is computed in full.
    """
    created = config.get("created")
    plain = isinstance(created, str) and DATE_TIME_STAMP.match(created) is not None
    template_of = {**config, "created": _CREATED_PLACEHOLDER} if plain else config
    key = jcs(template_of)
    found = _CONFIG_CACHE.get(key)
    if found is None:
        found = _canonical_rdfc(template_of)
        with _CONFIG_LOCK:
            if len(_CONFIG_CACHE) >= _CONFIG_CACHE_SIZE:
                _CONFIG_CACHE.pop(next(iter(_CONFIG_CACHE)))
            _CONFIG_CACHE[key] = found
    if not plain:
        return found
    placeholder = f'"{_CREATED_PLACEHOLDER}"^^'
    if "_:c14n1" in found or found.count(placeholder) != 1:
        return _canonical_rdfc(config)
    lines = found.replace(placeholder, f'"{created}"^^').splitlines(keepends=True)
    return "".join(sorted(lines))


def canonical_form(*, suite: str, value: dict[str, Any]) -> str:
    """The suite's transformation (§3.2.3 RDFC-1.0 / §3.3.3 JCS) of one JSON object."""
    if suite == RDFC:
        return _canonical_rdfc(value)
    if suite == JCS:
        return jcs(value).decode("utf-8")
    raise ProofError(f"The cryptosuite {suite!r} is not supported.")


def proof_configuration(
    *, suite: str, proof_options: dict[str, Any], document: dict[str, Any]
) -> dict[str, Any]:
    """§3.2.5 / §3.3.5: proof options without proofValue, with the document's @context."""
    if proof_options.get("type") != "DataIntegrityProof":
        raise ProofError("The proof type must be DataIntegrityProof for an EdDSA cryptosuite.")
    created = proof_options.get("created")
    if created is not None and not (isinstance(created, str) and DATE_TIME_STAMP.match(created)):
        raise ProofError(
            f"The proof's created value {created!r} is not a date-time with a time zone "
            "(XML Schema dateTimeStamp), e.g. 2025-01-15T09:00:00Z.",
        )
    config = {k: v for k, v in proof_options.items() if k != "proofValue"}
    if "@context" in document:
        config["@context"] = document["@context"]
    return config


def canonicalize(
    *,
    suite: str,
    document: dict[str, Any],
    proof_options: dict[str, Any],
    canonical_document: str | None = None,
) -> Canonical:
    """Transformation, proof configuration and hashing for ``document`` (no ``proof``)."""
    config = proof_configuration(suite=suite, proof_options=proof_options, document=document)
    if suite == RDFC:
        canon_config = _canonical_config_rdfc(config)
    else:
        canon_config = canonical_form(suite=suite, value=config)
    if canonical_document is None:
        canonical_document = canonical_form(suite=suite, value=document)
    return Canonical(
        document=canonical_document,
        proof_config=canon_config,
        document_hash=hashlib.sha256(canonical_document.encode("utf-8")).digest(),
        proof_config_hash=hashlib.sha256(canon_config.encode("utf-8")).digest(),
    )


def decode_proof_value(value: object) -> bytes:
    """The 64-byte signature in ``proofValue`` (§3.2.6: multibase base58btc)."""
    try:
        raw = _multibase.decode(value, what="proofValue")
    except KeyFormatError as err:  # its message is already a sentence for a person
        raise ProofError(str(err)) from None
    if len(raw) != 64:
        raise ProofError(
            f"The proofValue decodes to {len(raw)} bytes; an Ed25519 signature has 64.",
        )
    return raw


def encode_proof_value(signature: bytes) -> str:
    return _multibase.encode(signature)
