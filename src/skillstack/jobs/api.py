"""API operations of the jobs app."""

from ninja import Router

router = Router(tags=["jobs"])
