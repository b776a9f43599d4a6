"""Credentials imported from elsewhere (verified and re-checked), the coalition's issuer registry
and endorsements.
"""
