"""Sample objects and values for tests that call every route: one registry per kind of blank.

``PATH_SAMPLES`` fills path parameters by name, ``BODY_SAMPLES`` fills required body fields by
name. Both point at objects of the target organization, ``world.issuer``; a route with a
parameter or required field that is not registered here fails with a message saying so.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from pydantic import BaseModel

from skillstack.accounts import services
from skillstack.accounts.roles import Role
from tests.conftest import World
from tests.factories import make_user

MARKER = "zq7private"
"""Appears only in the target organization's private data; a refusal must never contain it."""


@dataclass
class Samples:
    """Objects of the target organization that path parameters and bodies can point at."""

    world: World
    membership_id: int
    invitation_id: int
    token: str
    extra: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """An app's sample object, made once per test (``tests/<app>/route_samples.py``)."""
        if key not in self.extra:
            self.extra[key] = make()
        return self.extra[key]


def make_samples(world: World) -> Samples:
    admin = world.people["issuer_admin"]
    services.organization_update(
        organization=world.issuer, actor=admin, description=f"Board notes {MARKER}"
    )
    member = make_user(email=f"member.{MARKER}@example.test", full_name=f"Member {MARKER}")
    membership = services.membership_grant(
        organization=world.issuer, user=member, role=Role.EVALUATOR, actor=admin
    )
    invitation, token = services.invitation_send(
        organization=world.issuer,
        email=f"invitee.{MARKER}@example.test",
        role=Role.EVALUATOR,
        actor=admin,
    )
    return Samples(world, membership.pk, invitation.pk, token)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "org_slug": lambda s: s.world.issuer.slug,
    "membership_id": lambda s: str(s.membership_id),
    "invitation_id": lambda s: str(s.invitation_id),
    "token": lambda s: s.token,
    "uidb64": lambda s: urlsafe_base64_encode(force_bytes(s.world.people["issuer_admin"].pk)),
}
"""Path parameter name → a value naming an object of the target organization."""

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "email": lambda s: "new.colleague@example.test",
    "role": lambda s: Role.CREDENTIAL_DESIGNER.value,
    "name": lambda s: "Sample Organization",
    "kind": lambda s: "employer",
    "token": lambda s: s.token,
}
"""Required body field name → a valid-looking value."""


def path_values(label: str, params: tuple[str, ...], samples: Samples) -> dict[str, str]:
    missing = [p for p in params if p not in PATH_SAMPLES]
    if missing:
        pytest.fail(
            f"{label} has path parameter(s) {missing} with no sample: register one in "
            "PATH_SAMPLES in tests/api/samples.py (an object of world.issuer)."
        )
    return {p: PATH_SAMPLES[p](samples) for p in params}


def valid_body(label: str, schema: type[BaseModel] | None, samples: Samples) -> dict[str, Any]:
    """The registered sample for every known field, and every required field filled."""
    body: dict[str, Any] = {}
    for name, spec in schema.model_fields.items() if schema else ():
        if name in BODY_SAMPLES:
            body[name] = BODY_SAMPLES[name](samples)
        elif spec.is_required():
            pytest.fail(
                f"{label} needs body field {name!r}, which has no sample: register one in "
                "BODY_SAMPLES in tests/api/samples.py."
            )
    return body


def _publish_issuer_key(s: Samples) -> None:
    from skillstack.issuing.services import issuer_key_rotate

    issuer_key_rotate(organization=s.world.issuer, actor=s.world.people["issuer_admin"])


ROUTE_SETUP: dict[str, Callable[[Samples], None]] = {
    "issuing:did_json": _publish_issuer_key,
}
"""Page name → what the target organization needs before the page has something to show."""


def _load_app_samples() -> None:
    """Merge ``tests/<app>/route_samples.py`` registries, so each app registers its own."""
    import tests

    for info in pkgutil.iter_modules(tests.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{info.name}.route_samples")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.{info.name}.route_samples":
                raise
            continue
        for registry, name in (
            (PATH_SAMPLES, "PATH_SAMPLES"),
            (BODY_SAMPLES, "BODY_SAMPLES"),
            (ROUTE_SETUP, "ROUTE_SETUP"),
        ):
            added = getattr(module, name, {})
            clash = set(added) & set(registry)
            if clash:
                raise RuntimeError(f"{module.__name__}.{name} registers {clash} again")
            registry.update(added)


_load_app_samples()
