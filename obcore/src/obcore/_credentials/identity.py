"""Recipient identity objects for obcore.credentials (OB 3.0 §B.1.14 IdentityObject).

IdentityHash: an algorithm name, ``$``, and the hex digest of the UTF-8 identifier with
the salt appended; ``sha256`` for new hashes, ``md5`` only read for old badges.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

from obcore._credentials.checks import check_text
from obcore.errors import CredentialError

__all__ = ["hashed_email_identifier", "identifier_matches"]

Json = dict[str, Any]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hashed_email_identifier(*, email: str, salt: str | None = None) -> Json:
    """An ``IdentityObject`` naming a recipient by a salted hash of their e-mail address.

    OB 3.0 IdentityHash: ``sha256$`` + hex SHA-256 of the UTF-8 identifier with the salt
    appended. The address is trimmed and lower-cased first, so the same person matches
    however they type it. Without ``salt`` a random one is made: an unsalted hash of an
    e-mail address can be reversed by guessing.
    """
    address = check_text(email, "email").strip().lower()
    if "@" not in address:
        raise CredentialError("email must be an e-mail address (it has no '@').")
    salt = secrets.token_hex(16) if salt is None else check_text(salt, "salt")
    return {
        "type": "IdentityObject",
        "identityHash": "sha256$" + _sha256(address + salt),
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def identifier_matches(identifier: Mapping[str, Any], *, value: str) -> bool:
    """Whether ``value`` (e.g. an e-mail address) is the identity an IdentityObject names.

    Hashed identities are compared in constant time, for ``sha256`` and the legacy
    ``md5`` the spec also names; e-mail addresses are also tried lower-cased.
    """
    stored = identifier.get("identityHash")
    if not isinstance(stored, str) or not isinstance(value, str):
        return False
    candidates = {value.strip()}
    if identifier.get("identityType") == "emailAddress":
        candidates.add(value.strip().lower())
    if not identifier.get("hashed"):
        return any(hmac.compare_digest(stored.encode(), c.encode()) for c in candidates)
    algorithm, _, digest = stored.partition("$")
    if algorithm.lower() not in ("sha256", "md5") or not digest:
        return False
    salt = identifier.get("salt") or ""
    for candidate in candidates:
        computed = hashlib.new(algorithm.lower(), (candidate + salt).encode("utf-8"))
        if hmac.compare_digest(computed.hexdigest(), digest.lower()):
            return True
    return False
