"""Internals of :mod:`obcore.verify`: input limits and parsing, credential-level checks."""
