"""A wallet copy follows its original: revoked, suspended or reinstated with it.

Listens to ``issuing.signals.credential_state_changed`` (sent inside the changing transaction)
and changes each copy through issuing's own lifecycle services, so the copy's status list bit,
audit entry and signal are exactly those of any revocation. Without this, revoking a learner's
credential would leave the copy in their phone verifying as valid.
"""

from __future__ import annotations

from typing import Any

from skillstack.issuing.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
)
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.oid4vci.models import WalletOffer


def _copies(original: IssuedCredential) -> list[IssuedCredential]:
    offers = WalletOffer.objects.filter(credential=original, issued__isnull=False)
    return [offer.issued for offer in offers.select_related("issued__issuer") if offer.issued]


def copies_follow_original(sender: Any, *, credential: IssuedCredential, **kwargs: Any) -> None:
    reason = f"The credential this copy was made from is now {credential.state}: "
    reason += credential.state_reason or "no reason given"
    for copy in _copies(credential):
        if copy.state == credential.state or copy.state == CredentialState.REVOKED:
            continue  # already there; a revoked copy stays revoked
        if credential.state == CredentialState.REVOKED:
            credential_revoke(credential=copy, actor=None, reason=reason[:1000])
        elif credential.state == CredentialState.SUSPENDED and copy.state == "active":
            credential_suspend(credential=copy, actor=None, reason=reason[:1000])
        elif credential.state == CredentialState.ACTIVE:
            credential_reinstate(credential=copy, actor=None, reason=reason[:1000])
