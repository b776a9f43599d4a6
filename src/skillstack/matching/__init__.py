"""Candidates' discoverability and verified skills, and matching openings to candidates
on verified skills, every match explained."""
