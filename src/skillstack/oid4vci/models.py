"""Offers of a learner's credential to a mobile wallet, and the proof nonces already spent.

Only hashes of the secrets are stored: the offer URI's handle or the exchange id
(``secret_hash``), the pre-authorized code (``code_hash``),
the transaction PIN (a keyed hash, ``tx_code_hash``), the access token and the VC-API challenge.
Whoever reads the database cannot redeem an offer.
"""

from __future__ import annotations

from django.db import models


class Channel(models.TextChoices):
    OID4VCI = "oid4vci", "OpenID for Verifiable Credential Issuance"
    VCAPI = "vcapi", "VC-API exchange"


class WalletOffer(models.Model):
    """One single-use, short-lived offer of one credential to one wallet.

    OID4VCI: the pre-authorized code is exchanged once for an access token, which is spent by
    the one credential request. VC-API: the exchange URL is posted to for a DIDAuth challenge,
    then once with the signed presentation.
    """

    channel = models.CharField(max_length=8, choices=Channel.choices)
    learner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    credential = models.ForeignKey(
        "issuing.IssuedCredential", on_delete=models.CASCADE, related_name="+"
    )
    secret_hash = models.CharField(max_length=64, unique=True)  # offer URI handle / exchange id
    code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    tx_code_hash = models.CharField(max_length=64, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    challenge_hash = models.CharField(max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    redeemed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    holder_did = models.CharField(max_length=2000, blank=True)
    issued = models.ForeignKey(
        "issuing.IssuedCredential",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["learner", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} offer {self.pk} of credential {self.credential_id}"


class SpentNonce(models.Model):
    """A ``c_nonce`` that a proof has used: the unique hash makes every nonce single-use."""

    nonce_hash = models.CharField(max_length=64, unique=True)
    spent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"nonce {self.nonce_hash[:12]}…"
