"""Skills-based resumes built from verified credentials, published as a page, a PDF and a
Verifiable Presentation.
"""
