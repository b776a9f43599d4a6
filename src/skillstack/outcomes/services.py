"""Writes of the outcomes app: self-identification and consent, programs, cohorts and their
enrolment, report snapshots, an employer's hiring baseline. Each is audited."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredential
from skillstack.outcomes.demographics import (
    AgeBand,
    Ethnicity,
    PriorDegree,
    Race,
    Sex,
    YesNo,
    race_ethnicity_group,
)
from skillstack.outcomes.models import (
    CONSENT_WORDING_VERSION,
    Cohort,
    CohortEnrolment,
    DemographicConsent,
    EmployerBaseline,
    FundedProgram,
    LearnerDemographics,
    ReportSnapshot,
)
from skillstack.outcomes.queries.enrolment import roster_learner_ids

ANSWER_CHOICES = {
    "ethnicity": Ethnicity,
    "sex": Sex,
    "age_band": AgeBand,
    "veteran": YesNo,
    "disability": YesNo,
    "first_generation": YesNo,
    "prior_degree": PriorDegree,
}


def demographics_save(*, user: Any, actor: Any, answers: dict[str, Any]) -> LearnerDemographics:
    """Store a learner's own answers (any may be blank). Consent is separate: see below."""
    if actor.pk != user.pk:
        raise ValidationError({"__all__": "Only a person can describe themself."})
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for field, choices in ANSWER_CHOICES.items():
        value = answers.get(field) or ""
        if value and value not in choices.values:
            errors[field] = "Choose one of the listed answers, or leave it blank."
        clean[field] = value
    races = list(answers.get("races") or [])
    if any(r not in Race.values for r in races):
        errors["races"] = "Choose races from the list only."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record, _ = LearnerDemographics.objects.select_for_update().get_or_create(user=user)
        for field, value in clean.items():
            setattr(record, field, value)
        record.races = sorted(set(races))
        record.race_ethnicity = race_ethnicity_group(ethnicity=clean["ethnicity"], races=races)
        record.save()
        # Which questions were answered, never the answers: the audit log is widely read.
        answered = sorted(f for f, v in clean.items() if v) + (["races"] if races else [])
        audit_record(
            action="outcomes.demographics.updated",
            actor=actor,
            obj=record,
            data={"answered": answered},
        )
    return record


def demographic_consent_set(*, user: Any, actor: Any, granted: bool) -> DemographicConsent:
    """Grant or withdraw; takes effect in every report at once (reports read ``consented``)."""
    if actor.pk != user.pk:
        raise ValidationError({"__all__": "Only a person can give or withdraw their consent."})
    with transaction.atomic():
        record, _ = LearnerDemographics.objects.select_for_update().get_or_create(user=user)
        record.consented = granted
        record.save(update_fields=["consented", "updated_at"])
        consent = DemographicConsent.objects.create(
            user=user, granted=granted, wording_version=CONSENT_WORDING_VERSION
        )
        audit_record(
            action=f"outcomes.consent.{'granted' if granted else 'withdrawn'}",
            actor=actor,
            obj=consent,
            data={"wording_version": CONSENT_WORDING_VERSION},
        )
    return consent


def _dates(starts_on: datetime.date, ends_on: datetime.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "The end date must be on or after the start date."})


def program_create(
    *,
    funder: Organization,
    provider: Organization,
    name: str,
    micro_credentials: list[MicroCredential],
    starts_on: datetime.date,
    ends_on: datetime.date,
    actor: Any,
) -> FundedProgram:
    """A funder records a program it funds at a training provider."""
    name = (name or "").strip()
    if funder.kind != OrgKind.FUNDER:
        raise ValidationError({"funder": "Only a funder organization funds programs."})
    if provider.kind != OrgKind.ISSUER:
        raise ValidationError({"provider": "Choose a training provider (an issuer)."})
    if not name:
        raise ValidationError({"name": "Give the program a name."})
    if not micro_credentials:
        raise ValidationError({"micro_credentials": "Choose at least one micro-credential."})
    _dates(starts_on, ends_on)
    if FundedProgram.objects.filter(funder=funder, name__iexact=name).exists():
        raise ValidationError({"name": "You already fund a program with this name."})
    with transaction.atomic():
        program = FundedProgram.objects.create(
            funder=funder, provider=provider, name=name, starts_on=starts_on, ends_on=ends_on
        )
        program.micro_credentials.set(micro_credentials)
        audit_record(
            action="outcomes.program.created",
            actor=actor,
            organization=funder,
            obj=program,
            data={
                "provider": provider.slug,
                "micro_credentials": [m.pk for m in micro_credentials],
            },
        )
    return program


def cohort_create(
    *,
    program: FundedProgram,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    actor: Any,
) -> Cohort:
    """An intake of the program; its learners are enrolled from the provider's rosters."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Give the cohort a name."})
    _dates(starts_on, ends_on)
    if program.cohorts.filter(name__iexact=name).exists():
        raise ValidationError({"name": "This program already has a cohort with this name."})
    with transaction.atomic():
        cohort = Cohort.objects.create(
            program=program, name=name, starts_on=starts_on, ends_on=ends_on
        )
        audit_record(
            action="outcomes.cohort.created",
            actor=actor,
            organization=program.funder,
            obj=cohort,
            data={"program": program.pk},
        )
        cohort_enrol_from_rosters(cohort=cohort, actor=actor)
    return cohort


def cohort_enrol_from_rosters(*, cohort: Cohort, actor: Any) -> int:
    """Enrol the learners on the rosters of the provider's sessions of the program's
    micro-credentials dated within the cohort; returns how many were newly enrolled."""
    with transaction.atomic():
        learner_ids = set(roster_learner_ids(cohort=cohort))
        known = set(cohort.enrolments.values_list("learner_id", flat=True))
        new = sorted(learner_ids - known)
        CohortEnrolment.objects.bulk_create(
            [CohortEnrolment(cohort=cohort, learner_id=pk) for pk in new], ignore_conflicts=True
        )
        if new:
            audit_record(
                action="outcomes.cohort.enrolled",
                actor=actor,
                organization=cohort.program.funder,
                obj=cohort,
                data={"added": len(new)},
            )
    return len(new)


BASELINE_FIELDS = ("retention_90", "retention_180", "retention_365", "no_degree_share")


def baseline_save(
    *, employer: Organization, actor: Any, figures: dict[str, Any]
) -> EmployerBaseline:
    """The employer's own figures before the alliance: percentages 0 to 100, days 0 or more."""
    if employer.kind != OrgKind.EMPLOYER:
        raise ValidationError({"__all__": "Only an employer declares a hiring baseline."})
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for field in BASELINE_FIELDS:
        value = figures.get(field)
        if value is not None and not Decimal(0) <= Decimal(value) <= Decimal(100):
            errors[field] = "Give a percentage between 0 and 100, or leave it blank."
        clean[field] = value
    days = figures.get("time_to_fill_days")
    if days is not None and int(days) < 0:
        errors["time_to_fill_days"] = "Give a number of days (0 or more), or leave it blank."
    clean["time_to_fill_days"] = days
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        baseline, _ = EmployerBaseline.objects.update_or_create(employer=employer, defaults=clean)
        audit_record(
            action="outcomes.baseline.updated",
            actor=actor,
            organization=employer,
            obj=baseline,
            data={k: (str(v) if v is not None else None) for k, v in clean.items()},
        )
    return baseline


def snapshot_create(*, program: FundedProgram, table: Any, actor: Any) -> ReportSnapshot:
    """Store the report as shown (suppressed), its parameters and a content hash.

    Same parameters (report date included) on the same data give the same hash, so anyone
    can re-run a cited snapshot and check it."""
    with transaction.atomic():
        content = table.content()
        snapshot = ReportSnapshot.objects.create(
            funder=program.funder,
            program=program,
            parameters=content["parameters"],
            results={"threshold": content["threshold"], "table": content["table"]},
            content_hash=table.content_hash(),
            created_by=actor,
        )
        audit_record(
            action="outcomes.snapshot.created",
            actor=actor,
            organization=program.funder,
            obj=snapshot,
            data={"program": program.pk, "hash": snapshot.content_hash},
        )
    return snapshot
