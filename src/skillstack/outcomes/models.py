"""What outcome reports are about and the consented data they may use.

* ``LearnerDemographics`` is a learner's own self-identification; ``consented`` mirrors the
  newest ``DemographicConsent`` row (the history) so reports group with one join.
* ``FundedProgram`` / ``Cohort`` / ``CohortEnrolment``: a funder funds a training provider's
  program; a cohort is an intake; enrolment is explicit (the provider enrols, or takes the
  learners on the rosters of its sessions in the cohort's dates).
* ``ReportSnapshot``: stored parameters + results + content hash, a citable dated copy.
* ``EmployerBaseline``: what an employer declares its hiring looked like before the alliance.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q

from skillstack.outcomes.demographics import (
    NOT_REPORTED,
    AgeBand,
    Ethnicity,
    PriorDegree,
    RaceEthnicity,
    Sex,
    YesNo,
)

CONSENT_WORDING_VERSION = "2026-11-1"
CONSENT_WORDING = (
    "I agree that Skillstack may count my answers above in reports about groups of people "
    "(for example, how many women in a funded program were hired). Reports never name me, "
    "hide any group smaller than the reporting threshold, and I can withdraw at any time: "
    "from then on my answers are left out of every report."
)


class LearnerDemographics(models.Model):
    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="outcome_demographics"
    )
    ethnicity = models.CharField(max_length=14, choices=Ethnicity.choices, blank=True)
    races = models.JSONField(default=list, blank=True)
    race_ethnicity = models.CharField(
        max_length=20, choices=RaceEthnicity.choices, default=NOT_REPORTED
    )
    sex = models.CharField(max_length=12, choices=Sex.choices, blank=True)
    age_band = models.CharField(max_length=12, choices=AgeBand.choices, blank=True)
    veteran = models.CharField(max_length=12, choices=YesNo.choices, blank=True)
    disability = models.CharField(max_length=12, choices=YesNo.choices, blank=True)
    first_generation = models.CharField(max_length=12, choices=YesNo.choices, blank=True)
    prior_degree = models.CharField(max_length=12, choices=PriorDegree.choices, blank=True)
    consented = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "learner demographics"

    def __str__(self) -> str:
        return f"Demographics of user {self.user_id}"


class DemographicConsent(models.Model):
    """One grant or withdrawal, with the wording the person saw; never edited."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="demographic_consents"
    )
    granted = models.BooleanField()
    wording_version = models.CharField(max_length=20)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{'Granted' if self.granted else 'Withdrawn'} by user {self.user_id}"


class FundedProgram(models.Model):
    funder = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="funded_programs"
    )
    provider = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="provided_programs"
    )
    name = models.CharField(max_length=200)
    micro_credentials = models.ManyToManyField(
        "catalog.MicroCredential", related_name="funded_programs", blank=True
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["funder", "name"], name="funded_program_name_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="funded_program_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    program = models.ForeignKey(FundedProgram, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=100)
    starts_on = models.DateField()
    ends_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="cohort_name_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CohortEnrolment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments")
    learner = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="cohort_enrolments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cohort", "learner"], name="cohort_enrolment_once")
        ]
        indexes = [models.Index(fields=["learner", "cohort"])]

    def __str__(self) -> str:
        return f"User {self.learner_id} in cohort {self.cohort_id}"


class ReportSnapshot(models.Model):
    """A dated copy of a report as shown (suppressed), citable at a stable URL."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    funder = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="report_snapshots"
    )
    program = models.ForeignKey(
        FundedProgram, on_delete=models.PROTECT, related_name="snapshots", null=True, blank=True
    )
    parameters = models.JSONField()
    results = models.JSONField()
    content_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Report snapshot {self.key}"


class EmployerBaseline(models.Model):
    """Figures an employer declares for its hiring before the alliance (percent, days)."""

    employer = models.OneToOneField(
        "accounts.Organization", on_delete=models.CASCADE, related_name="hiring_baseline"
    )
    retention_90 = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    retention_180 = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    retention_365 = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    time_to_fill_days = models.PositiveIntegerField(null=True, blank=True)
    no_degree_share = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Hiring baseline of organization {self.employer_id}"
