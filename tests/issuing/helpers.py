"""Making the objects issuing starts from, with the ORM (the assessment UI is another app's)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.assessment.models import (
    AssessmentSession,
    Attempt,
    AttemptStatus,
    EvaluatorCertification,
)
from skillstack.catalog.models import (
    Framework,
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
)
from tests.factories import make_user

PIPETTING = {
    "steps": [
        {"key": "tip", "title": "Fit a fresh tip", "kind": "check", "critical": True},
        {"key": "prewet", "title": "Pre-wet the tip", "kind": "check"},
        {"key": "angle", "title": "Hold the pipette vertical", "kind": "check"},
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


def make_version(
    issuer: Organization, *, slug: str = "pipetting", validity_months: int | None = 24
) -> MicroCredentialVersion:
    micro_credential = MicroCredential.objects.create(
        issuer=issuer, slug=slug, status=MicroCredentialStatus.PUBLISHED
    )
    version = MicroCredentialVersion.objects.create(
        micro_credential=micro_credential,
        number=1,
        name="Accurate Pipetting",
        description="Dispenses volumes from 2 µl to 1 ml accurately with a single-channel pipette.",
        criteria="Performs the pipetting steps in front of a certified evaluator.",
        credits_available="0.5",
        validity_months=validity_months,
        tags=["lab", "pipetting"],
        performance_test=PIPETTING,
        published_at=timezone.now(),
    )
    skill = Skill.objects.create(
        organization=issuer,
        framework=Framework.ESCO,
        code="S1.2.3",
        uri="http://data.europa.eu/esco/skill/pipetting-test",
        label="Use laboratory pipettes",
    )
    own = Skill.objects.create(organization=issuer, code="aseptic", label="Aseptic technique")
    version.skills.set([skill, own])
    return version


def make_certification(
    evaluator: User, version: MicroCredentialVersion, *, granted_by: User | None = None
) -> EvaluatorCertification:
    today = date.today()
    return EvaluatorCertification.objects.create(
        evaluator=evaluator,
        micro_credential=version.micro_credential,
        valid_from=today - timedelta(days=30),
        valid_until=today + timedelta(days=335),
        granted_by=granted_by,
    )


def make_session(
    issuer: Organization, version: MicroCredentialVersion, evaluator: User
) -> AssessmentSession:
    session = AssessmentSession.objects.create(
        issuer=issuer,
        micro_credential_version=version,
        date=date.today(),
        place="Teaching lab 3, Boston",
        cohort="Spring cohort",
    )
    session.evaluators.add(evaluator)
    return session


def make_attempt(
    session: AssessmentSession,
    learner: User,
    certification: EvaluatorCertification,
    *,
    passed: bool = True,
    status: str = AttemptStatus.FINAL,
    **extra: Any,
) -> Attempt:
    now = timezone.now()
    return Attempt.objects.create(
        session=session,
        learner=learner,
        micro_credential_version=session.micro_credential_version,
        evaluator=extra.pop("evaluator", certification.evaluator),
        certification=certification,
        observed_at=extra.pop("observed_at", now),
        elapsed_s=252,
        observations={"checks_done": ["tip", "angle"], "rubric_levels": {"accuracy": 3}},
        evidence_hashes=[hashlib.sha256(b"photo").hexdigest()],
        passed=passed,
        status=status,
        attested_at=now,
        **extra,
    )


def passed_attempt(world: Any, *, learner: User | None = None) -> Attempt:
    """A final passed attempt of the world's learner at world.issuer, observed by its evaluator."""
    version = make_version(world.issuer)
    evaluator = world.people["evaluator"]
    certification = make_certification(evaluator, version)
    session = make_session(world.issuer, version, evaluator)
    return make_attempt(session, learner or world.people["learner"], certification)


def new_learner(email: str) -> User:
    return make_user(email=email, learner=True)
