"""The copy of a learner's credential that a wallet receives: the same achievement, results,
evidence and dates, a new id and status entry, and the wallet's DID as ``credentialSubject.id``.

Built from the signed original with obcore's builder (so it passes the OB 3.0 schema check as
every credential we issue does) and signed by the issuer's own key through issuing's one path.
"""

from __future__ import annotations

from typing import Any

from obcore import credentials as ob
from skillstack.issuing.issuance import CredentialDraft


def wallet_copy(*, original: dict[str, Any], draft: CredentialDraft) -> dict[str, Any]:
    subject = original.get("credentialSubject") or {}
    types = original.get("type") or []
    kind = "AchievementCredential" if "AchievementCredential" in types else "OpenBadgeCredential"
    return ob.achievement_credential(
        id=draft.credential_id,
        issuer=draft.issuer,
        subject=draft.subject,
        achievement=subject["achievement"],
        valid_from=original["validFrom"],
        valid_until=original.get("validUntil"),
        result=subject.get("result"),
        evidence=original.get("evidence") or [],
        credential_status=draft.status_entry,
        name=original.get("name"),
        description=original.get("description"),
        credential_type=kind,
    )
