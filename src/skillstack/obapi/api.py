"""API operations of the obapi app."""

from ninja import Router

router = Router(tags=["obapi"])
