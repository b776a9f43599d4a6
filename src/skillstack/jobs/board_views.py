"""The public job board (/jobs/) and each open opening's page, with schema.org JobPosting
JSON-LD in the head so that search engines and career sites can read it.

Only published openings whose closing date has not passed are shown; anything else is 404.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from skillstack.catalog import taxonomy_selectors
from skillstack.core.access import requires
from skillstack.jobs import selectors
from skillstack.jobs.jsonld import job_posting
from skillstack.jobs.views import optional_url

PAGE_SIZE = 20


def _query(request: HttpRequest, name: str) -> str:
    value = request.GET.get(name, "")
    return value.strip()[:100] if "\x00" not in value else ""


def _skill_filter(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and len(raw) < 19 else None


@requires("jobs.board.view")
def board(request: HttpRequest) -> HttpResponse:
    skill_raw, location = _query(request, "skill"), _query(request, "location")
    no_degree = request.GET.get("no_degree") == "1"
    skill_id = _skill_filter(skill_raw)
    openings = selectors.openings_open(skill_id=skill_id, location=location, no_degree=no_degree)
    page = Paginator(openings, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = {k: v for k, v in (("skill", skill_raw), ("location", location)) if v}
    if no_degree:
        filters["no_degree"] = "1"
    context = {
        "page": page,
        "skills": selectors.board_skills(),
        "skill_id": skill_id,
        "location": location,
        "no_degree": no_degree,
        "filters": filters,
    }
    return render(request, "jobs/board.html", context)


def _jsonld(data: dict[str, Any]) -> str:
    """JSON for a <script> element: '<', '>' and '&' escaped so the text cannot end it."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above for a script element


@requires("jobs.board.view")
def board_detail(request: HttpRequest, opening_pk: str) -> HttpResponse:
    opening = selectors.opening_public(pk=opening_pk)
    if opening is None:
        raise Http404("No open opening here")
    asks = selectors.opening_skill_asks(opening=opening)
    provers = taxonomy_selectors.provers_of_skills(skill_ids={a.skill_id for a in asks})
    page_url = request.build_absolute_uri()
    context = {
        "opening": opening,
        "required": [(a, provers.get(a.skill_id, [])) for a in asks if a.required],
        "preferred": [(a, provers.get(a.skill_id, [])) for a in asks if not a.required],
        "jsonld": _jsonld(job_posting(opening=opening, asks=asks, url=page_url)),
        "apply_url": optional_url("hiring:apply", opening.pk),
    }
    return render(request, "jobs/board_detail.html", context)
