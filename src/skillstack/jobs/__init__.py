"""Openings, their import and skill suggestions, the public job board, candidates' discoverability
and verified skills, and matching on verified skills.
"""
