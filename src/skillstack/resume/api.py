"""JSON API of the resume app: the signed-in learner's own resume (/api/me/resume…).

The same services as the pages; what the resume shows is built from verified holdings at the
time of the request, exactly like the public page.
"""

# No ``from __future__ import annotations``: ninja reads the annotations at import time.

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status

from skillstack.core.access import api_requires
from skillstack.resume import selectors, services
from skillstack.resume.forms import end_of_day
from skillstack.resume.models import Experience, Resume
from skillstack.resume.pages import live_url
from skillstack.resume.presentation import resume_presentation
from skillstack.resume.schemas import (
    ExperienceIn,
    ExperienceOut,
    PathId,
    Presentation,
    PublishLinkIn,
    ResumeIn,
    ResumeOut,
)

router = Router(tags=["resume"])

_API_FIELDS = {
    "start_date": "started_on",
    "end_date": "ended_on",
    "hidden_skill_ids": "hidden_skills",
}


def _renamed(exc: ValidationError) -> ValidationError:
    """The services' field names as the API calls them."""
    return ValidationError(
        {_API_FIELDS.get(field, field): messages for field, messages in exc.message_dict.items()}
    )


def _resume(request: HttpRequest) -> Resume:
    return services.resume_ensure(owner=request.user)


def _experience_out(entry: Experience) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "role": entry.role,
        "organisation": entry.organisation,
        "started_on": entry.start_date,
        "ended_on": entry.end_date,
        "description": entry.description,
        "visibility": "shown" if entry.shown else "hidden",
    }


def _resume_out(request: HttpRequest, resume: Resume) -> dict[str, Any]:
    view = selectors.resume_view(resume=resume)
    credentials = [
        {
            "ref": c.holding.ref,
            "source": c.holding.source,
            "name": c.holding.name,
            "issuer": c.holding.issuer_name,
            "earned_at": c.holding.earned_at,
            "valid_until": c.holding.valid_until,
            "skills": c.skills,
            "verify_url": request.build_absolute_uri(c.verify_url),
            "shared": c.shared,
        }
        for c in view.credentials
    ]
    skills = [
        {
            "id": g.skill_id,
            "name": g.name,
            "level": g.level,
            "credentials": [c.holding.ref for c in g.credentials],
        }
        for g in view.skills
    ]
    url = live_url(request, view)
    return {
        "headline": resume.headline,
        "summary": resume.summary,
        "search_engines": "allowed" if resume.allow_indexing else "refused",
        "published": bool(url),
        "public_url": url or None,
        "expires_at": resume.expires_at if url else None,
        "checked_at": view.checked_at,
        "credentials": credentials,
        "skills": skills,
        "hidden_skills": list(resume.hidden_skill_ids),
        "experiences": [_experience_out(e) for e in resume.experiences.all()],
    }


@router.get("/me/resume", response=ResumeOut)
@api_requires("resume.resume.view")
def resume_get(request: HttpRequest) -> dict[str, Any]:
    """The resume as it shows now, with every experience entry (shown or hidden)."""
    return _resume_out(request, _resume(request))


@router.patch("/me/resume", response=ResumeOut)
@api_requires("resume.resume.update")
def resume_patch(request: HttpRequest, payload: ResumeIn) -> dict[str, Any]:
    """Change the headline, summary, indexing choice, or which credentials and skills show."""
    resume = _resume(request)
    try:
        if {"headline", "summary", "search_engines"} & payload.model_fields_set:
            indexing = resume.allow_indexing
            if payload.search_engines is not None:
                indexing = payload.search_engines == "allowed"
            resume = services.resume_profile_update(
                resume=resume,
                actor=request.user,
                headline=payload.headline if payload.headline is not None else resume.headline,
                summary=payload.summary if payload.summary is not None else resume.summary,
                allow_indexing=indexing,
            )
        if payload.credentials is not None or payload.hidden_skills is not None:
            chosen = list(resume.credentials.values_list("ref", flat=True))
            resume = services.resume_credentials_choose(
                resume=resume,
                actor=request.user,
                refs=payload.credentials if payload.credentials is not None else chosen,
                hidden_skill_ids=payload.hidden_skills
                if payload.hidden_skills is not None
                else resume.hidden_skill_ids,
            )
    except ValidationError as exc:
        raise _renamed(exc) from None
    return _resume_out(request, resume)


@router.post("/me/resume/experiences", response={201: ExperienceOut})
@api_requires("resume.resume.update")
def experience_create(request: HttpRequest, payload: ExperienceIn) -> Status:
    try:
        entry = services.experience_add(
            resume=_resume(request),
            actor=request.user,
            role=payload.role,
            organisation=payload.organisation,
            start_date=payload.started_on,
            end_date=payload.ended_on,
            description=payload.description,
            shown=payload.visibility == "shown",
        )
    except ValidationError as exc:
        raise _renamed(exc) from None
    return Status(201, _experience_out(entry))


@router.delete("/me/resume/experiences/{experience_pk}", response={204: None})
@api_requires("resume.resume.update")
def experience_remove(request: HttpRequest, experience_pk: PathId) -> Status:
    entry = selectors.experience_of(resume=_resume(request), pk=experience_pk)
    if entry is None:
        raise Http404("No such entry on your resume")
    services.experience_delete(experience=entry, actor=request.user)
    return Status(204, None)


@router.post("/me/resume/share-links", response=ResumeOut)
@api_requires("resume.resume.update")
def resume_share_links(request: HttpRequest) -> dict[str, Any]:
    """Turn on the public share link of every credential the resume shows (the holder's
    consent), so each credential's verify link opens its own public page."""
    resume = services.resume_share_links_enable(resume=_resume(request), actor=request.user)
    return _resume_out(request, resume)


@router.post("/me/resume/publish", response=ResumeOut)
@api_requires("resume.resume.update")
def resume_publish(request: HttpRequest, payload: PublishLinkIn) -> dict[str, Any]:
    """Publish at an unguessable link (kept if already published), with an optional last day."""
    expires_at = end_of_day(payload.expires_on) if payload.expires_on else None
    resume = services.resume_publish(
        resume=_resume(request), actor=request.user, expires_at=expires_at
    )
    return _resume_out(request, resume)


@router.post("/me/resume/revoke", response=ResumeOut)
@api_requires("resume.resume.update")
def resume_revoke(request: HttpRequest) -> dict[str, Any]:
    """Turn the public link off for good (publishing again makes a new one)."""
    resume = services.resume_unpublish(resume=_resume(request), actor=request.user)
    return _resume_out(request, resume)


@router.get("/me/resume/presentation", response=Presentation)
@api_requires("resume.resume.view")
def resume_presentation_get(request: HttpRequest) -> Presentation:
    """An unsigned Verifiable Presentation of the credentials the resume shows now."""
    return resume_presentation(view=selectors.resume_view(resume=_resume(request)))
