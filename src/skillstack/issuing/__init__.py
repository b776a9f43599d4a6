"""Issuer signing keys (encrypted at rest), did:web documents, issuance and status lists."""
