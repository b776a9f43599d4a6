"""Credentials a learner holds through the real issuing path (an assessed, passed attempt), so
they are verified holdings with catalog skills, as the resume reads them."""

from __future__ import annotations

import itertools
from typing import Any

from django.test import Client
from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import (
    Framework,
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
)
from skillstack.issuing.issuance import credential_issue_for_attempt
from skillstack.issuing.models import IssuedCredential
from tests.issuing.helpers import PIPETTING, make_attempt, make_certification, make_session

_n = itertools.count(1)


def version_with_skills(
    issuer: Organization, *, name: str, skills: list[str], level: str = "Intermediate"
) -> MicroCredentialVersion:
    n = next(_n)
    micro_credential = MicroCredential.objects.create(
        issuer=issuer, slug=f"mc-{n}", status=MicroCredentialStatus.PUBLISHED
    )
    version = MicroCredentialVersion.objects.create(
        micro_credential=micro_credential,
        number=1,
        name=name,
        description=f"Shows {name.lower()} in a GMP lab.",
        criteria="Performs the steps in front of a certified evaluator.",
        level=level,
        validity_months=24,
        performance_test=PIPETTING,
        published_at=timezone.now(),
    )
    rows = []
    for label in skills:
        skill = Skill.objects.filter(organization=issuer, label=label).first()
        if skill is None:
            skill = Skill.objects.create(
                organization=issuer,
                framework=Framework.ESCO,
                code=f"S{n}.{len(rows)}",
                uri=f"http://data.europa.eu/esco/skill/test-{n}-{len(rows)}",
                label=label,
            )
        rows.append(skill)
    version.skills.set(rows)
    return version


def held_credential(
    world: Any,
    *,
    name: str = "Aseptic Technique",
    skills: list[str] | None = None,
    learner: User | None = None,
    level: str = "Intermediate",
) -> IssuedCredential:
    """A credential of ``name`` issued by world.issuer to the learner for a passed attempt."""
    version = version_with_skills(
        world.issuer, name=name, skills=skills or ["Maintain aseptic conditions"], level=level
    )
    evaluator = world.people["evaluator"]
    certification = make_certification(evaluator, version)
    session = make_session(world.issuer, version, evaluator)
    attempt = make_attempt(session, learner or world.people["learner"], certification)
    return credential_issue_for_attempt(attempt=attempt)


def choose(
    client: Client, refs: list[str], *, skills: list[int] | None = None, share: bool = False
) -> Any:
    data: dict[str, Any] = {"credentials": refs}
    if skills is not None:
        data["shown_skills"] = skills
    if share:
        data["share"] = "on"
    return client.post("/me/resume/credentials/", data)
