"""API operations of the pathways app (thin over services and selectors).

Objects are looked up within the organization of the path: another organization's pathway
or certificate answers 404 like one that does not exist.
"""

# No ``from __future__ import annotations``: ninja reads the operations' annotations.

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status

from skillstack.accounts.models import Organization
from skillstack.catalog.models import MicroCredential
from skillstack.core.access import api_requires
from skillstack.pathways import credit, credit_selectors, selectors, services
from skillstack.pathways.certificates import completion_review
from skillstack.pathways.credit_selectors import ProgramCredit
from skillstack.pathways.engine import NodeResult
from skillstack.pathways.models import Pathway
from skillstack.pathways.schemas import (
    ArticulationIn,
    ArticulationOut,
    ConsentBody,
    ConsentOut,
    IncomingOut,
    PathwayIn,
    PathwayOut,
    ProgramCreditOut,
    ProgressOut,
    RecommendationIn,
    RecommendationOut,
    ReviewBody,
    ReviewOut,
)

router = Router(tags=["pathways"])


def _pathway_out(pathway: Pathway) -> dict[str, Any]:
    return {
        "id": pathway.pk,
        "slug": pathway.slug,
        "title": pathway.title,
        "description": pathway.description,
        "kind": pathway.kind,
        "status": pathway.status,
        "requirements": pathway.definition,
        "published_at": pathway.published_at,
    }


def _pathway(request: HttpRequest, pathway_pk: int) -> Pathway:
    pathway = selectors.pathway_of(organization=request.organization, pk=pathway_pk)  # type: ignore[attr-defined]
    if pathway is None:
        raise Http404("No such pathway")
    return pathway


def _node_out(node: NodeResult) -> dict[str, Any]:
    return {
        "path": node.path,
        "kind": node.kind,
        "label": node.label,
        "satisfied": node.satisfied,
        "needed": node.needed,
        "met": node.met,
        "locked": node.locked,
        "via_equivalence": node.via_equivalence,
        "credential": node.holding.ref if node.holding else None,
        "credential_name": node.holding.name if node.holding else None,
        "children": [_node_out(c) for c in node.children],
    }


def _program_out(program: ProgramCredit) -> dict[str, Any]:
    agreement = program.agreement
    return {
        "college": agreement.college.slug,
        "program": agreement.program,
        "program_credits": str(agreement.program_credits),
        "cap_credits": str(agreement.cap_credits),
        "earned": str(program.earned),
        "awarded": str(program.awarded),
        "lines": [
            {
                "credits": str(line.item.credits),
                "course": line.item.course,
                "earned_by": line.evidence,
            }
            for line in program.lines
        ],
    }


@router.get("/orgs/{org_slug}/pathways", response=list[PathwayOut])
@api_requires("pathways.pathway.list", org_kwarg="org_slug")
def pathway_list(request: HttpRequest, org_slug: str) -> Any:
    return [_pathway_out(p) for p in selectors.pathways_of(organization=request.organization)]  # type: ignore[attr-defined]


@router.post("/orgs/{org_slug}/pathways", response={201: PathwayOut})
@api_requires("pathways.pathway.edit", org_kwarg="org_slug")
def pathway_create(request: HttpRequest, org_slug: str, payload: PathwayIn) -> Any:
    pathway = services.pathway_create(
        owner=request.organization,  # type: ignore[attr-defined]
        actor=request.user,
        title=payload.title,
        description=payload.description,
        kind=payload.pathway_kind,
        definition=payload.requirements,
        issued_by=Organization.objects.filter(slug=payload.issued_by_slug).first()
        if payload.issued_by_slug
        else None,
    )
    return Status(201, _pathway_out(pathway))


@router.get("/orgs/{org_slug}/pathways/{pathway_pk}", response=PathwayOut)
@api_requires("pathways.pathway.list", org_kwarg="org_slug")
def pathway_detail(request: HttpRequest, org_slug: str, pathway_pk: int) -> Any:
    return _pathway_out(_pathway(request, pathway_pk))


@router.post("/orgs/{org_slug}/pathways/{pathway_pk}/publish", response=PathwayOut)
@api_requires("pathways.pathway.publish", org_kwarg="org_slug")
def pathway_publish(request: HttpRequest, org_slug: str, pathway_pk: int) -> Any:
    pathway = services.pathway_publish(pathway=_pathway(request, pathway_pk), actor=request.user)
    return _pathway_out(pathway)


@router.post("/orgs/{org_slug}/pathway-certificates/{completion_pk}/review", response=ReviewOut)
@api_requires("pathways.certificate.review", org_kwarg="org_slug")
def certificate_review(
    request: HttpRequest, org_slug: str, completion_pk: int, payload: ReviewBody
) -> Any:
    completion = selectors.completion_of(organization=request.organization, pk=completion_pk)  # type: ignore[attr-defined]
    if completion is None:
        raise Http404("No such certificate")
    done = completion_review(
        completion=completion,
        actor=request.user,
        decision=payload.review_decision,
        reason=payload.reason,
    )
    return {"id": done.pk, "review_state": done.review_state}


@router.get("/me/pathways", response=list[ProgressOut])
@api_requires("pathways.progress.view")
def my_pathways(request: HttpRequest) -> Any:
    rows = []
    for row in selectors.learner_pathways(user=request.user):
        completion = row.completion
        certificate = completion.certificate if completion else None
        rows.append(
            {
                "pathway_id": row.pathway.pk,
                "title": row.pathway.title,
                "owner": row.pathway.owner.name,
                "complete": row.progress.complete,
                "certificate_id": certificate.credential_id if certificate else None,
                "review_state": completion.review_state if completion else None,
                "tree": _node_out(row.progress.root),
                "next": [step.requirement.label for step in row.next_steps],
            }
        )
    return rows


@router.get("/me/credit", response=list[ProgramCreditOut])
@api_requires("pathways.credit.view")
def my_credit(request: HttpRequest) -> Any:
    return [_program_out(p) for p in credit_selectors.learner_credit(user=request.user)]


@router.post("/me/credit/consent", response=ConsentOut)
@api_requires("pathways.credit.consent")
def my_credit_consent(request: HttpRequest, payload: ConsentBody) -> Any:
    college = credit_selectors.colleges().filter(slug=payload.college_slug).first()
    if college is None:
        raise ValidationError({"college_slug": "No college has this slug."})
    consent = credit.credit_consent_set(
        learner=request.user, college=college, share=payload.share_credit
    )
    sharing = consent is not None and consent.withdrawn_at is None
    return {"college_slug": college.slug, "sharing": sharing}


@router.get("/orgs/{org_slug}/credit/incoming", response=list[IncomingOut])
@api_requires("pathways.credit.incoming", org_kwarg="org_slug")
def college_incoming(request: HttpRequest, org_slug: str) -> Any:
    return [
        {
            "learner": row.learner.full_name,
            "email": row.learner.email,
            "programs": [_program_out(p) for p in row.programs],
        }
        for row in credit_selectors.incoming_learners(college=request.organization)  # type: ignore[attr-defined]
    ]


@router.post("/orgs/{org_slug}/articulations", response={201: ArticulationOut})
@api_requires("pathways.articulation.manage", org_kwarg="org_slug")
def articulation_create(request: HttpRequest, org_slug: str, payload: ArticulationIn) -> Any:
    agreement = credit.articulation_create(
        college=request.organization,  # type: ignore[attr-defined]
        actor=request.user,
        program=payload.program_name,
        program_credits=Decimal(str(payload.program_credits)),
        cap_credits=Decimal(str(payload.cap_credits)),
        items=[item.model_dump() for item in payload.articulated],
    )
    return Status(
        201,
        {
            "id": agreement.pk,
            "program": agreement.program,
            "program_credits": str(agreement.program_credits),
            "cap_credits": str(agreement.cap_credits),
            "items": agreement.items.count(),
        },
    )


@router.post("/orgs/{org_slug}/credit-recommendations", response={201: RecommendationOut})
@api_requires("pathways.credit_recommendation.record", org_kwarg="org_slug")
def recommendation_record(request: HttpRequest, org_slug: str, payload: RecommendationIn) -> Any:
    organization = request.organization  # type: ignore[attr-defined]
    micro_credential = MicroCredential.objects.filter(
        issuer=organization, pk=payload.micro_credential_id
    ).first()
    if micro_credential is None:
        raise Http404("No such micro-credential")
    recommendation = credit.credit_recommendation_record(
        micro_credential=micro_credential,
        actor=request.user,
        recommending_body=payload.recommending_body,
        credits=Decimal(str(payload.recommended_credits)),
        level=payload.level,
    )
    return Status(
        201,
        {
            "id": recommendation.pk,
            "micro_credential_id": micro_credential.pk,
            "recommending_body": recommendation.recommending_body,
            "credits": str(recommendation.credits),
        },
    )
