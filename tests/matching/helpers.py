"""Skills, micro-credentials, earned credentials (through the real issuing path) and
openings (through the jobs services) for matching tests."""

from __future__ import annotations

import itertools
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import (
    Framework,
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
    SkillEquivalence,
)
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.jobs.models import Opening
from skillstack.jobs.services import SkillAsk, opening_create, opening_publish
from skillstack.matching import services
from tests.issuing.helpers import PIPETTING, make_attempt, make_certification, make_session

_n = itertools.count(1)


def skill(label: str, *, broader: Skill | None = None) -> Skill:
    return Skill.objects.create(
        organization=None,
        framework=Framework.ESCO,
        code=f"t-{next(_n)}",
        label=label,
        broader=broader,
    )


def equivalent(a: Skill, b: Skill, *, by: Organization) -> SkillEquivalence:
    low, high = sorted([a, b], key=lambda s: s.pk)
    return SkillEquivalence.objects.create(skill_a=low, skill_b=high, declared_by=by)


def micro_credential(
    issuer: Organization,
    name: str,
    skills: list[Skill],
    *,
    level: str = "Intermediate",
    validity_months: int | None = None,
    published: bool = True,
) -> MicroCredentialVersion:
    mc = MicroCredential.objects.create(
        issuer=issuer,
        slug=f"mc-{next(_n)}",
        status=MicroCredentialStatus.PUBLISHED if published else MicroCredentialStatus.DRAFT,
    )
    version = MicroCredentialVersion.objects.create(
        micro_credential=mc,
        number=1,
        name=name,
        description=f"Shows {name.lower()} in a GMP lab.",
        criteria="Performs the steps in front of a certified evaluator.",
        level=level,
        validity_months=validity_months,
        performance_test=PIPETTING,
        published_at=timezone.now() if published else None,
    )
    version.skills.set(skills)
    return version


def earn(world: Any, learner: User, version: MicroCredentialVersion) -> IssuedCredential:
    """The learner passes the performance test and the issuer signs the credential."""
    evaluator = world.people["evaluator"]
    certification = make_certification(evaluator, version)
    session = make_session(version.micro_credential.issuer, version, evaluator)
    return credential_issue_for_attempt(attempt=make_attempt(session, learner, certification))


def opening(
    world: Any,
    title: str,
    asks: list[tuple[Skill, bool, int]],
    *,
    employer: Organization | None = None,
    **fields: Any,
) -> Opening:
    """A published opening of the world's employer (by its recruiter) asking ``asks``."""
    recruiter = world.people["recruiter"]
    org = employer or world.employer
    fields.setdefault("description", f"{title} in a GMP plant.")
    made = opening_create(
        organization=org,
        actor=recruiter,
        title=title,
        skills=[SkillAsk(s, required, level) for s, required, level in asks],
        **fields,
    )
    return opening_publish(opening=made, actor=recruiter)


def discoverable(learner: User, *, employers: list[Organization] | None = None) -> None:
    if employers:
        services.discoverability_set(
            candidate=learner, scope="chosen", employers=employers, actor=learner
        )
    else:
        services.discoverability_set(candidate=learner, scope="all", actor=learner)
