"""Stacking: pathways across issuers, certificates issued on completion, CLR export, credit toward
degrees and articulation agreements.
"""
