"""JSON API of the assessment app: an evaluator's sessions, the tablet's sync, certifications.

Objects are looked up within the organization of the path, so another issuer's id answers 404.
"""

# No ``from __future__ import annotations``: ninja reads the annotations at import time.

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.errors import HttpError

from skillstack.accounts.models import Organization, User
from skillstack.assessment import selectors
from skillstack.assessment.models import AssessmentSession, Attempt, EvaluatorCertification
from skillstack.assessment.schemas import (
    AttemptIn,
    AttemptOut,
    CertificationIn,
    CertificationOut,
    PathId,
    SessionDetailOut,
    SessionOut,
    WithdrawIn,
)
from skillstack.assessment.services.attempts import Observation, SyncConflict, attempt_submit
from skillstack.assessment.services.certifications import (
    certification_grant,
    certification_withdraw,
)
from skillstack.assessment.services.rules import NotAllowed
from skillstack.catalog.models import MicroCredential
from skillstack.core.access import api_requires

router = Router(tags=["assessment"])


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _session_out(session: AssessmentSession) -> dict[str, Any]:
    version = session.micro_credential_version
    return {
        "id": session.pk,
        "date": session.date,
        "place": session.place,
        "cohort": session.cohort,
        "micro_credential": version.name,
        "version": version.number,
        "requires_cosign": session.requires_cosign,
    }


def _attempt_out(attempt: Attempt) -> dict[str, Any]:
    titles = selectors.step_titles(attempt.micro_credential_version)
    return {
        "id": attempt.pk,
        "client_id": attempt.client_id,
        "learner_id": attempt.learner_id,
        "status": attempt.status,
        "passed": attempt.passed,
        "reasons": attempt.reasons,
        "to_practise": [{"key": k, "title": titles.get(k, k)} for k in attempt.to_practise],
    }


def _certification_out(c: EvaluatorCertification) -> dict[str, Any]:
    return {
        "id": c.pk,
        "evaluator_id": c.evaluator_id,
        "evaluator_email": c.evaluator.email,
        "micro_credential_id": c.micro_credential_id,
        "valid_from": c.valid_from,
        "valid_until": c.valid_until,
        "withdrawn_at": c.withdrawn_at,
        "withdrawn_reason": c.withdrawn_reason,
    }


@router.get("/orgs/{org_slug}/sessions", response=list[SessionOut])
@api_requires("assessment.session.list", org_kwarg="org_slug")
def session_list(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    sessions = selectors.sessions_visible(user=request.user, organization=_org(request))
    return [_session_out(s) for s in sessions[:200]]


@router.get("/orgs/{org_slug}/sessions/{session_id}", response=SessionDetailOut)
@api_requires("assessment.session.view", org_kwarg="org_slug")
def session_detail(request: HttpRequest, org_slug: str, session_id: PathId) -> dict[str, Any]:
    session = selectors.session_visible(
        user=request.user, organization=_org(request), session_id=session_id
    )
    test = selectors.performance_test(session.micro_credential_version)
    return {
        **_session_out(session),
        "steps": [
            {
                "key": s.key,
                "title": s.title,
                "kind": s.kind,
                "critical": s.critical,
                "levels": list(s.levels),
            }
            for s in test.steps
        ],
        "roster": [
            {"learner_id": e.learner_id, "full_name": e.learner.full_name, "email": e.learner.email}
            for e in session.roster.select_related("learner")
        ],
    }


@router.post(
    "/orgs/{org_slug}/sessions/{session_id}/attempts",
    response={200: AttemptOut, 201: AttemptOut},
    url_name="assessment_attempt_sync",
)
@api_requires("assessment.attempt.record", org_kwarg="org_slug")
def attempt_sync(
    request: HttpRequest, org_slug: str, session_id: PathId, payload: AttemptIn
) -> Any:
    """Record an observed attempt. Sending the same ``client_id`` and body again answers 200 with
    the attempt already recorded; the same ``client_id`` with another body answers 409."""
    session = selectors.session_visible(
        user=request.user, organization=_org(request), session_id=session_id
    )
    observation = Observation(
        checks_done=payload.checks_done,
        rubric_levels=payload.rubric_levels,
        notes=payload.notes,
        elapsed_s=payload.elapsed_s,
        evidence_sha256=payload.evidence_sha256,
        client_verdict=payload.client_verdict,
    )
    try:
        result = attempt_submit(
            session=session,
            evaluator=request.user,
            learner_id=payload.learner_id,
            client_id=payload.client_id,
            observed_at=payload.observed_at,
            attested_at=payload.attested_at,
            observation=observation,
        )
    except SyncConflict as exc:
        raise HttpError(409, str(exc)) from None
    except NotAllowed as exc:
        raise HttpError(403, exc.message) from None
    return Status(201 if result.created else 200, _attempt_out(result.attempt))


@router.post("/orgs/{org_slug}/certifications", response={201: CertificationOut})
@api_requires("assessment.certification.manage", org_kwarg="org_slug")
def certification_create(request: HttpRequest, org_slug: str, payload: CertificationIn) -> Any:
    org = _org(request)
    evaluator = User.objects.filter(pk=payload.evaluator_id).first()
    micro_credential = MicroCredential.objects.filter(
        pk=payload.micro_credential_id, issuer=org
    ).first()
    from django.core.exceptions import ValidationError

    if evaluator is None:
        raise ValidationError({"evaluator_id": "No such person."})
    if micro_credential is None:
        raise ValidationError({"micro_credential_id": f"{org.name} has no such micro-credential."})
    certification = certification_grant(
        issuer=org,
        evaluator=evaluator,
        micro_credential=micro_credential,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        actor=request.user,
    )
    return Status(201, _certification_out(certification))


@router.post(
    "/orgs/{org_slug}/certifications/{certification_id}/withdraw", response=CertificationOut
)
@api_requires("assessment.certification.manage", org_kwarg="org_slug")
def certification_withdraw_op(
    request: HttpRequest, org_slug: str, certification_id: PathId, payload: WithdrawIn
) -> Any:
    certification = get_object_or_404(
        selectors.certifications_of(organization=_org(request)), pk=certification_id
    )
    withdrawn = certification_withdraw(
        certification=certification,
        reason=payload.withdrawal_reason,
        effective_on=payload.effective_on,
        actor=request.user,
    )
    return _certification_out(withdrawn)
