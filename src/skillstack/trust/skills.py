"""Alignments of imported credentials mapped to the catalog's skills (read only)."""

from __future__ import annotations

from django.db.models import Q

from skillstack.catalog.models import Skill


def skills_for_alignments(alignments: list[dict[str, str]]) -> list[int]:
    """Catalog skills an alignment names by URL (the skill's URI) or by code (shared skills).

    Issuer-defined skills are matched by URI only: another issuer's own code "P-1" says
    nothing about ours.
    """
    urls = {a["url"] for a in alignments if a.get("url")}
    codes = {a["code"] for a in alignments if a.get("code")}
    if not urls and not codes:
        return []
    wanted = Q(uri__in=urls) if urls else Q(pk__in=[])
    if codes:
        wanted |= Q(code__in=codes, organization__isnull=True)
    return sorted(set(Skill.objects.filter(wanted).values_list("pk", flat=True)))
