"""Trust across providers: the coalition's issuer registry, endorsements, imported credentials."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RegistryStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    RECOGNISED = "recognised", "Recognised"
    SUSPENDED = "suspended", "Suspended"
    DECLINED = "declined", "Declined"


class RegistryEntry(models.Model):
    """One issuer (by DID or URL) as the coalition knows it: applied, recognised, suspended."""

    issuer_id = models.CharField("issuer DID or URL", max_length=300, unique=True)
    name = models.CharField(max_length=200)
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry_entries",
        help_text="The issuer hosted on this platform, when it is one",
    )
    website = models.URLField(blank=True)
    contact_email = models.EmailField(blank=True)
    statement = models.TextField(blank=True, help_text="What the issuer said when applying")
    status = models.CharField(
        max_length=20, choices=RegistryStatus.choices, default=RegistryStatus.PENDING
    )
    status_reason = models.TextField(blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applied_at = models.DateTimeField(auto_now_add=True)
    recognised_since = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "registry entries"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


class EndorsementKind(models.TextChoices):
    ISSUER = "issuer", "Issuer"
    ACHIEVEMENT = "achievement", "Micro-credential"


class Endorsement(models.Model):
    """A signed OB 3.0 EndorsementCredential by an organization here about an issuer or badge."""

    credential_id = models.CharField(max_length=100, unique=True)
    endorser = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="endorsements_made"
    )
    kind = models.CharField(max_length=20, choices=EndorsementKind.choices)
    subject_id = models.CharField("endorsed issuer DID or achievement id", max_length=500)
    subject_name = models.CharField(max_length=300)
    comment = models.TextField(blank=True)
    document = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["endorser", "subject_id"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="trust_one_live_endorsement_per_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.endorser} endorses {self.subject_name}"


class ImportState(models.TextChoices):
    VERIFIED = "verified", "Verified"
    FAILED = "failed", "Does not verify"
    REVOKED = "revoked", "Revoked by its issuer"
    EXPIRED = "expired", "Expired"


class ImportedCredential(models.Model):
    """A credential from elsewhere that a learner added to their wallet, with its last report."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="imported_credentials"
    )
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of what was imported")
    format = models.CharField(max_length=20)  # json, jwt, png+json, svg+jwt, ob2, ob2+jws, …
    raw = models.TextField(help_text="What was imported: text, or base64 for an image")
    source_url = models.URLField(max_length=2000, blank=True)
    document = models.JSONField(default=dict, help_text="The credential as read")
    credential_ref = models.CharField(max_length=500, blank=True)
    achievement_id = models.CharField(max_length=500, blank=True)
    achievement_name = models.CharField(max_length=300, blank=True)
    issuer_id = models.CharField(max_length=500, blank=True)
    issuer_name = models.CharField(max_length=300, blank=True)
    skill_ids = models.JSONField(default=list, help_text="catalog Skill keys the alignments name")
    alignments = models.JSONField(default=list)
    issued_on = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=ImportState.choices)
    report = models.JSONField(default=dict)
    checked_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "fingerprint"], name="trust_one_import_per_document"
            )
        ]
        indexes = [models.Index(fields=["state", "checked_at"])]

    def __str__(self) -> str:
        return f"{self.achievement_name or 'Imported credential'} ({self.get_state_display()})"


class EndorserKey(models.Model):
    """The signing key of an endorsing organization (coalition or employer), sealed at rest.

    The issuing app keeps keys for issuers only (their did:web); an endorser signs as the
    did:key of this key, which any verifier resolves offline. The endorsement's ``issuer.name``
    and this platform's endorsement listing tie it to the organization.
    """

    organization = models.OneToOneField(
        "accounts.Organization", on_delete=models.CASCADE, related_name="endorser_key"
    )
    public_key_multibase = models.CharField(max_length=100, unique=True)
    kek_id = models.CharField(max_length=64)
    wrapped_key = models.BinaryField()
    sealed_seed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Endorser key of {self.organization}"

    @property
    def seal_context(self) -> str:
        return f"trust.endorser-key:{self.organization_id}:{self.public_key_multibase}"
