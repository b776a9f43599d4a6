"""Pathway editor pages under /orgs/<org_slug>/pathways/: list, define (a validated JSON tree
with a readable preview), publish or retire, and the review of flagged certificates."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.catalog.models import MicroCredential, MicroCredentialStatus
from skillstack.core.access import requires
from skillstack.pathways import selectors, services
from skillstack.pathways.certificates import completion_review
from skillstack.pathways.definition import definition_clean
from skillstack.pathways.engine import evaluate
from skillstack.pathways.models import Pathway, PathwayKind

EXAMPLE = {
    "kind": "any",
    "k": 2,
    "label": "Any two of these",
    "items": [
        {"kind": "credential", "micro_credential": 1},
        {"kind": "credential", "micro_credential": 2, "accepts": [{"micro_credential": 3}]},
        {"kind": "skill", "skill": 1, "min_level": 2, "within_years": 3},
    ],
}


def _pathway(org: Organization, pathway_pk: int) -> Pathway:
    pathway = selectors.pathway_of(organization=org, pk=pathway_pk)
    if pathway is None:
        raise Http404("No such pathway")
    return pathway


def _catalog() -> list[tuple[MicroCredential, str]]:
    """Published micro-credentials of every issuer, with their ids for the JSON editor."""
    rows = []
    for mc in (
        MicroCredential.objects.filter(status=MicroCredentialStatus.PUBLISHED)
        .select_related("issuer")
        .prefetch_related("versions")
        .order_by("issuer__name", "slug")
    ):
        latest = max(mc.versions.all(), key=lambda v: v.number, default=None)
        rows.append((mc, latest.name if latest else mc.slug))
    return rows


def _preview(tree: dict[str, Any]) -> Any:
    return evaluate(tree, [], now=timezone.now()).root


@requires("pathways.pathway.list", org_kwarg="org_slug")
def pathway_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    return render(
        request,
        "pathways/org_list.html",
        {
            "org": org,
            "pathways": selectors.pathways_of(organization=org),
            "to_review": selectors.completions_to_review(organization=org).count(),
        },
    )


def _form_values(request: HttpRequest) -> dict[str, Any]:
    return {
        "title": request.POST.get("title", ""),
        "description": request.POST.get("description", ""),
        "kind": request.POST.get("kind", ""),
        "definition": request.POST.get("definition", ""),
        "issued_by": request.POST.get("issued_by", ""),
    }


def _issuers() -> list[Organization]:
    return list(Organization.objects.filter(kind=OrgKind.ISSUER).order_by("name"))


def _issuer(slug: str) -> Organization | None:
    return Organization.objects.filter(kind=OrgKind.ISSUER, slug=slug).first() if slug else None


def _parsed(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as err:
        raise ValidationError({"definition": f"This is not valid JSON ({err})."}) from None


def _editor(request: HttpRequest, org: Organization, pathway: Pathway | None) -> HttpResponse:
    values = (
        _form_values(request)
        if request.method == "POST"
        else {
            "title": pathway.title if pathway else "",
            "description": pathway.description if pathway else "",
            "kind": pathway.kind if pathway else PathwayKind.HORIZONTAL,
            "definition": json.dumps(pathway.definition if pathway else EXAMPLE, indent=2),
            "issued_by": pathway.issued_by.slug if pathway and pathway.issued_by else "",
        }
    )
    errors: dict[str, list[str]] = {}
    preview = None
    if request.method == "POST":
        try:
            tree = _parsed(values["definition"])
            if "preview" in request.POST:
                preview = _preview(definition_clean(definition=tree, kind=values["kind"]))
            elif pathway is None:
                created = services.pathway_create(
                    owner=org,
                    actor=request.user,
                    title=values["title"],
                    description=values["description"],
                    kind=values["kind"],
                    definition=tree,
                    issued_by=_issuer(values["issued_by"]),
                )
                messages.success(request, f"“{created.title}” is saved as a draft.")
                return redirect("pathways:detail", org.slug, created.pk)
            else:
                services.pathway_update(
                    pathway=pathway,
                    actor=request.user,
                    title=values["title"],
                    description=values["description"],
                    definition=tree,
                )
                messages.success(request, "Saved.")
                return redirect("pathways:detail", org.slug, pathway.pk)
        except ValidationError as exc:
            errors = exc.message_dict
    return render(
        request,
        "pathways/editor.html",
        {
            "org": org,
            "pathway": pathway,
            "values": values,
            "errors": errors,
            "preview": preview,
            "kinds": PathwayKind.choices,
            "catalog": _catalog(),
            "issuers": _issuers() if org.kind == OrgKind.COALITION and pathway is None else [],
        },
        status=422 if errors else 200,
    )


@requires("pathways.pathway.edit", org_kwarg="org_slug")
def pathway_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _editor(request, request.organization, None)  # type: ignore[attr-defined]


@requires("pathways.pathway.edit", org_kwarg="org_slug")
def pathway_edit(request: HttpRequest, org_slug: str, pathway_pk: int) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    pathway = _pathway(org, pathway_pk)
    if pathway.status != "draft":
        messages.info(request, "A published pathway is frozen; retire it and define a new one.")
        return redirect("pathways:detail", org.slug, pathway.pk)
    return _editor(request, org, pathway)


@requires("pathways.pathway.list", org_kwarg="org_slug")
def pathway_detail(request: HttpRequest, org_slug: str, pathway_pk: int) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    pathway = _pathway(org, pathway_pk)
    completions = selectors.completions_of(organization=org).filter(pathway=pathway)
    return render(
        request,
        "pathways/detail.html",
        {
            "org": org,
            "pathway": pathway,
            "tree": _preview(pathway.definition),
            "completed": completions.count(),
        },
    )


def _status_change(
    request: HttpRequest, org_slug: str, pathway_pk: int, publish: bool
) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    pathway = _pathway(org, pathway_pk)
    try:
        if publish:
            services.pathway_publish(pathway=pathway, actor=request.user)
            messages.success(request, "Published: learners now see their progress on it.")
        else:
            services.pathway_retire(pathway=pathway, actor=request.user)
            messages.success(request, "Retired: it no longer counts; certificates stay valid.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("pathways:detail", org.slug, pathway.pk)


@requires("pathways.pathway.publish", org_kwarg="org_slug")
@require_POST
def pathway_publish(request: HttpRequest, org_slug: str, pathway_pk: int) -> HttpResponse:
    return _status_change(request, org_slug, pathway_pk, True)


@requires("pathways.pathway.publish", org_kwarg="org_slug")
@require_POST
def pathway_retire(request: HttpRequest, org_slug: str, pathway_pk: int) -> HttpResponse:
    return _status_change(request, org_slug, pathway_pk, False)


@requires("pathways.certificate.review", org_kwarg="org_slug")
def review_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    return render(
        request,
        "pathways/reviews.html",
        {"org": org, "completions": selectors.completions_to_review(organization=org)},
    )


@requires("pathways.certificate.review", org_kwarg="org_slug")
@require_POST
def review_decide(request: HttpRequest, org_slug: str, completion_pk: int) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    completion = selectors.completion_of(organization=org, pk=completion_pk)
    if completion is None:
        raise Http404("No such certificate")
    try:
        completion_review(
            completion=completion,
            actor=request.user,
            decision=request.POST.get("decision", ""),
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, "Recorded your decision.")
    except ValidationError as exc:
        messages.error(request, "Not recorded: " + " ".join(exc.messages))
    return redirect("pathways:reviews", org.slug)
