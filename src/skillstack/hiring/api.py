"""API operations of the hiring app."""

from ninja import Router

router = Router(tags=["hiring"])
