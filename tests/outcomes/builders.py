"""Rows of other apps made directly (their models are the shared contract), for hand-computed
report fixtures: every date and value is explicit so the expected figures can be worked out."""

from __future__ import annotations

import datetime
import itertools
import uuid
from decimal import Decimal
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.assessment.models import (
    AssessmentSession,
    Attempt,
    AttemptStatus,
    EvaluatorCertification,
)
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill
from skillstack.hiring.models import Application, Placement, Stage
from skillstack.issuing.models import IssuedCredential
from skillstack.jobs.models import Opening, OpeningSkill, OpeningStatus
from skillstack.outcomes.models import Cohort, CohortEnrolment, FundedProgram
from tests.factories import make_user

_seq = itertools.count(1)


def at(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(day + "T10:00:00"))


def d(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day)


def skill(label: str, org: Organization | None = None) -> Skill:
    return Skill.objects.create(organization=org, code=f"s{next(_seq)}", label=label)


def version(
    issuer: Organization,
    *,
    name: str = "Aseptic Technique",
    skills: tuple[Skill, ...] = (),
    achievement_type: str = "MicroCredential",
    published: bool = True,
) -> MicroCredentialVersion:
    mc = MicroCredential.objects.create(
        issuer=issuer, slug=f"mc-{next(_seq)}", status="published" if published else "draft"
    )
    v = MicroCredentialVersion.objects.create(
        micro_credential=mc,
        number=1,
        name=name,
        description=name,
        criteria="Shows it to an evaluator.",
        achievement_type=achievement_type,
        performance_test={"steps": [], "rule": {}},
        published_at=timezone.now() if published else None,
    )
    v.skills.set(skills)
    return v


def program(
    funder: Organization, provider: Organization, versions: list[MicroCredentialVersion], **kw: Any
) -> FundedProgram:
    p = FundedProgram.objects.create(
        funder=funder,
        provider=provider,
        name=kw.get("name", f"Program {next(_seq)}"),
        starts_on=kw.get("starts_on", d("2026-01-01")),
        ends_on=kw.get("ends_on", d("2026-12-31")),
    )
    p.micro_credentials.set([v.micro_credential for v in versions])
    return p


def cohort(
    prog: FundedProgram, learners: list[User], start: str, end: str, name: str = ""
) -> Cohort:
    c = Cohort.objects.create(
        program=prog, name=name or f"Cohort {next(_seq)}", starts_on=d(start), ends_on=d(end)
    )
    CohortEnrolment.objects.bulk_create([CohortEnrolment(cohort=c, learner=u) for u in learners])
    return c


def learners(n: int) -> list[User]:
    return [make_user(learner=True) for _ in range(n)]


class Assessor:
    """One evaluator with a certification, and sessions on demand, for attempts."""

    def __init__(self, v: MicroCredentialVersion, program_org: Organization | None = None):
        self.version = v
        self.evaluator = make_user()
        self.certification = EvaluatorCertification.objects.create(
            evaluator=self.evaluator,
            micro_credential=v.micro_credential,
            valid_from=d("2020-01-01"),
            valid_until=d("2030-12-31"),
        )
        self.program_org = program_org

    def session(self, day: str) -> AssessmentSession:
        return AssessmentSession.objects.create(
            issuer=self.version.micro_credential.issuer,
            micro_credential_version=self.version,
            training_program=self.program_org,
            date=d(day),
            place="Lab",
        )

    def attempt(
        self, learner: User, day: str, *, passed: bool, status: str = AttemptStatus.FINAL
    ) -> Attempt:
        return Attempt.objects.create(
            session=self.session(day),
            learner=learner,
            micro_credential_version=self.version,
            evaluator=self.evaluator,
            certification=self.certification,
            observed_at=at(day),
            observations={},
            passed=passed,
            status=status,
            attested_at=at(day),
        )


def credential(
    recipient: User, v: MicroCredentialVersion, day: str, *, state: str = "active"
) -> IssuedCredential:
    n = next(_seq)
    return IssuedCredential.objects.create(
        idempotency_key=f"test:{n}:{uuid.uuid4()}",
        credential_id=f"urn:uuid:{uuid.uuid4()}",
        issuer=v.micro_credential.issuer,
        recipient=recipient,
        micro_credential_version=v,
        document={"type": ["VerifiableCredential"]},
        name=v.name,
        issued_at=at(day),
        state=state,
    )


def opening(
    employer: Organization,
    *,
    skills: tuple[Skill, ...] = (),
    positions: int = 1,
    degree: str = "none",
    status: str = OpeningStatus.OPEN,
    published: str | None = "2026-01-15",
    location: str = "Raleigh, NC",
    occupation: str = "51-9199.00",
    title: str = "Manufacturing Technician",
) -> Opening:
    o = Opening.objects.create(
        employer=employer,
        title=title,
        occupation_code=occupation,
        location=location,
        positions=positions,
        degree_requirement=degree,
        status=status,
        published_at=at(published) if published else None,
    )
    if published:
        Opening.objects.filter(pk=o.pk).update(created_at=at(published))
    OpeningSkill.objects.bulk_create([OpeningSkill(opening=o, skill=s) for s in skills])
    return o


def application(o: Opening, candidate: User, day: str, stage: str = Stage.APPLIED) -> Application:
    a = Application.objects.create(opening=o, candidate=candidate, source="candidate", stage=stage)
    Application.objects.filter(pk=a.pk).update(created_at=at(day), stage_changed_at=at(day))
    a.refresh_from_db()
    return a


def placement(
    app: Application,
    start: str,
    *,
    wage: str = "20.00",
    unit: str = "hour",
    ended: str | None = None,
    promoted: str | None = None,
) -> Placement:
    Application.objects.filter(pk=app.pk).update(stage=Stage.HIRED)
    return Placement.objects.create(
        application=app,
        start_date=d(start),
        role_title="Technician",
        wage=Decimal(wage),
        wage_unit=unit,
        employment_type="full_time",
        ended_on=d(ended) if ended else None,
        promoted_on=d(promoted) if promoted else None,
    )
