"""Writes of the hiring app, one module per subject (applications, placements, check-ins,
caseloads). Import from the module: ``from skillstack.hiring.services.applications import …``.
"""
