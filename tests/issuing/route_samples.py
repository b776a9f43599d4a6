"""Route samples of the issuing pages: a status list purpose, and a published list to serve.

``credential_pk`` (a credential of world.issuer held by the learner) comes from the wallet's
samples, ``session_id`` from assessment's and ``number`` from the catalog's ("1").
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from tests.api.samples import Samples


def _publish_status_lists(s: Samples) -> None:
    from skillstack.issuing.status_lists import status_slots_allocate

    def make() -> None:
        with transaction.atomic():
            status_slots_allocate(organization=s.world.issuer, count=1)

    s.memo("issuing.status_lists", make)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "purpose": lambda s: "revocation",
}

BODY_SAMPLES: dict[str, Callable[[Samples], object]] = {
    "reason": lambda s: "Issued to the wrong person by mistake.",
}

ROUTE_SETUP: dict[str, Callable[[Samples], None]] = {
    "issuing:status_list": _publish_status_lists,
}
