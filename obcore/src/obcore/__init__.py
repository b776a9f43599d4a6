"""Open Badges 3.0 / Verifiable Credentials standards core (no Django)."""
