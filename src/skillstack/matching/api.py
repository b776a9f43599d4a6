"""API operations of the matching app."""

from ninja import Router

router = Router(tags=["matching"])
