"""API operations of the oid4vci app."""

from ninja import Router

router = Router(tags=["oid4vci"])
