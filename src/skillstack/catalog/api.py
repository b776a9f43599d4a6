"""JSON API of the catalog: an issuer's skills and micro-credentials (thin over services).

Objects are looked up within the organization of the path, so another issuer's slug answers
404 like one that does not exist.
"""

# No ``from __future__ import annotations``: ninja reads the operations' annotations.

import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from skillstack.accounts.models import Organization
from skillstack.catalog import selectors, services, skill_services
from skillstack.catalog.achievement import version_url
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill
from skillstack.catalog.schemas import (
    ImportReportOut,
    MicroCredentialIn,
    MicroCredentialOut,
    MicroCredentialPatch,
    MicroCredentialSummaryOut,
    SkillIn,
    SkillOut,
)
from skillstack.core.access import api_requires
from skillstack.core.schemas import Pagination, SafeText

router = Router(tags=["catalog"])
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,80}$")
CSV_UPLOAD = File(..., description="CSV: framework,code,uri,label,description,broader_code")


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _skill_out(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.pk,
        "framework": skill.framework,
        "code": skill.code,
        "uri": skill.uri,
        "label": skill.label,
        "description": skill.description,
        "broader_code": skill.broader.code if skill.broader is not None else None,
        "shared": skill.organization_id is None,
    }


def _version_out(version: MicroCredentialVersion) -> dict[str, Any]:
    return {
        **{
            name: getattr(version, name)
            for name in (
                "number",
                "name",
                "description",
                "criteria",
                "level",
                "achievement_type",
                "validity_months",
                "tags",
                "performance_test",
                "created_at",
                "published_at",
            )
        },
        "credits_available": float(version.credits_available)
        if version.credits_available is not None
        else None,
        "skills": [
            {"framework": s.framework, "code": s.code, "label": s.label, "uri": s.uri}
            for s in version.skills.all()
        ],
        "image": version.image.url if version.image else None,
        "achievement_id": version_url(version) if version.published_at else None,
    }


def _mc_out(mc: MicroCredential) -> dict[str, Any]:
    latest = selectors.latest_version(micro_credential=mc)
    assert latest is not None
    return {
        "slug": mc.slug,
        "status": mc.status,
        "latest": _version_out(latest),
        "versions": list(mc.versions.order_by("number").values_list("number", flat=True)),
    }


def _mc(request: HttpRequest, mc_slug: str) -> MicroCredential:
    mc = (
        selectors.micro_credential_of(organization=_org(request), slug=mc_slug)
        if SLUG.match(mc_slug)
        else None
    )
    if mc is None:
        raise Http404("No such micro-credential")
    return mc


def _skills(request: HttpRequest, keys: list[str] | None) -> list[Skill] | None:
    if keys is None:
        return None
    skills, unknown = selectors.skills_by_keys(organization=_org(request), keys=keys)
    if unknown:
        raise ValidationError(
            {"skills": f"No such skill: {', '.join(unknown)} (use framework:code or your own code)"}
        )
    return skills


def _version_fields(payload: Any) -> dict[str, Any]:
    data = payload.model_dump(exclude_none=True, exclude={"skills", "slug"})
    if "credits_available" in data:
        data["credits_available"] = Decimal(str(round(data["credits_available"], 2)))
    return data


@router.get("/orgs/{org_slug}/skills", response=list[SkillOut])
@api_requires("catalog.skill.manage", org_kwarg="org_slug")
@paginate(Pagination)
def skill_list(
    request: HttpRequest, org_slug: str, q: SafeText = "", framework: SafeText = ""
) -> Any:
    skills = selectors.skills_search(organization=_org(request), query=q, framework=framework)
    return [_skill_out(s) for s in skills]


@router.post("/orgs/{org_slug}/skills", response={201: SkillOut})
@api_requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_create(request: HttpRequest, org_slug: str, payload: SkillIn) -> Any:
    org = _org(request)
    broader = None
    if payload.broader_code:
        broader = Skill.objects.filter(
            organization=org, framework="own", code=payload.broader_code
        ).first()
        if broader is None:
            raise ValidationError({"broader_code": "None of your skills has this code."})
    skill = skill_services.skill_create(
        organization=org,
        actor=request.user,
        code=payload.code,
        label=payload.label,
        uri=payload.uri,
        description=payload.description,
        broader=broader,
    )
    return Status(201, _skill_out(skill))


@router.post("/orgs/{org_slug}/skills/import", response=ImportReportOut)
@api_requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_import(
    request: HttpRequest,
    org_slug: str,
    file: UploadedFile = CSV_UPLOAD,
    dry_run: bool = Query(True, description="Check only; nothing is saved"),
) -> Any:
    """All-or-nothing: any bad row answers 422 naming each row and column, and saves nothing."""
    report = skill_services.skills_import_csv(
        organization=_org(request), file=file, actor=request.user, dry_run=dry_run
    )
    if report.errors:
        raise ValidationError(
            {
                (f"row {e.row}.{e.column}" if e.column else f"row {e.row}" if e.row else "file"): [
                    e.message
                ]
                for e in report.errors
            }
        )
    return {
        "dry_run": report.dry_run,
        "applied": report.applied,
        "summary": report.summary(),
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
    }


@router.get("/orgs/{org_slug}/micro-credentials", response=list[MicroCredentialSummaryOut])
@api_requires("catalog.microcredential.edit", org_kwarg="org_slug")
@paginate(Pagination)
def micro_credential_list(request: HttpRequest, org_slug: str) -> Any:
    return [
        {
            "slug": mc.slug,
            "status": mc.status,
            "name": latest.name,
            "latest_version": latest.number,
            "latest_published": latest.published_at is not None,
        }
        for mc, latest in selectors.micro_credentials_of(organization=_org(request))
    ]


@router.get("/orgs/{org_slug}/micro-credentials/{mc_slug}", response=MicroCredentialOut)
@api_requires("catalog.microcredential.edit", org_kwarg="org_slug")
def micro_credential_detail(request: HttpRequest, org_slug: str, mc_slug: str) -> Any:
    return _mc_out(_mc(request, mc_slug))


@router.post("/orgs/{org_slug}/micro-credentials", response={201: MicroCredentialOut})
@api_requires("catalog.microcredential.edit", org_kwarg="org_slug")
def micro_credential_create(request: HttpRequest, org_slug: str, payload: MicroCredentialIn) -> Any:
    version = services.micro_credential_create(
        issuer=_org(request),
        actor=request.user,
        slug=payload.slug,
        skills=_skills(request, payload.skills) or [],
        **_version_fields(payload),
    )
    return Status(201, _mc_out(version.micro_credential))


@router.patch("/orgs/{org_slug}/micro-credentials/{mc_slug}", response=MicroCredentialOut)
@api_requires("catalog.microcredential.edit", org_kwarg="org_slug")
def micro_credential_revise(
    request: HttpRequest, org_slug: str, mc_slug: str, payload: MicroCredentialPatch
) -> Any:
    mc = _mc(request, mc_slug)
    services.micro_credential_revise(
        micro_credential=mc,
        actor=request.user,
        skills=_skills(request, payload.skills),
        **_version_fields(payload),
    )
    return _mc_out(mc)


@router.post("/orgs/{org_slug}/micro-credentials/{mc_slug}/publish", response=MicroCredentialOut)
@api_requires("catalog.microcredential.publish", org_kwarg="org_slug")
def micro_credential_publish(request: HttpRequest, org_slug: str, mc_slug: str) -> Any:
    mc = _mc(request, mc_slug)
    services.micro_credential_publish(micro_credential=mc, actor=request.user)
    return _mc_out(mc)


@router.post("/orgs/{org_slug}/micro-credentials/{mc_slug}/retire", response=MicroCredentialOut)
@api_requires("catalog.microcredential.publish", org_kwarg="org_slug")
def micro_credential_retire(request: HttpRequest, org_slug: str, mc_slug: str) -> Any:
    mc = _mc(request, mc_slug)
    services.micro_credential_retire(micro_credential=mc, actor=request.user)
    return _mc_out(mc)
