"""API operations of the pathways app."""

from ninja import Router

router = Router(tags=["pathways"])
