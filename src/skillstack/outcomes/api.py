"""API operations of the outcomes app."""

from ninja import Router

router = Router(tags=["outcomes"])
