"""``{% load trust %}{% issuer_standing credential.document %}``: the issuer's standing line."""

from __future__ import annotations

from typing import Any

from django import template

from skillstack.trust.selectors import standing_for_credential

register = template.Library()


@register.inclusion_tag("trust/_issuer_standing.html")
def issuer_standing(document: Any, verified: bool = True) -> dict[str, Any]:
    """Whether the coalition recognises (or someone endorses) whoever issued ``document``."""
    return {"standing": standing_for_credential(credential=document, verified=verified)}
