"""Demo section: certified evaluators, three sessions held today, passed and failed learners,
credentials in wallets and one revoked.

Certifications cannot be backdated, so the demo's sessions are held on the day it first runs;
a session is found again by its micro-credential and place on later runs.

Attempts carry deterministic client ids (uuid5 of a demo name), so running the demo again finds
them instead of recording them twice — the same idempotency the tablet's sync relies on.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.assessment.models import AssessmentSession, Attempt, EvaluatorCertification
from skillstack.assessment.services.attempts import Observation, attempt_submit
from skillstack.assessment.services.certifications import certification_grant
from skillstack.assessment.services.roster import roster_add
from skillstack.assessment.services.sessions import session_create
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.catalog.performance import parse_definition
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.issuing.issuance import session_attempts_to_issue
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.services import credential_revoke, credentials_issue_for_session

ADMIN = "olu.adeyemi@northfield.example"
EVALUATORS = ("rafael.quintero@northfield.example", "hannah.lindqvist@northfield.example")
DEMO_NAMESPACE = uuid.UUID("6f1c2b8e-3d4a-4e5f-9a0b-1c2d3e4f5a6b")
REVOKED_LEARNER = LEARNER_NAMES[2]
REVOKE_REASON = (
    "The evaluator recorded this attempt against the wrong learner; re-assessment booked."
)


@dataclass(frozen=True)
class DemoSession:
    micro_credential: str  # slug
    hours_ago: int
    place: str
    program: str  # training program's slug
    cohort: str
    evaluators: tuple[int, ...]  # indexes into EVALUATORS
    learners: tuple[int, ...]  # indexes into LEARNER_NAMES
    failing: tuple[int, ...]  # learners who miss a critical step


SESSIONS = (
    DemoSession(
        "lab-safety",
        35,
        "BioForge Training Lab, Bay 1",
        "bioforge",
        "Fall 2026 cohort",
        (0, 1),
        tuple(range(0, 16)),
        (),
    ),
    DemoSession(
        "pipetting",
        21,
        "BioForge Training Lab, Bay 2",
        "bioforge",
        "Fall 2026 cohort",
        (0,),
        tuple(range(0, 12)),
        (5, 9),
    ),
    DemoSession(
        "aseptic-technique",
        14,
        "Cedar Valley CC, Biotech Lab 114",
        "cedar-valley-cc",
        "BIOT 120, autumn term",
        (1,),
        tuple(range(12, 20)),
        (17,),
    ),
)


def certifications_load(*, versions: list[MicroCredentialVersion]) -> None:
    """Both evaluators certified for every demo micro-credential (and issued as credentials)."""
    admin = User.objects.get(email=ADMIN)
    today = timezone.localdate()
    for version in versions:
        mc = version.micro_credential
        for email in EVALUATORS:
            evaluator = User.objects.get(email=email)
            if EvaluatorCertification.objects.filter(
                evaluator=evaluator, micro_credential=mc, withdrawn_at__isnull=True
            ).exists():
                continue
            certification_grant(
                issuer=mc.issuer,
                evaluator=evaluator,
                micro_credential=mc,
                valid_from=today,
                valid_until=today + datetime.timedelta(days=730),
                actor=admin,
            )


def _observation(version: MicroCredentialVersion, *, fails: bool) -> Observation:
    test = parse_definition(version.performance_test)
    checks = [s.key for s in test.steps if s.kind == "check"]
    if fails:  # a critical step missed: the learner sees it among the steps to practise
        checks.remove(sorted(test.critical_keys)[0])
    levels = {s.key: (2 if fails else 3) for s in test.steps if s.kind == "rubric"}
    return Observation(checks_done=checks, rubric_levels=levels, elapsed_s=900)


def _start(spec: DemoSession) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=spec.hours_ago)


def _session(spec: DemoSession, version: MicroCredentialVersion) -> AssessmentSession:
    existing = AssessmentSession.objects.filter(
        micro_credential_version=version, place=spec.place
    ).first()
    if existing is not None:
        return existing
    date = timezone.localdate(_start(spec))
    return session_create(
        issuer=version.micro_credential.issuer,
        version=version,
        date=date,
        place=spec.place,
        evaluators=[User.objects.get(email=EVALUATORS[i]) for i in spec.evaluators],
        actor=User.objects.get(email=ADMIN),
        training_program=Organization.objects.get(slug=spec.program),
        cohort=spec.cohort,
    )


def _held(spec: DemoSession, session: AssessmentSession) -> None:
    version = session.micro_credential_version
    evaluator = User.objects.get(email=EVALUATORS[spec.evaluators[0]])
    start = _start(spec)
    for n, i in enumerate(spec.learners):
        learner = User.objects.get(email=learner_email(LEARNER_NAMES[i]))
        if not session.roster.filter(learner=learner).exists():
            roster_add(session=session, email=learner.email, actor=evaluator)
        client_id = uuid.uuid5(DEMO_NAMESPACE, f"{version.micro_credential.slug}:{learner.email}")
        if Attempt.objects.filter(client_id=client_id).exists():
            continue  # observed on an earlier run
        observed_at = start + datetime.timedelta(minutes=10 * n)
        attempt_submit(
            session=session,
            evaluator=evaluator,
            learner_id=learner.pk,
            client_id=uuid.uuid5(
                DEMO_NAMESPACE, f"{version.micro_credential.slug}:{learner.email}"
            ),
            observed_at=observed_at,
            attested_at=observed_at + datetime.timedelta(minutes=8),
            observation=_observation(version, fails=i in spec.failing),
        )


def _all_issued(session: AssessmentSession) -> bool:
    passed = session_attempts_to_issue(session=session)
    return IssuedCredential.objects.filter(attempt__in=passed).count() == len(passed)


def _revoke_one() -> None:
    credential = IssuedCredential.objects.filter(
        recipient__email=learner_email(REVOKED_LEARNER),
        micro_credential_version__micro_credential__slug="pipetting",
    ).first()
    if credential is not None and credential.state != CredentialState.REVOKED:
        credential_revoke(
            credential=credential, actor=User.objects.get(email=ADMIN), reason=REVOKE_REASON
        )


def assessments_load(*, versions: list[MicroCredentialVersion]) -> None:
    """Sessions held, attempts recorded, credentials issued to wallets, one revoked."""
    by_slug = {v.micro_credential.slug: v for v in versions}
    certifications_load(versions=versions)
    for spec in SESSIONS:
        session = _session(spec, by_slug[spec.micro_credential])
        _held(spec, session)
        if not _all_issued(session):
            credentials_issue_for_session(session=session)
    _revoke_one()
