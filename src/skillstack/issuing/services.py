"""The issuing app's writes, in one place to import from (each lives in its own module)."""

from skillstack.issuing.claims import credential_claim, credential_claim_send
from skillstack.issuing.issuance import (
    SessionIssue,
    credential_issue_for_attempt,
    credential_issue_for_certification,
    credentials_issue_for_attempts,
    credentials_issue_for_session,
)
from skillstack.issuing.keys import (
    IssuerSigner,
    issuer_key_active,
    issuer_key_rotate,
    issuer_sign,
    issuer_signer,
)
from skillstack.issuing.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
    credentials_revoke_bulk,
)

__all__ = [
    "IssuerSigner",
    "SessionIssue",
    "credential_claim",
    "credential_claim_send",
    "credential_issue_for_attempt",
    "credential_issue_for_certification",
    "credential_reinstate",
    "credential_revoke",
    "credential_suspend",
    "credentials_issue_for_attempts",
    "credentials_issue_for_session",
    "credentials_revoke_bulk",
    "issuer_key_active",
    "issuer_key_rotate",
    "issuer_sign",
    "issuer_signer",
]
