"""Private helpers for obcore.credentials (checks, identity hashing, credential parts)."""
