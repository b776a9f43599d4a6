"""Permission rules of the wallet: a learner's own credentials, and what they choose to share."""

from skillstack.accounts.roles import LEARNER
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of("wallet.credential.list", {LEARNER}, Scope.SELF, "See one's own credentials"),
    Rule.of(
        "wallet.credential.view",
        {LEARNER},
        Scope.SELF,
        "See and download one's own credential (others' answer 404)",
    ),
    Rule.of("wallet.credential.share", {LEARNER}, Scope.SELF, "Turn a share link on or off"),
    Rule.of("wallet.settings.update", {LEARNER}, Scope.SELF, "Choose one's own DID as subject"),
    Rule.of(
        "wallet.credential.claim",
        set(),
        Scope.AUTHENTICATED,
        "Open an e-mailed claim link (the recipient claims; anyone else is told whose it is)",
    ),
    Rule.of("wallet.share.view", set(), Scope.PUBLIC, "A credential its holder shared by link"),
]
