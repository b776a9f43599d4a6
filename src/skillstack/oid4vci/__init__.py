"""Issuing to mobile wallets: OpenID for Verifiable Credential Issuance and VC-API exchanges."""
