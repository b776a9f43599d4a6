"""Pathways (stacks of credentials), their completions and certificates, and credit toward
degrees (recommendations, articulation agreements, learners' consent to share with a college)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PathwayKind(models.TextChoices):
    VERTICAL = "vertical", "Vertical (levels in order)"
    HORIZONTAL = "horizontal", "Horizontal (any k of a set)"
    HYBRID = "hybrid", "Hybrid (groups of groups)"


class PathwayStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class Pathway(models.Model):
    """A requirement tree (see engine.py) owned by an issuer or by the coalition."""

    owner = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="pathways"
    )
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    description = models.TextField()
    kind = models.CharField(max_length=12, choices=PathwayKind.choices)
    definition = models.JSONField()
    issued_by = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a coalition pathway: the issuer whose key signs its certificates.",
    )
    status = models.CharField(
        max_length=10, choices=PathwayStatus.choices, default=PathwayStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "slug"], name="pathway_slug_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.owner})"

    @property
    def signer(self) -> object:
        """Who signs the certificates: the owning issuer, or the coalition's chosen issuer."""
        return self.issued_by or self.owner


class ReviewState(models.TextChoices):
    CURRENT = "current", "Current"
    FLAGGED = "flagged", "Flagged for review (a component stopped verifying)"
    KEPT = "kept", "Kept after review"
    REVOKED = "revoked", "Revoked after review"


class PathwayCompletion(models.Model):
    """A learner completed a pathway: the components used and the certificate issued once."""

    pathway = models.ForeignKey(Pathway, on_delete=models.PROTECT, related_name="completions")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pathway_completions"
    )
    completed_at = models.DateTimeField()
    components = models.JSONField(default=list)  # [{ref, name, issuer_name, source, pk}]
    certificate = models.OneToOneField(
        "issuing.IssuedCredential",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathway_completion",
    )
    review_state = models.CharField(
        max_length=10, choices=ReviewState.choices, default=ReviewState.CURRENT
    )
    review_reason = models.TextField(blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["pathway", "learner"], name="pathway_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.learner} completed {self.pathway}"


class CreditRecommendation(models.Model):
    """A recommending body's credit recommendation for a micro-credential (ACE/NCCRS-like)."""

    micro_credential = models.ForeignKey(
        "catalog.MicroCredential", on_delete=models.CASCADE, related_name="credit_recommendations"
    )
    recommending_body = models.CharField(max_length=200)
    credits = models.DecimalField(max_digits=5, decimal_places=2)
    level = models.CharField(max_length=100, blank=True)  # e.g. "lower-division associate"
    recommended_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["recommending_body"]
        constraints = [
            models.UniqueConstraint(
                fields=["micro_credential", "recommending_body"], name="credit_recommendation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommending_body}: {self.credits} credits for {self.micro_credential}"


class ArticulationAgreement(models.Model):
    """A college counts credentials or pathways toward one of its programs, up to a cap."""

    college = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="articulations"
    )
    program = models.CharField(max_length=200)
    program_credits = models.DecimalField(max_digits=6, decimal_places=2)
    cap_credits = models.DecimalField(max_digits=6, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["program"]
        constraints = [
            models.UniqueConstraint(fields=["college", "program"], name="articulation_program_once")
        ]

    def __str__(self) -> str:
        return f"{self.college}: {self.program}"


class ArticulationItem(models.Model):
    """One credential or pathway and the credits it earns under an agreement."""

    agreement = models.ForeignKey(
        ArticulationAgreement, on_delete=models.CASCADE, related_name="items"
    )
    micro_credential = models.ForeignKey(
        "catalog.MicroCredential", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    pathway = models.ForeignKey(
        Pathway, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    credits = models.DecimalField(max_digits=5, decimal_places=2)
    course = models.CharField(max_length=200, blank=True)  # what it stands for, e.g. BIOT 101

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(micro_credential__isnull=False, pathway__isnull=True)
                    | models.Q(micro_credential__isnull=True, pathway__isnull=False)
                ),
                name="articulation_item_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.credits} credits for {self.micro_credential or self.pathway}"


class CreditConsent(models.Model):
    """A learner lets one college see their verified credit; withdrawn by setting a date."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credit_consents"
    )
    college = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="credit_consents"
    )
    granted_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "college"], name="credit_consent_once")
        ]

    def __str__(self) -> str:
        return f"{self.learner} shares credit with {self.college}"
