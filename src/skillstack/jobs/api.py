"""API operations of the jobs app: openings (the same services as the pages), their import and
skill suggestions, the public board, and the alliance's skill equivalences.

Openings are looked up within the organization of the path (the alliance reaches every
employer's), so another employer's opening answers 404 like one that does not exist.
"""

# No ``from __future__ import annotations``: ninja reads the operations' annotations.

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from skillstack.accounts.models import Organization
from skillstack.catalog import equivalences, taxonomy_selectors
from skillstack.core.access import api_requires
from skillstack.core.schemas import Pagination, SafeText
from skillstack.jobs import importing, selectors, services
from skillstack.jobs.equivalence_views import coalition_of
from skillstack.jobs.models import Opening, OpeningStatus
from skillstack.jobs.schemas import (
    EquivalenceIn,
    EquivalenceOut,
    OpeningImportOut,
    OpeningIn,
    OpeningOut,
    OpeningPatch,
    PublicOpeningOut,
    SkillSuggestIn,
    SuggestionOut,
)
from skillstack.jobs.suggestions import suggest_skills

router = Router(tags=["jobs"])
UPLOAD = File(..., description="CSV, JobPosting JSON-LD, or an HTML page embedding JobPostings")


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _opening(request: HttpRequest, opening_pk: int) -> Opening:
    opening = selectors.opening_for_employer(organization=_org(request), pk=opening_pk)
    if opening is None:
        raise Http404("No such opening")
    return opening


def _money(value: Any) -> str | None:
    return str(value) if value is not None else None


def _views(opening: Opening) -> list[Any]:
    return selectors.opening_skill_asks(opening=opening)


def _ask(ask: Any) -> dict[str, Any]:
    return {name: getattr(ask, name) for name in ask.__slots__}


def _opening_out(opening: Opening) -> dict[str, Any]:
    opening = selectors.openings_of(organization=opening.employer).get(pk=opening.pk)
    return {
        **{
            name: getattr(opening, name)
            for name in (
                "title",
                "description",
                "occupation_scheme",
                "occupation_code",
                "location",
                "remote",
                "shift",
                "wage_unit",
                "positions",
                "degree_requirement",
                "closing_date",
                "relax_required",
                "status",
                "source_key",
                "published_at",
            )
        },
        "id": opening.pk,
        "employer": opening.employer.slug,
        "employer_name": opening.employer.name,
        "wage_min": _money(opening.wage_min),
        "wage_max": _money(opening.wage_max),
        "skills": [_ask(a) for a in _views(opening)],
    }


def _skill_asks(items: list[Any] | None) -> list[services.SkillAsk] | None:
    if items is None:
        return None
    found = taxonomy_selectors.skills_by_ids(ids=[item.skill_id for item in items])
    missing = sorted({item.skill_id for item in items} - set(found))
    if missing:
        raise ValidationError({"skills": f"No skill has the id {', '.join(map(str, missing))}."})
    return [services.SkillAsk(found[i.skill_id], i.required, i.min_level) for i in items]


def _fields(payload: Any) -> dict[str, Any]:
    fields: dict[str, Any] = payload.model_dump(
        exclude_unset=True, exclude={"skills", "employer", "source_key"}
    )
    if "missing_required" in fields:
        fields["relax_required"] = fields.pop("missing_required") == "flag"
    return fields


@router.get("/orgs/{org_slug}/openings", response=list[OpeningOut])
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
@paginate(Pagination)
def opening_list(request: HttpRequest, org_slug: str, status: SafeText = "") -> Any:
    if status and status not in OpeningStatus.values:
        raise ValidationError({"status": "Use draft, open or closed."})
    return [
        _opening_out(o) for o in selectors.openings_of(organization=_org(request), status=status)
    ]


@router.post("/orgs/{org_slug}/openings", response={201: OpeningOut})
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_create(request: HttpRequest, org_slug: str, payload: OpeningIn) -> Any:
    employer = None
    if payload.employer:
        employer = selectors.employers_all().filter(slug=payload.employer).first()
        if employer is None:
            raise ValidationError({"employer": f"No employer has the slug '{payload.employer}'."})
    fields = _fields(payload)
    opening = services.opening_create(
        organization=_org(request),
        actor=request.user,
        employer=employer,
        skills=_skill_asks(payload.skills) or [],
        source_key=payload.source_key,
        **fields,
    )
    return Status(201, _opening_out(opening))


@router.get("/orgs/{org_slug}/openings/{int:opening_pk}", response=OpeningOut)
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_detail(request: HttpRequest, org_slug: str, opening_pk: int) -> Any:
    return _opening_out(_opening(request, opening_pk))


@router.patch("/orgs/{org_slug}/openings/{int:opening_pk}", response=OpeningOut)
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_update(
    request: HttpRequest, org_slug: str, opening_pk: int, payload: OpeningPatch
) -> Any:
    opening = _opening(request, opening_pk)
    fields = _fields(payload)
    for name in ("description", "location", "occupation_code"):
        if name in fields and fields[name] is None:
            fields[name] = ""  # null clears a text
    for name in ("title", "occupation_scheme", "remote", "shift", "wage_unit", "positions"):
        if name in fields and fields[name] is None:
            raise ValidationError({name: "This field cannot be empty."})
    if "degree_requirement" in fields and fields["degree_requirement"] is None:
        raise ValidationError({"degree_requirement": "Choose none, preferred or required."})
    services.opening_update(
        opening=opening, actor=request.user, skills=_skill_asks(payload.skills), **fields
    )
    return _opening_out(opening)


@router.post("/orgs/{org_slug}/openings/{int:opening_pk}/publish", response=OpeningOut)
@api_requires("jobs.opening.publish", org_kwarg="org_slug")
def opening_publish(request: HttpRequest, org_slug: str, opening_pk: int) -> Any:
    opening = services.opening_publish(opening=_opening(request, opening_pk), actor=request.user)
    return _opening_out(opening)


@router.post("/orgs/{org_slug}/openings/{int:opening_pk}/close", response=OpeningOut)
@api_requires("jobs.opening.publish", org_kwarg="org_slug")
def opening_close(request: HttpRequest, org_slug: str, opening_pk: int) -> Any:
    opening = services.opening_close(opening=_opening(request, opening_pk), actor=request.user)
    return _opening_out(opening)


@router.post("/orgs/{org_slug}/openings/import", response=OpeningImportOut)
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_import(
    request: HttpRequest,
    org_slug: str,
    file: UploadedFile = UPLOAD,
    dry_run: bool = Query(True, description="Check only; nothing is saved"),
) -> Any:
    """All-or-nothing: any bad item answers 422 naming each row or item and field."""
    report = importing.openings_import(
        organization=_org(request), actor=request.user, file=file, dry_run=dry_run
    )
    if report.errors:
        errors: dict[str, list[str]] = {}
        for error in report.errors:
            key = ".".join(p for p in (error.where, error.field) if p) or "file"
            errors.setdefault(key, []).append(error.message)
        raise ValidationError(errors)
    return {
        "dry_run": report.dry_run,
        "applied": report.applied,
        "format": report.format,
        "summary": report.summary(),
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "warnings": [str(w) for w in report.warnings],
    }


@router.post("/orgs/{org_slug}/openings/suggest-skills", response=list[SuggestionOut])
@api_requires("jobs.opening.manage", org_kwarg="org_slug")
def skill_suggest(request: HttpRequest, org_slug: str, payload: SkillSuggestIn) -> Any:
    """Skills the text mentions, best first, with the phrase that matched; nothing is saved."""
    return [
        {**_ask(s), "explanation": s.explanation}
        for s in suggest_skills(text=payload.posting_text, exclude=payload.exclude)
    ]


def _public_out(request: HttpRequest, opening: Opening) -> dict[str, Any]:
    asks = _views(opening)
    provers = taxonomy_selectors.provers_of_skills(skill_ids={a.skill_id for a in asks})
    return {
        **{
            name: getattr(opening, name)
            for name in (
                "title",
                "description",
                "location",
                "remote",
                "shift",
                "wage_unit",
                "positions",
                "degree_requirement",
                "closing_date",
            )
        },
        "id": opening.pk,
        "employer_name": opening.employer.name,
        "wage_min": _money(opening.wage_min),
        "wage_max": _money(opening.wage_max),
        "skills": [
            {**_ask(a), "proven_by": [_ask(p) for p in provers.get(a.skill_id, [])]} for a in asks
        ],
        "url": request.build_absolute_uri(f"/jobs/{opening.pk}/"),
    }


@router.get("/jobs", response=list[PublicOpeningOut], auth=None)
@api_requires("jobs.board.view")
@paginate(Pagination)
def board(
    request: HttpRequest,
    skill_id: int | None = Query(None, ge=1, le=2**63 - 1),
    location: SafeText = "",
    no_degree: bool = False,
) -> Any:
    openings = selectors.openings_open(skill_id=skill_id, location=location, no_degree=no_degree)
    return [_public_out(request, o) for o in openings]


@router.get("/jobs/{int:opening_pk}", response=PublicOpeningOut, auth=None)
@api_requires("jobs.board.view")
def board_detail(request: HttpRequest, opening_pk: int) -> Any:
    opening = selectors.opening_public(pk=opening_pk)
    if opening is None:
        raise Http404("No open opening")
    return _public_out(request, opening)


def _equivalence_out(e: Any) -> dict[str, Any]:
    return {
        "id": e.pk,
        "skill_a_id": e.skill_a_id,
        "skill_a_label": e.skill_a.label,
        "skill_b_id": e.skill_b_id,
        "skill_b_label": e.skill_b.label,
        "declared_by": e.declared_by.name,
        "note": e.note,
    }


@router.get("/skill-equivalences", response=list[EquivalenceOut])
@api_requires("jobs.equivalence.manage")
@paginate(Pagination)
def equivalence_list(request: HttpRequest) -> Any:
    return [_equivalence_out(e) for e in taxonomy_selectors.equivalences()]


@router.post("/skill-equivalences", response={201: EquivalenceOut})
@api_requires("jobs.equivalence.manage")
def equivalence_declare(request: HttpRequest, payload: EquivalenceIn) -> Any:
    skills = taxonomy_selectors.skills_by_ids(ids=[payload.skill_a_id, payload.skill_b_id])
    for name in ("skill_a_id", "skill_b_id"):
        if getattr(payload, name) not in skills:
            raise ValidationError({name: "No skill has this id."})
    coalition = coalition_of(request.user)
    if coalition is None:
        raise ValidationError({"organization": "Only the alliance declares equivalences."})
    equivalence = equivalences.equivalence_declare(
        organization=coalition,
        actor=request.user,
        skill_a=skills[payload.skill_a_id],
        skill_b=skills[payload.skill_b_id],
        note=payload.note,
    )
    return Status(201, _equivalence_out(equivalence))


@router.delete("/skill-equivalences/{int:equivalence_pk}", response={204: None})
@api_requires("jobs.equivalence.manage")
def equivalence_remove(request: HttpRequest, equivalence_pk: int) -> Any:
    equivalence = taxonomy_selectors.equivalence_by_pk(pk=equivalence_pk)
    if equivalence is None:
        raise Http404("No such equivalence")
    equivalences.equivalence_remove(equivalence=equivalence, actor=request.user)
    return Status(204, None)
