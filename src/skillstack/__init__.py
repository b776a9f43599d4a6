"""Skillstack: verified micro-credentials and skills-based hiring."""
