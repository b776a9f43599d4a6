"""Route samples of the wallet: a credential of the ``learner`` persona (so every other persona
is proven refused), its claim token and its share token (link turned on)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples

CLAIM_TOKEN = "claim-token-for-the-permission-matrix-0123456789"


def _credential(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.wallet.services import credential_share_enable
        from tests.verification.credentials import issue

        learner = s.world.people["learner"]
        credential = issue(issuer=s.world.issuer, recipient=learner, claim_token=CLAIM_TOKEN)
        return credential_share_enable(credential=credential, actor=learner)

    return s.memo("wallet.credential", make)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "credential_pk": lambda s: str(_credential(s).pk),
    "claim_token": lambda s: (_credential(s), CLAIM_TOKEN)[1],
    "share_token": lambda s: _credential(s).share_token,
}
