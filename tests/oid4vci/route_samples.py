"""Route samples of the wallet-app endpoints: a live VC-API exchange of the ``learner``
persona's credential (its URL is the secret that authorizes a wallet)."""

from __future__ import annotations

from collections.abc import Callable

from tests.api.samples import Samples


def _exchange_id(s: Samples) -> str:
    def make() -> str:
        from skillstack.oid4vci.services import wallet_offer_create
        from tests.verification.credentials import issue

        learner = s.world.people["learner"]
        credential = issue(issuer=s.world.issuer, recipient=learner, name="Mobile sample")
        created = wallet_offer_create(actor=learner, credential=credential, channel="vcapi")
        return created.secret

    return str(s.memo("oid4vci.exchange", make))


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "exchange_id": _exchange_id,
}
