"""API operations of the trust app."""

from ninja import Router

router = Router(tags=["trust"])
