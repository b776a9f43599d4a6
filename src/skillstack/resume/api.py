"""API operations of the resume app."""

from ninja import Router

router = Router(tags=["resume"])
