"""API operations of the matching app: a learner's consent, preferences, skills and ranked
jobs; an opening's ranked candidates, every match explained.

An opening is looked up among those the organization of the path manages, and a candidate
among those who let that opening's employer find them: anything else answers 404.
"""

# No ``from __future__ import annotations``: ninja reads the annotations at import time.

import datetime
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema, Status

from skillstack.catalog.models import Skill
from skillstack.core.access import api_requires
from skillstack.jobs.models import Opening
from skillstack.jobs.selectors import opening_for_employer
from skillstack.matching import matches, selectors, services
from skillstack.matching.explain import Explanation
from skillstack.matching.models import CONSENT_WORDING
from skillstack.matching.schemas import (
    CandidateMatchOut,
    CandidateProfileOut,
    ConsentChoiceIn,
    ConsentOut,
    DeclaredSkillIn,
    DeclaredSkillOut,
    OpeningMatchOut,
    PathId,
    PreferencesIn,
    PreferencesOut,
)

router = Router(tags=["matching"])


class LimitQuery(Schema):
    limit: int = matches.DEFAULT_LIMIT


class JobsQuery(LimitQuery):
    one_skill_away: bool = False


def _consent_out(user: Any) -> dict[str, Any]:
    consent = selectors.consent_of(candidate=user)
    return {
        "discoverable_to": consent.scope,
        "employers": [{"slug": o.slug, "name": o.name} for o in consent.employers],
        "wording_version": consent.wording_version,
        "wording": CONSENT_WORDING,
        "updated_at": consent.updated_at,
        "history": [
            {
                "scope": e.scope,
                "employers": list(e.employer_names),
                "wording_version": e.wording_version,
                "at": e.at,
            }
            for e in selectors.consent_history(candidate=user)[:100]
        ],
    }


def _preferences_out(user: Any) -> dict[str, Any]:
    p = selectors.job_preferences_of(candidate=user)
    return {
        "locations": list(p.locations),
        "remote_work": "yes" if p.remote_ok else "no",
        "shifts": list(p.shifts),
        "wage_floor": p.wage_floor,
        "wage_unit": p.wage_unit,
        "earliest_start": p.earliest_start,
    }


def _profile_out(user: Any) -> dict[str, Any]:
    return {
        "consent": _consent_out(user),
        "preferences": _preferences_out(user),
        "verified_skills": [
            {
                "skill_id": proof.skill_id,
                "label": proof.label,
                "level": proof.level,
                "level_words": proof.level_words,
                "credentials": [
                    {
                        "name": c.credential_name,
                        "issuer_name": c.issuer_name,
                        "earned_at": c.earned_at,
                        "valid_until": c.valid_until,
                        "url": c.credential_url,
                        "source": c.source,
                    }
                    for c in proof.credentials
                ],
            }
            for proof in selectors.verified_skills_of(candidate=user)
        ],
        "declared_skills": [
            {"id": d.pk, "skill_id": d.skill_id, "label": d.skill.label, "level": d.level}
            for d in selectors.declared_skills_of(candidate=user)
        ],
    }


def explanation_out(explanation: Explanation) -> dict[str, Any]:
    return {
        "score": explanation.score,
        "missing_required": explanation.missing_required,
        "skills": [
            {
                "skill_id": line.skill_id,
                "label": line.label,
                "required": line.required,
                "min_level": line.min_level,
                "status": line.status,
                "credit": line.credit,
                "proof": asdict(line.proof) if line.proof else None,
                "self_declared": line.declared,
                "close_with": [
                    {
                        "name": p.name,
                        "issuer_name": p.issuer_name,
                        "url": reverse("catalog:detail", args=[p.issuer_slug, p.slug]),
                        "level": p.level,
                    }
                    for p in line.close_with
                ],
            }
            for line in explanation.lines
        ],
        "misfits": explanation.misfits,
        "flags": explanation.flags,
    }


@router.get("/me/candidate", response=CandidateProfileOut)
@api_requires("matching.preferences.view")
def candidate_profile(request: HttpRequest) -> dict[str, Any]:
    """The learner's discoverability (and its history), job preferences and skills: verified
    ones with the credentials proving them, and self-declared ones (never scored)."""
    return _profile_out(request.user)


@router.put("/me/candidate/consent", response=ConsentOut)
@api_requires("matching.preferences.update")
def consent_update(request: HttpRequest, payload: ConsentChoiceIn) -> dict[str, Any]:
    """Opt in (all employers, or chosen ones) or withdraw (``none``: hidden at once)."""
    employers = []
    if payload.employers and payload.discoverable_to != "chosen":
        raise ValidationError(
            {"employers": "Name employers only when discoverable_to is 'chosen'."}
        )
    if payload.discoverable_to == "chosen":
        known = {o.slug: o for o in selectors.employers_to_choose()}
        unknown = [slug for slug in payload.employers if slug not in known]
        if unknown:
            raise ValidationError({"employers": f"No employer is called {unknown[0][:80]!r}."})
        employers = [known[slug] for slug in payload.employers]
    services.discoverability_set(
        candidate=request.user,
        scope=payload.discoverable_to,
        employers=employers,
        actor=request.user,
    )
    return _consent_out(request.user)


@router.put("/me/candidate/preferences", response=PreferencesOut)
@api_requires("matching.preferences.update")
def preferences_update(request: HttpRequest, payload: PreferencesIn) -> dict[str, Any]:
    try:
        start = (
            datetime.date.fromisoformat(payload.earliest_start) if payload.earliest_start else None
        )
    except ValueError:
        raise ValidationError({"earliest_start": "Give a real date such as 2027-01-15."}) from None
    services.job_preferences_update(
        candidate=request.user,
        actor=request.user,
        locations=payload.locations,
        remote_ok=payload.remote_work == "yes",
        shifts=payload.shifts,
        wage_floor=payload.wage_floor,
        wage_unit=payload.wage_unit,
        earliest_start=start,
    )
    return _preferences_out(request.user)


@router.post("/me/candidate/declared-skills", response={201: DeclaredSkillOut})
@api_requires("matching.skills.manage")
def declared_skill_add(request: HttpRequest, payload: DeclaredSkillIn) -> Any:
    """List a skill as self-declared: shown as such, never counted as verified."""
    skill = Skill.objects.filter(pk=payload.declared_skill_id).first()
    if skill is None:
        raise ValidationError({"declared_skill_id": "No skill has this id."})
    row = services.declared_skill_add(
        candidate=request.user, skill=skill, level=payload.level, actor=request.user
    )
    return Status(
        201, {"id": row.pk, "skill_id": skill.pk, "label": skill.label, "level": row.level}
    )


@router.delete("/me/candidate/declared-skills/{declared_skill_pk}", response={204: None})
@api_requires("matching.skills.manage")
def declared_skill_remove(request: HttpRequest, declared_skill_pk: PathId) -> Any:
    row = selectors.declared_skill_of(candidate=request.user, pk=declared_skill_pk)
    if row is None:
        raise Http404("No such self-declared skill of yours")
    services.declared_skill_remove(declared=row, actor=request.user)
    return Status(204, None)


@router.get("/me/jobs", response=list[OpeningMatchOut])
@api_requires("matching.jobs.view")
def jobs_for_me(request: HttpRequest, query: Query[JobsQuery]) -> list[dict[str, Any]]:
    """Open openings ranked for the learner on their verified skills, within their
    preferences, each explained; ``one_skill_away``: those missing one required skill."""
    found = matches.candidate_openings(
        candidate=request.user, limit=query.limit, one_skill_away=query.one_skill_away
    )
    return [
        {
            "rank": m.rank,
            "opening_id": m.opening.pk,
            "title": m.opening.title,
            "employer": m.opening.employer.name,
            "location": m.opening.location,
            "remote": m.opening.remote,
            "url": reverse("matching:job", args=[m.opening.pk]),
            "explanation": explanation_out(m.explanation),
        }
        for m in found
    ]


def _opening(request: HttpRequest, opening_pk: int) -> Opening:
    opening = opening_for_employer(organization=request.organization, pk=opening_pk)  # type: ignore[attr-defined]
    if opening is None:
        raise Http404("No such opening here")
    return opening


def _candidate_out(m: matches.CandidateMatch) -> dict[str, Any]:
    return {
        "rank": m.rank,
        "candidate_id": m.candidate.pk,
        "full_name": m.candidate.full_name,
        "earliest_start": m.preferences.earliest_start,
        "explanation": explanation_out(m.explanation),
    }


@router.get("/orgs/{org_slug}/openings/{opening_pk}/matches", response=list[CandidateMatchOut])
@api_requires("matching.candidates.view", org_kwarg="org_slug")
def opening_matches(
    request: HttpRequest, org_slug: str, opening_pk: PathId, query: Query[LimitQuery]
) -> list[dict[str, Any]]:
    """Candidates who let this employer find them, ranked on verified skills, explained."""
    opening = _opening(request, opening_pk)
    return [_candidate_out(m) for m in matches.opening_matches(opening=opening, limit=query.limit)]


@router.get(
    "/orgs/{org_slug}/openings/{opening_pk}/matches/{match_candidate_pk}",
    response=CandidateMatchOut,
)
@api_requires("matching.candidates.view", org_kwarg="org_slug")
def opening_candidate(
    request: HttpRequest, org_slug: str, opening_pk: PathId, match_candidate_pk: PathId
) -> dict[str, Any]:
    """One candidate against the opening, explained (404 unless they let the employer find
    them)."""
    opening = _opening(request, opening_pk)
    found = matches.candidate_for_opening(opening=opening, candidate_pk=match_candidate_pk)
    if found is None:
        raise Http404("No such candidate for this employer")
    return _candidate_out(found)
