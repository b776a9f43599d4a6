"""Route samples of the trust app: an import of the ``learner`` persona, a registry entry, and
the coalition's endorsement of ``world.issuer``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples


def _import(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.trust.imports import imported_credential_add
        from tests.trust.helpers import signed_json

        learner = s.world.people["learner"]
        return imported_credential_add(actor=learner, data=signed_json(email=learner.email))

    return s.memo("trust.import", make)


def _entry(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.trust.services import registry_apply

        return registry_apply(
            actor=s.world.people["outsider"],
            issuer_id="did:web:elsewhere.example",
            name="Elsewhere Academy",
            contact_email="registry@elsewhere.example",
        )

    return s.memo("trust.entry", make)


def _endorsement(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.issuing.dids import issuer_did
        from skillstack.trust.services import endorsement_issue

        return endorsement_issue(
            actor=s.world.people["coalition_admin"],
            endorser=s.world.coalition,
            kind="issuer",
            subject_id=issuer_did(organization=s.world.issuer),
            subject_name=s.world.issuer.name,
        )

    return s.memo("trust.endorsement", make)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "import_pk": lambda s: str(_import(s).pk),
    "entry_pk": lambda s: str(_entry(s).pk),
    "endorsement_uuid": lambda s: _endorsement(s).credential_id.removeprefix("urn:uuid:"),
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "decision": lambda s: "approve",
}
