"""Planning assessment sessions: date, place, training program, cohort and evaluators."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.assessment.models import AssessmentSession
from skillstack.assessment.services.rules import current_certification, is_evaluator_of
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredentialVersion


def _check_session(
    *,
    issuer: Organization,
    version: MicroCredentialVersion,
    training_program: Organization | None,
    evaluators: Sequence[Any],
    place: str,
) -> None:
    errors: dict[str, str] = {}
    if version.micro_credential.issuer_id != issuer.pk:
        errors["micro_credential_version"] = f"Choose a micro-credential of {issuer.name}."
    elif version.published_at is None:
        errors["micro_credential_version"] = "Only a published version can be assessed."
    if training_program is not None and training_program.kind != OrgKind.ISSUER:
        errors["training_program"] = "The training program must be an issuer (a provider)."
    if not place.strip():
        errors["place"] = "Say where the session takes place."
    mc_id = version.micro_credential_id
    uncertified = [
        e.email
        for e in evaluators
        if not is_evaluator_of(user=e, organization=issuer)
        or current_certification(evaluator=e, micro_credential_id=mc_id) is None
    ]
    if uncertified:
        errors["evaluators"] = (
            f"Not currently certified for this micro-credential: {', '.join(uncertified)}."
        )
    if errors:
        raise ValidationError(errors)


def session_create(
    *,
    issuer: Organization,
    version: MicroCredentialVersion,
    date: datetime.date,
    place: str,
    evaluators: Sequence[Any],
    actor: Any,
    training_program: Organization | None = None,
    cohort: str = "",
    requires_cosign: bool = False,
) -> AssessmentSession:
    _check_session(
        issuer=issuer,
        version=version,
        training_program=training_program,
        evaluators=evaluators,
        place=place,
    )
    with transaction.atomic():
        session = AssessmentSession.objects.create(
            issuer=issuer,
            micro_credential_version=version,
            training_program=training_program,
            cohort=cohort.strip(),
            date=date,
            place=place.strip(),
            requires_cosign=requires_cosign,
            created_by=actor,
        )
        session.evaluators.set(evaluators)
        audit_record(
            action="assessment.session.created",
            actor=actor,
            organization=issuer,
            obj=session,
            data={"evaluators": sorted(e.email for e in evaluators)},
        )
    return session


def session_update(
    *,
    session: AssessmentSession,
    actor: Any,
    date: datetime.date,
    place: str,
    evaluators: Sequence[Any],
    training_program: Organization | None = None,
    cohort: str = "",
    requires_cosign: bool = False,
) -> AssessmentSession:
    """Change the plan; the micro-credential version stays (results name it)."""
    _check_session(
        issuer=session.issuer,
        version=session.micro_credential_version,
        training_program=training_program,
        evaluators=evaluators,
        place=place,
    )
    with transaction.atomic():
        session.date, session.place, session.cohort = date, place.strip(), cohort.strip()
        session.training_program = training_program
        session.requires_cosign = requires_cosign
        session.save()
        session.evaluators.set(evaluators)
        audit_record(
            action="assessment.session.updated",
            actor=actor,
            organization=session.issuer,
            obj=session,
            data={"evaluators": sorted(e.email for e in evaluators)},
        )
    return session
