"""Errors raised by obcore.

Every error carries a stable ``code`` (for programs) and a message a person can act on
(for people). Callers turn them into report checks or API responses; none should ever
surface as a traceback.
"""

from __future__ import annotations


class ObcoreError(Exception):
    """Base class: ``code`` is stable, ``str(err)`` is a sentence for a person."""

    code = "obcore.error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InputError(ObcoreError):
    """The input is not something obcore can read (bad JSON, too big, too deep, unknown format)."""

    code = "input.invalid"


class ContextError(ObcoreError):
    """A JSON-LD context is unknown, not bundled, or would need a network fetch."""

    code = "jsonld.context"


class SafeModeError(ObcoreError):
    """JSON-LD expansion would drop a term or leave a value relative (names the property)."""

    code = "jsonld.safe_mode"


class KeyFormatError(ObcoreError):
    """A key, multibase or multicodec value is malformed."""

    code = "key.format"


class DidResolutionError(ObcoreError):
    """A DID or controller document could not be resolved (or resolving it is not allowed)."""

    code = "did.resolution"


class ProofError(ObcoreError):
    """A proof could not be created or is malformed."""

    code = "proof.invalid"


class StatusError(ObcoreError):
    """A status list is malformed, too small, or cannot be read."""

    code = "status.invalid"


class JwtError(ObcoreError):
    """A VC-JWT is malformed or its signature does not verify."""

    code = "jwt.invalid"


class BakingError(ObcoreError):
    """A PNG or SVG does not carry a readable baked credential."""

    code = "baking.invalid"


class CredentialError(ObcoreError):
    """A credential could not be built or does not have the shape the standard requires."""

    code = "credential.invalid"
