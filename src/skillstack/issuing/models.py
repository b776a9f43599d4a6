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
