"""Build the demo through the services, idempotently (natural keys: slug and e-mail).

Going through the services means the demo also has an audit trail, exactly as if the people
had done it through the pages. Every section is a small function; add one for a new app and
call it from :func:`demo_load`.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.accounts import services as accounts
from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import ADMIN_ROLES
from skillstack.demo import hiring, jobs, matching, outcomes, pathways, resume, trust
from skillstack.demo.assessment import assessments_load
from skillstack.demo.catalog import catalog_load
from skillstack.demo.people import (
    COALITION,
    EMPLOYERS,
    FUNDERS,
    ISSUERS,
    LEARNER_NAMES,
    STAFF,
    DemoOrg,
    DemoPerson,
    learner_email,
)

DEMO_PASSWORD = "Biomanufacturing-Demo-2026"  # noqa: S105 - published on purpose, demo only
"""Every demo account's password; long enough and uncommon enough for the validators."""

DEMO_TOTP_KEY = binascii.hexlify(b"skillstack-demo-2fa!").decode()
"""The TOTP secret of every demo admin (20 bytes), so ``skillstack demo --totp`` can answer."""

DEMO_DEVICE_NAME = "Demo authenticator"

DEMO_SECTIONS = (trust, pathways, jobs, matching, hiring, resume, outcomes)
"""After the catalog and assessments, in dependency order; each has
``load(*, organizations, versions)`` and finds its data in place when run again."""


@dataclass
class DemoLogin:
    email: str
    full_name: str
    role: str
    organization: str
    needs_totp: bool


@dataclass
class DemoSummary:
    logins: list[DemoLogin] = field(default_factory=list)
    learners: list[DemoLogin] = field(default_factory=list)


class DemoRefused(RuntimeError):
    """Raised when the demo would put known passwords on a production site."""


def _organization(spec: DemoOrg) -> Organization:
    org = Organization.objects.filter(slug=spec.slug).first()
    if org is not None:
        return org
    return accounts.organization_create(
        name=spec.name,
        kind=spec.kind,
        issuer_type=spec.issuer_type,
        slug=spec.slug,
        website=spec.website,
        description=spec.description,
        actor=None,
    )


def _account(*, email: str, full_name: str) -> User:
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    return accounts.user_create(email=email, full_name=full_name, password=DEMO_PASSWORD)


def _demo_totp(user: User) -> None:
    """Admins must pass a second factor; the demo gives them one with a published secret."""
    TOTPDevice.objects.update_or_create(
        user=user,
        name=DEMO_DEVICE_NAME,
        defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
    )


def organizations_load() -> dict[str, Organization]:
    """The coalition, the certifying institute, two training programs, employers, a funder."""
    return {spec.slug: _organization(spec) for spec in (COALITION, *ISSUERS, *EMPLOYERS, *FUNDERS)}


def staff_load(*, organizations: dict[str, Organization]) -> list[DemoLogin]:
    """An admin per organization, the designer, evaluators, navigator, recruiters, analyst."""
    logins = []
    for person in STAFF:
        logins.append(_staff_member(person, organizations[person.org_slug]))
    return logins


def _staff_member(person: DemoPerson, organization: Organization) -> DemoLogin:
    user = _account(email=person.email, full_name=person.full_name)
    actor = None if person.role in ADMIN_ROLES else _first_admin(organization)
    accounts.membership_grant(organization=organization, user=user, role=person.role, actor=actor)
    admin = person.role in ADMIN_ROLES
    if admin:
        _demo_totp(user)
    return DemoLogin(person.email, person.full_name, person.role, organization.name, admin)


def _first_admin(organization: Organization) -> User | None:
    membership = (
        organization.memberships.filter(role__in=ADMIN_ROLES).select_related("user").first()
    )
    return membership.user if membership else None


def learners_load() -> list[DemoLogin]:
    """Thirty learners with their own accounts (learner profiles, no memberships)."""
    logins = []
    for full_name in LEARNER_NAMES:
        email = learner_email(full_name)
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = accounts.learner_register(
                email=email, full_name=full_name, password=DEMO_PASSWORD
            )
        else:
            accounts.learner_profile_ensure(user=user)
        logins.append(DemoLogin(email, full_name, "learner", "", False))
    return logins


def demo_load() -> DemoSummary:
    """Load (or complete) the demo; running it again finds everything in place."""
    if settings.PRODUCTION:
        raise DemoRefused("The demo publishes its passwords; it never runs in production.")
    with transaction.atomic():
        organizations = organizations_load()
        staff = staff_load(organizations=organizations)
        learners = learners_load()
        versions = catalog_load(organizations=organizations)
        assessments_load(versions=versions)
        for section in DEMO_SECTIONS:
            section.load(organizations=organizations, versions=versions)
    return DemoSummary(logins=staff, learners=learners)


def demo_totp_code(*, email: str) -> str:
    """The current six-digit code of a demo admin's authenticator."""
    device = TOTPDevice.objects.filter(
        user__email__iexact=email, name=DEMO_DEVICE_NAME, confirmed=True
    ).first()
    if device is None:
        raise LookupError(f"{email} has no demo authenticator (only demo admins have one)")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
