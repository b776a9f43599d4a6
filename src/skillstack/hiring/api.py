"""JSON API of hiring: a candidate's applications, an employer's pipeline, moves and hires,
a navigator's caseload, and answering a check-in by its signed token.

Objects are looked up within the signed-in candidate's own or the path's organization, so
another's id answers 404. Service refusals (a move the stage rules forbid) answer 422.
"""

# No ``from __future__ import annotations``: ninja reads the annotations at import time.

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Status

from skillstack.core.access import api_requires
from skillstack.hiring import caseload_selectors, selectors
from skillstack.hiring.models import Application, Placement, Stage
from skillstack.hiring.schemas import (
    ApplicationDetailOut,
    ApplicationIn,
    ApplicationOut,
    CaseloadRowOut,
    CheckinAnsweredOut,
    CheckinAnswerIn,
    MoveIn,
    PathId,
    PipelineApplicationOut,
    PlacementIn,
    WithdrawIn,
)
from skillstack.hiring.services.applications import (
    application_apply,
    application_move,
    application_withdraw,
)
from skillstack.hiring.services.checkins import checkin_answer, checkin_from_token
from skillstack.hiring.services.placements import placement_record
from skillstack.wallet.holdings import verified_holdings

router = Router(tags=["hiring"])


def _application_out(a: Application) -> dict[str, Any]:
    return {
        "id": a.pk,
        "opening_id": a.opening_id,
        "opening_title": a.opening.title,
        "employer": a.opening.employer.name,
        "source": a.source,
        "stage": a.stage,
        "stage_changed_at": a.stage_changed_at,
        "created_at": a.created_at,
        "history": [{"stage": c.stage, "at": c.at, "note": c.note} for c in a.stage_changes.all()],
    }


def _pipeline_out(a: Application) -> dict[str, Any]:
    c = a.candidate
    return {
        **_application_out(a),
        "candidate": {"id": c.pk, "full_name": c.full_name, "email": c.email},
        "note": a.note,
    }


def _placement_out(p: Placement | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "start_date": p.start_date,
        "role_title": p.role_title,
        "wage": p.wage,
        "wage_unit": p.wage_unit,
        "employment_type": p.employment_type,
        "onboarding_needs": p.onboarding_needs,
        "ended_on": p.ended_on,
        "promoted_on": p.promoted_on,
        "checkins": [
            {
                "day": r.day,
                "respondent": r.respondent,
                "due_on": r.due_on,
                "status": r.status,
                "answer": r.answer,
            }
            for r in selectors.checkins_of(placement=p)
        ],
    }


def _detail_out(a: Application) -> dict[str, Any]:
    return {
        **_pipeline_out(a),
        "credentials": [
            {
                "name": h.name,
                "issuer_name": h.issuer_name,
                "level": h.level,
                "earned_at": h.earned_at,
                "valid_until": h.valid_until,
            }
            for h in verified_holdings(user=a.candidate)
        ],
        "placement": _placement_out(selectors.placement_of(a)),
    }


def _in_org(request: HttpRequest, pk: int) -> Application:
    org = request.organization  # type: ignore[attr-defined]
    application = selectors.application_in_org(organization=org, pk=pk)
    if application is None:
        raise Http404("No such application in this organization")
    return application


# --- the candidate ----------------------------------------------------------------------------


@router.get("/me/applications", response=list[ApplicationOut])
@api_requires("hiring.application.list_own")
def my_applications(request: HttpRequest) -> list[dict[str, Any]]:
    return [_application_out(a) for a in selectors.applications_of_candidate(user=request.user)]


@router.post("/jobs/{opening_pk}/applications", response={201: ApplicationOut})
@api_requires("hiring.application.apply")
def apply(request: HttpRequest, opening_pk: PathId, payload: ApplicationIn) -> Any:
    """Apply to an open opening; the employer sees the note and your verified credentials."""
    opening = selectors.open_opening(pk=opening_pk)
    if opening is None:
        raise Http404("No open opening here")
    application = application_apply(
        opening=opening, candidate=request.user, actor=request.user, note=payload.note
    )
    return Status(201, _application_out(application))


@router.post("/me/applications/{application_pk}/withdraw", response=ApplicationOut)
@api_requires("hiring.application.withdraw")
def withdraw(request: HttpRequest, application_pk: PathId, payload: WithdrawIn) -> Any:
    application = selectors.application_of_candidate(user=request.user, pk=application_pk)
    if application is None:
        raise Http404("No such application of yours")
    application_withdraw(application=application, actor=request.user, note=payload.note)
    return _application_out(application)


# --- the employer -----------------------------------------------------------------------------


@router.get("/orgs/{org_slug}/applications", response=list[PipelineApplicationOut])
@api_requires("hiring.pipeline.view", org_kwarg="org_slug")
def pipeline(
    request: HttpRequest, org_slug: str, opening: PathId | None = None, stage: str = ""
) -> list[dict[str, Any]]:
    """The organization's applications, newest move first; filter by opening and stage."""
    rows = selectors.pipeline(
        organization=request.organization,  # type: ignore[attr-defined]
        opening_id=opening,
        stage=stage if stage in Stage.values else "",
    ).prefetch_related("stage_changes")
    return [_pipeline_out(a) for a in rows[:500]]


@router.get("/orgs/{org_slug}/applications/{application_pk}", response=ApplicationDetailOut)
@api_requires("hiring.pipeline.view", org_kwarg="org_slug")
def application_detail(request: HttpRequest, org_slug: str, application_pk: PathId) -> Any:
    return _detail_out(_in_org(request, application_pk))


@router.post("/orgs/{org_slug}/applications/{application_pk}/stage", response=ApplicationDetailOut)
@api_requires("hiring.application.move", org_kwarg="org_slug")
def move(request: HttpRequest, org_slug: str, application_pk: PathId, payload: MoveIn) -> Any:
    """Move to the next stage. Hired is reached by recording the placement instead."""
    application = _in_org(request, application_pk)
    application_move(
        application=application, stage=payload.stage, actor=request.user, note=payload.note
    )
    return _detail_out(_in_org(request, application_pk))


@router.post(
    "/orgs/{org_slug}/applications/{application_pk}/placement",
    response={201: ApplicationDetailOut},
)
@api_requires("hiring.placement.record", org_kwarg="org_slug")
def hire(request: HttpRequest, org_slug: str, application_pk: PathId, payload: PlacementIn) -> Any:
    """Record the hire of an application at the offer stage; check-ins are scheduled."""
    application = _in_org(request, application_pk)
    placement_record(application=application, actor=request.user, **payload.model_dump())
    return Status(201, _detail_out(_in_org(request, application_pk)))


# --- navigators -------------------------------------------------------------------------------


@router.get("/orgs/{org_slug}/caseload", response=list[CaseloadRowOut])
@api_requires("hiring.caseload.view", org_kwarg="org_slug")
def caseload(
    request: HttpRequest, org_slug: str, mine: bool = False, flag: str = "", sort: str = "name"
) -> list[dict[str, Any]]:
    rows = caseload_selectors.caseload(
        organization=request.organization,  # type: ignore[attr-defined]
        navigator=request.user if mine else None,
        flag=flag,
        sort=sort,
    )
    return [
        {
            "assignment_id": r.assignment.pk,
            "learner": {
                "id": r.learner.pk,
                "full_name": r.learner.full_name,
                "email": r.learner.email,
            },
            "navigator_email": r.assignment.navigator.email if r.assignment.navigator else "",
            "credentials": len(r.holdings),
            "open_applications": len(r.active_applications),
            "checkins_due": len(r.checkins_due),
            "checkins_missed": len(r.checkins_missed),
            "flags": r.flags,
            "last_activity": r.last_activity,
        }
        for r in rows
    ]


# --- check-in links ---------------------------------------------------------------------------


@router.post("/checkins/{checkin_token}", response=CheckinAnsweredOut, auth=None)
@api_requires("hiring.check_in.answer")
def answer_checkin(request: HttpRequest, checkin_token: str, payload: CheckinAnswerIn) -> Any:
    """Answer a retention check-in with the token of its e-mailed link (no sign-in)."""
    found = checkin_from_token(checkin_token)
    if found.check_in is None or found.problem == "invalid":
        raise Http404("This check-in link does not work")
    if found.problem == "expired":
        raise Http404("This check-in link has expired")
    row = checkin_answer(
        check_in=found.check_in, answer=payload.answer, reason=payload.reason, actor=request.user
    )
    return {"day": row.day, "respondent": row.respondent, "answer": row.answer}
