"""Issuer signing keys: only the public key is readable; the seed is sealed (envelope.py)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class IssuerKey(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="signing_keys"
    )
    key_id = models.CharField(max_length=40)  # the DID URL fragment: did:web:…#key-1
    public_key_multibase = models.CharField(max_length=100)
    kek_id = models.CharField(max_length=16)
    wrapped_key = models.BinaryField()
    sealed_seed = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organization", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key_id"], name="issuerkey_fragment_unique"
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(retired_at__isnull=True),
                name="issuerkey_one_active_per_org",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.slug}#{self.key_id}"

    @property
    def seal_context(self) -> str:
        """Associated data binding the sealed seed to this organization and key."""
        parts = (self.organization_id, self.key_id, self.public_key_multibase)
        return "skillstack-issuer-key:" + ":".join(str(p) for p in parts)


class StatusPurpose(models.TextChoices):
    REVOCATION = "revocation", "Revocation"
    SUSPENSION = "suspension", "Suspension"


class StatusList(models.Model):
    """An issuer's Bitstring Status List (W3C Bitstring Status List v1.0), one per purpose.

    ``bits`` holds the raw bitstring; ``published`` the signed BitstringStatusListCredential
    served at its URL, re-signed whenever a bit changes. Indexes are allocated at random
    (privacy: neighbours on the list are not issued together) and never reused.
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="status_lists"
    )
    purpose = models.CharField(max_length=12, choices=StatusPurpose.choices)
    number = models.PositiveIntegerField(default=1)  # a full list is followed by the next
    length = models.PositiveIntegerField(default=131072)
    bits = models.BinaryField()
    allocated = models.PositiveIntegerField(default=0)
    published = models.JSONField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "purpose", "number"], name="statuslist_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization.slug} {self.purpose} list {self.number}"


class StatusAllocation(models.Model):
    """One used index; the unique constraint is what guarantees an index is used once."""

    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="indexes")
    index = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["status_list", "index"], name="statusindex_unique")
        ]

    def __str__(self) -> str:
        return f"{self.status_list} #{self.index}"


class CredentialState(models.TextChoices):
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REVOKED = "revoked", "Revoked"


class IssuedCredential(models.Model):
    """A signed credential Skillstack issued, stored exactly as signed.

    ``idempotency_key`` (e.g. ``attempt:42``) is unique: whatever retries happen, one source
    yields one credential.
    """

    idempotency_key = models.CharField(max_length=100, unique=True)
    credential_id = models.CharField(max_length=100, unique=True)  # urn:uuid:…
    issuer = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="issued_credentials"
    )
    recipient = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="credentials"
    )
    micro_credential_version = models.ForeignKey(
        "catalog.MicroCredentialVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_credentials",
    )
    attempt = models.OneToOneField(
        "assessment.Attempt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credential",
    )
    document = models.JSONField()  # the signed OB 3.0 credential
    name = models.CharField(max_length=200)
    issued_at = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)
    revocation_index = models.ForeignKey(
        StatusAllocation, on_delete=models.PROTECT, null=True, related_name="+"
    )
    state = models.CharField(
        max_length=10, choices=CredentialState.choices, default=CredentialState.ACTIVE
    )
    state_reason = models.TextField(blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    claim_token_hash = models.CharField(max_length=64, blank=True)
    claim_sent_at = models.DateTimeField(null=True, blank=True)  # e-mailed once, ever
    claimed_at = models.DateTimeField(null=True, blank=True)
    share_token = models.CharField(max_length=43, blank=True, db_index=True)
    share_enabled = models.BooleanField(default=False)

    class Meta:
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["recipient", "state"])]

    def __str__(self) -> str:
        return f"{self.name} → {self.recipient}"
