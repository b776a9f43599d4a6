"""Micro-credentials, earned credentials (through the real issuing path) and pathways."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import IssuerType, OrgKind
from skillstack.catalog.models import (
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
)
from skillstack.issuing.issuance import credential_issue_for_attempt
from skillstack.issuing.models import IssuedCredential
from skillstack.pathways import services
from skillstack.pathways.models import Pathway
from tests.factories import make_org
from tests.issuing.helpers import PIPETTING, make_attempt, make_certification, make_session

_seq = itertools.count(1)


def make_mc(
    issuer: Organization,
    name: str,
    *,
    level: str = "Foundational",
    skills: list[Skill] | None = None,
    credits: str | None = "1.0",
    validity_months: int | None = None,
) -> MicroCredentialVersion:
    slug = f"{name.lower().replace(' ', '-')}-{next(_seq)}"
    mc = MicroCredential.objects.create(
        issuer=issuer, slug=slug, status=MicroCredentialStatus.PUBLISHED
    )
    version = MicroCredentialVersion.objects.create(
        micro_credential=mc,
        number=1,
        name=name,
        description=f"Shows {name.lower()} in a lab, observed by an evaluator.",
        criteria="Performs the steps in front of a certified evaluator.",
        level=level,
        credits_available=credits,
        validity_months=validity_months,
        performance_test=PIPETTING,
        published_at=timezone.now(),
    )
    version.skills.set(skills or [])
    return version


def earn(
    learner: User, version: MicroCredentialVersion, evaluator: User, *, days_ago: int = 1
) -> IssuedCredential:
    """The learner passes the version's performance test and gets its credential."""
    issuer = version.micro_credential.issuer
    certification = version.micro_credential.certifications.filter(evaluator=evaluator).first()
    if certification is None:
        certification = make_certification(evaluator, version)
    session = make_session(issuer, version, evaluator)
    observed = timezone.now() - timedelta(days=days_ago)
    attempt = make_attempt(session, learner, certification, observed_at=observed)
    credential = credential_issue_for_attempt(attempt=attempt)
    if days_ago > 1:  # as if issued then (recency rules read the issue date)
        IssuedCredential.objects.filter(pk=credential.pk).update(issued_at=observed)
        credential.refresh_from_db()
    return credential


def cred(version: MicroCredentialVersion, **extra: Any) -> dict[str, Any]:
    return {"kind": "credential", "micro_credential": version.micro_credential_id, **extra}


def published(
    owner: Organization,
    actor: User,
    kind: str,
    tree: dict[str, Any],
    title: str = "",
    issued_by: Organization | None = None,
) -> Pathway:
    pathway = services.pathway_create(
        owner=owner,
        actor=actor,
        title=title or f"Pathway {next(_seq)}",
        description="Stacks lab credentials into a certificate.",
        kind=kind,
        definition=tree,
        issued_by=issued_by,
    )
    return services.pathway_publish(pathway=pathway, actor=actor)


def make_college(slug: str = "cedar") -> Organization:
    college = make_org(kind=OrgKind.ISSUER, name="Cedar Valley Community College", slug=slug)
    college.issuer_type = IssuerType.COLLEGE
    college.save(update_fields=["issuer_type"])
    return college


def future(days: int) -> date:
    return date.today() + timedelta(days=days)
