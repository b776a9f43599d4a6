"""Template helpers that render form fields accessibly (label, hint and errors tied to the
input with aria-describedby, so a screen reader reads the error with the field)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.inclusion_tag("includes/field.html")
def field(bound: BoundField) -> dict[str, object]:
    described = []
    if bound.help_text:
        described.append(f"{bound.auto_id}_helptext")
    if bound.errors:
        described.append(f"{bound.auto_id}_error")
    attrs: dict[str, str | bool] = {"aria-describedby": " ".join(described)} if described else {}
    widget: SafeString = bound.as_widget(attrs=attrs)
    return {"field": bound, "widget": widget}
