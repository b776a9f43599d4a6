"""Permission rules of the oid4vci app.

A learner sends their own credential to a wallet app. The protocol endpoints are public: what
authorizes a wallet there is the offer's single-use code and PIN, the short-lived token, the
proof of possession, or the exchange's secret URL and DIDAuth challenge.
"""

from skillstack.accounts.roles import LEARNER
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of(
        "oid4vci.offer.create",
        {LEARNER},
        Scope.SELF,
        "Send one's own credential to a mobile wallet (QR code, deep link)",
    ),
    Rule.of(
        "oid4vci.offer.cancel",
        {LEARNER},
        Scope.SELF,
        "Cancel one's own open wallet offer (others' answer 404)",
    ),
    Rule.of(
        "oid4vci.protocol.use",
        set(),
        Scope.PUBLIC,
        "Wallet apps: issuer metadata, token, nonce, credential and VC-API exchange endpoints",
    ),
]
