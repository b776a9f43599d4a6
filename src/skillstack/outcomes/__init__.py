"""Funder outcome reports with small-cell suppression, curriculum gaps, employer ROI and the
alliance view; learners' consented demographics.
"""
