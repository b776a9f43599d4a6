"""What the resume's page, PDF and presentation share, whoever asks (its owner or a visitor).

Each is built from a :class:`~skillstack.resume.selectors.ResumeView` made for the request, so
all three show the same credentials: those that verify at that moment.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.text import slugify

from skillstack.resume.pdf import resume_pdf
from skillstack.resume.presentation import resume_presentation
from skillstack.resume.selectors import ResumeView, resume_is_live
from skillstack.resume.structured_data import credential_schema, json_ld, person_schema


def site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def live_url(request: HttpRequest, view: ResumeView) -> str:
    """The public page's absolute address, or "" when the resume is not published now."""
    if not resume_is_live(resume=view.resume):
        return ""
    path = reverse("resume:public", kwargs={"resume_token": view.resume.public_token})
    return request.build_absolute_uri(path)


def _og_image(site: str, view: ResumeView) -> str:
    for shown in view.credentials:
        if shown.shared:
            return f"{site}{shown.verify_url}badge.png"
    return ""


def _schema(site: str, url: str, view: ResumeView) -> dict[str, Any]:
    credentials = [
        credential_schema(
            name=c.holding.name,
            description="",
            issuer_name=c.holding.issuer_name,
            issuer_url="",
            url=f"{site}{c.verify_url}",
            image=f"{site}{c.verify_url}badge.png" if c.shared else "",
            category="Micro-credential",
            issued=c.holding.earned_at,
            valid_until=c.holding.valid_until,
        )
        for c in view.credentials
    ]
    skills = [group.name for group in view.skills]
    return person_schema(
        name=view.name, headline=view.headline, url=url, credentials=credentials, skills=skills
    )


def public_context(request: HttpRequest, view: ResumeView) -> dict[str, Any]:
    site = site_url(request)
    url = live_url(request, view)
    token = view.resume.public_token if url else ""
    count = len(view.credentials)
    description = view.headline or f"A skills-based resume with {count} verified credentials."
    return {
        "view": view,
        "site_url": site,
        "live_url": url,
        "token": token,
        "og_title": f"{view.name} — skills-based resume",
        "og_description": description,
        "og_image": _og_image(site, view),
        "og_url": url or request.build_absolute_uri(),
        "structured_data": json_ld(_schema(site, url or request.build_absolute_uri(), view)),
        "indexable": bool(url) and view.resume.allow_indexing,
    }


def _filename(view: ResumeView, suffix: str) -> str:
    return f"{slugify(view.name)[:60] or 'resume'}-resume{suffix}"


PDF_CACHE_SECONDS = 300


def _pdf_key(view: ResumeView, live: str, site: str) -> str:
    """Names the PDF's content: any change in what it would show gives another key, so a
    revoked credential or an edited entry never comes back from the cache."""
    parts = [
        site,
        live,
        view.name,
        view.headline,
        view.summary,
        [(c.holding.ref, c.verify_url, c.skills, c.evidence) for c in view.credentials],
        [(g.name, g.level, [c.holding.ref for c in g.credentials]) for g in view.skills],
        [
            (e.pk, e.role, e.organisation, str(e.start_date), str(e.end_date), e.description)
            for e in view.experiences
        ],
    ]
    digest = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()
    return f"resume.pdf:{view.resume.pk}:{digest}"


def _pdf(view: ResumeView, live: str, site: str) -> bytes:
    """The PDF, laid out once per content for a few minutes: WeasyPrint takes a good fraction
    of a second, and a public link can be opened by many at once."""
    key = _pdf_key(view, live, site)
    body = cache.get(key)
    if not isinstance(body, bytes):
        body = resume_pdf(view=view, live_url=live, site_url=site)
        cache.set(key, body, PDF_CACHE_SECONDS)
    return body


def pdf_response(request: HttpRequest, view: ResumeView) -> HttpResponse:
    body = _pdf(view, live_url(request, view), site_url(request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(view, ".pdf")}"'
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-cache"
    return response


def presentation_response(view: ResumeView) -> HttpResponse:
    body = json.dumps(resume_presentation(view=view), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(view, ".json")}"'
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-cache"
    return response
