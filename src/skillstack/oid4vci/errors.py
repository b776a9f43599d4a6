"""Errors a wallet reads: the codes OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3.1) and OpenID4VCI 1.0
(§6.3 token errors, §8.3.1.2 credential errors) define, each with a sentence for the developer."""

from __future__ import annotations


class ProtocolError(Exception):
    """Answered as ``{"error": code, "error_description": text}`` with ``status``."""

    def __init__(self, error: str, description: str, *, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    def as_json(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


def invalid_token(description: str) -> ProtocolError:
    """RFC 6750 §3.1: a missing, unknown, expired or spent access token (401)."""
    return ProtocolError("invalid_token", description, status=401)


class OfferSpent(ProtocolError):
    """The offer was used (or closed) by another request a moment ago."""

    def __init__(self) -> None:
        super().__init__("invalid_request", "This offer was already used.")
