"""Route samples of the wallet-app endpoints: a live OpenID4VCI offer and a live VC-API exchange
of the ``learner`` persona's credential (their URLs are the secrets that authorize a wallet)."""

from __future__ import annotations

from collections.abc import Callable

from tests.api.samples import Samples


def _offer_secret(channel: str) -> Callable[[Samples], str]:
    def sample(s: Samples) -> str:
        def make() -> str:
            from skillstack.oid4vci.services import wallet_offer_create
            from tests.verification.credentials import issue

            learner = s.world.people["learner"]
            credential = issue(issuer=s.world.issuer, recipient=learner, name="Mobile sample")
            created = wallet_offer_create(actor=learner, credential=credential, channel=channel)
            return created.secret

        return str(s.memo(f"oid4vci.{channel}", make))

    return sample


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "wallet_exchange_id": _offer_secret("vcapi"),
    "wallet_offer_handle": _offer_secret("oid4vci"),
}


def _open_offer_pk(s: Samples) -> str:
    """An open offer of the credential the wallet's samples name (``credential_pk``)."""

    def make() -> int:
        from skillstack.issuing.models import IssuedCredential
        from skillstack.oid4vci.services import wallet_offer_create
        from tests.wallet.route_samples import PATH_SAMPLES as WALLET_SAMPLES

        credential = IssuedCredential.objects.get(pk=int(WALLET_SAMPLES["credential_pk"](s)))
        learner = s.world.people["learner"]
        return wallet_offer_create(actor=learner, credential=credential, channel="oid4vci").offer.pk

    return str(s.memo("oid4vci.open_offer", make))


PATH_SAMPLES["wallet_offer_pk"] = _open_offer_pk
