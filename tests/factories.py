"""Plain factory functions for tests (no database dumps): each makes one realistic object."""

from __future__ import annotations

import itertools
from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.accounts.models import LearnerProfile, Membership, Organization, User
from skillstack.accounts.roles import IssuerType, OrgKind

PASSWORD = "correct horse battery staple 42"
_seq = itertools.count(1)


def make_user(*, email: str | None = None, full_name: str = "", learner: bool = False) -> User:
    n = next(_seq)
    user = User.objects.create_user(
        email=email or f"person{n}@example.test",
        password=PASSWORD,
        full_name=full_name or f"Person {n}",
    )
    if learner:
        LearnerProfile.objects.create(user=user)
    return user


def make_org(
    *, kind: str = OrgKind.ISSUER, name: str | None = None, slug: str | None = None
) -> Organization:
    n = next(_seq)
    return Organization.objects.create(
        kind=kind,
        issuer_type=IssuerType.CERTIFYING_INSTITUTE if kind == OrgKind.ISSUER else "",
        name=name or f"Organization {n}",
        slug=slug or f"org-{n}",
    )


def grant(user: User, org: Organization, role: str) -> Membership:
    return Membership.objects.create(user=user, organization=org, role=role)


def confirmed_totp(user: User) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="default", defaults={"confirmed": True}
    )
    return device


def sign_in(client: Any, user: User) -> None:
    """Sign a test client in; admins also pass their second factor, as they would."""
    client.force_login(user)
    device = confirmed_totp(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
