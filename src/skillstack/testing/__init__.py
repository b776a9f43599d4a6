"""Test support shipped with the package (a pytest plugin that sets the test environment)."""
