"""Evaluator certification, assessment sessions, observed attempts and their results."""
