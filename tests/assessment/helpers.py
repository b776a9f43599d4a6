"""Objects an assessment starts from, made through the services as people would make them."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.test import Client
from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.assessment.models import AssessmentSession, EvaluatorCertification
from skillstack.assessment.services.certifications import certification_grant
from skillstack.assessment.services.roster import roster_add
from skillstack.assessment.services.sessions import session_create
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.catalog.services import micro_credential_create, micro_credential_publish
from tests.conftest import World

PIPETTING = {
    "steps": [
        {"key": "tip", "title": "Fit a fresh tip", "kind": "check", "critical": True},
        {"key": "prewet", "title": "Pre-wet the tip", "kind": "check"},
        {"key": "vertical", "title": "Hold the pipette vertical", "kind": "check"},
        {
            "key": "accuracy",
            "title": "Volume accuracy",
            "kind": "rubric",
            "levels": ["Outside tolerance", "Within 5 %", "Within 1 %"],
            "min_level": 2,
        },
    ],
    "rule": {"min_other_checks": 1},
}
PASSING = {"checks_done": ["tip", "prewet"], "rubric_levels": {"accuracy": 3}}
FAILING = {"checks_done": ["prewet", "vertical"], "rubric_levels": {"accuracy": 3}}  # no tip


def published_version(
    issuer: Organization, actor: User, *, name: str = "Accurate Pipetting"
) -> MicroCredentialVersion:
    version = micro_credential_create(
        issuer=issuer,
        actor=actor,
        name=name,
        description="Dispenses volumes accurately with a single-channel pipette.",
        criteria="Performs the pipetting steps in front of a certified evaluator.",
        performance_test=PIPETTING,
    )
    return micro_credential_publish(micro_credential=version.micro_credential, actor=actor)


def certify(
    world: World, evaluator: User, version: MicroCredentialVersion, days: int = 365
) -> EvaluatorCertification:
    today = timezone.localdate()
    return certification_grant(
        issuer=version.micro_credential.issuer,
        evaluator=evaluator,
        micro_credential=version.micro_credential,
        valid_from=today,
        valid_until=today + datetime.timedelta(days=days),
        actor=world.people["issuer_admin"],
    )


def planned_session(
    world: World,
    version: MicroCredentialVersion,
    evaluators: list[User],
    *,
    requires_cosign: bool = False,
    learners: tuple[User, ...] = (),
    date: datetime.date | None = None,
) -> AssessmentSession:
    session = session_create(
        issuer=version.micro_credential.issuer,
        version=version,
        date=date or timezone.localdate(),
        place="Lab 2, BioSkills Institute",
        evaluators=evaluators,
        actor=world.people["designer"],
        requires_cosign=requires_cosign,
        cohort="Spring",
    )
    for learner in learners:
        roster_add(session=session, email=learner.email, actor=world.people["designer"])
    return session


def ready_session(world: World, **kwargs: Any) -> AssessmentSession:
    """A session of world.issuer today, the world's evaluator certified and assigned, the
    world's learner on the roster."""
    version = published_version(world.issuer, world.people["designer"])
    certify(world, world.people["evaluator"], version)
    return planned_session(
        world, version, [world.people["evaluator"]], learners=(world.people["learner"],), **kwargs
    )


def attempt_body(learner: User, observation: dict[str, Any], **extra: Any) -> dict[str, Any]:
    now = timezone.now().isoformat()
    return {
        "client_id": str(uuid.uuid4()),
        "learner_id": learner.pk,
        "observed_at": now,
        "attested_at": now,
        **observation,
        **extra,
    }


def sync(client: Client, session: AssessmentSession, body: dict[str, Any]) -> Any:
    url = f"/api/orgs/{session.issuer.slug}/sessions/{session.pk}/attempts"
    return client.post(url, body, content_type="application/json")
