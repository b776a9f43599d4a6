"""What evaluators do: certified to evaluate, they run sessions and observe attempts.

An attempt is recorded once (its client-generated id is unique, so a retried offline sync never
records twice), judged on the server from the pass rule of the exact micro-credential version,
and never edited after submission: a correction is a new attempt that supersedes it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class EvaluatorCertification(models.Model):
    """Who may evaluate which micro-credential, granted by its issuer, until a date."""

    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluator_certifications"
    )
    micro_credential = models.ForeignKey(
        "catalog.MicroCredential", on_delete=models.PROTECT, related_name="certifications"
    )
    valid_from = models.DateField()
    valid_until = models.DateField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-valid_until"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="certification_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluator} certified for {self.micro_credential} until {self.valid_until}"


class AssessmentSession(models.Model):
    """A sitting: a date and place where evaluators observe a roster of learners."""

    issuer = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="assessment_sessions"
    )
    micro_credential_version = models.ForeignKey(
        "catalog.MicroCredentialVersion", on_delete=models.PROTECT, related_name="sessions"
    )
    training_program = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_sessions",
        help_text="The training provider whose learners are assessed.",
    )
    cohort = models.CharField(max_length=100, blank=True)
    date = models.DateField()
    place = models.CharField(max_length=200)
    evaluators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="evaluated_sessions")
    requires_cosign = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.micro_credential_version.name} — {self.date} at {self.place}"


class RosterEntry(models.Model):
    session = models.ForeignKey(AssessmentSession, on_delete=models.CASCADE, related_name="roster")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="roster_entries"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["learner__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["session", "learner"], name="roster_learner_unique")
        ]

    def __str__(self) -> str:
        return f"{self.learner} in {self.session}"


class AttemptStatus(models.TextChoices):
    AWAITING_COSIGN = "awaiting_cosign", "Awaiting a second evaluator"
    FINAL = "final", "Final"
    SUPERSEDED = "superseded", "Superseded by a correction"


class Attempt(models.Model):
    """One observed performance of one learner, as submitted by the evaluator."""

    client_id = models.UUIDField(unique=True, default=uuid.uuid4)  # idempotency of sync
    session = models.ForeignKey(
        AssessmentSession, on_delete=models.PROTECT, related_name="attempts"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts"
    )
    micro_credential_version = models.ForeignKey(
        "catalog.MicroCredentialVersion", on_delete=models.PROTECT, related_name="attempts"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluated_attempts"
    )
    certification = models.ForeignKey(
        EvaluatorCertification, on_delete=models.PROTECT, related_name="attempts"
    )
    observed_at = models.DateTimeField()
    elapsed_s = models.PositiveIntegerField(null=True, blank=True)
    observations = (
        models.JSONField()
    )  # {"checks_done": [...], "rubric_levels": {...}, "notes": {...}}
    evidence_hashes = models.JSONField(default=list, blank=True)  # sha256 of photos
    passed = models.BooleanField()
    reasons = models.JSONField(default=list, blank=True)
    to_practise = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=AttemptStatus.choices)
    attested_at = models.DateTimeField()
    cosigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cosigned_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    correction_reason = models.TextField(blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    payload_sha256 = models.CharField(max_length=64, blank=True)  # same client_id, same body?
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_at", "-id"]
        indexes = [models.Index(fields=["learner", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(evaluator=models.F("learner")), name="attempt_not_self_evaluated"
            ),
            models.CheckConstraint(
                condition=Q(cosigned_by__isnull=True)
                | (~Q(cosigned_by=models.F("evaluator")) & ~Q(cosigned_by=models.F("learner"))),
                name="attempt_cosigned_by_another",
            ),
        ]

    def __str__(self) -> str:
        verdict = "passed" if self.passed else "not passed"
        return f"{self.learner} {verdict} {self.micro_credential_version}"


class Evidence(models.Model):
    """A photo taken during a session, stored once per (session, SHA-256) through the storage API.

    Attempts name their photos by hash (``Attempt.evidence_hashes``), so a photo may arrive
    before or after the attempt it belongs to when the tablet was offline.
    """

    session = models.ForeignKey(
        AssessmentSession, on_delete=models.PROTECT, related_name="evidence"
    )
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to="evidence/%Y/%m/")
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "sha256"], name="evidence_once_per_session")
        ]

    def __str__(self) -> str:
        return f"Photo {self.sha256[:12]} of {self.session}"
