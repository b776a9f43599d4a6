"""The published resume under /r/<token>/: its page, its PDF and its presentation.

An unknown, revoked or expired token answers 404, whatever is asked for. Everything is built at
request time from the owner's verified holdings, so what a visitor sees is what verifies now.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from skillstack.core.access import requires
from skillstack.resume import selectors
from skillstack.resume.models import Resume
from skillstack.resume.pages import pdf_response, presentation_response, public_context


def _published(resume_token: str) -> Resume:
    resume = selectors.resume_published(token=resume_token)
    if resume is None:
        raise Http404("This resume link is off, expired or does not exist")
    return resume


@requires("resume.public.view")
def public_page(request: HttpRequest, resume_token: str) -> HttpResponse:
    view = selectors.resume_view(resume=_published(resume_token))
    context = public_context(request, view)
    response = render(request, "resume/public.html", context)
    if not context["indexable"]:
        response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-cache"  # built live: a revoked credential is gone at once
    return response


@requires("resume.public.view")
def public_pdf(request: HttpRequest, resume_token: str) -> HttpResponse:
    return pdf_response(request, selectors.resume_view(resume=_published(resume_token)))


@requires("resume.public.view")
def public_presentation(request: HttpRequest, resume_token: str) -> HttpResponse:
    return presentation_response(selectors.resume_view(resume=_published(resume_token)))
