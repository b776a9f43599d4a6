"""Writes for people, organizations, memberships and invitations.

Every function is keyword-only, owns its transaction and records an audit entry.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.accounts.models import Invitation, LearnerProfile, Membership, Organization, User
from skillstack.accounts.roles import ROLES_BY_KIND, IssuerType, OrgKind, Role
from skillstack.audit.services import audit_record


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


RESERVED_SLUGS = frozenset({"new", "api", "static", "media", "admin"})
"""Words that name pages beside organizations' own (``/orgs/new/``), never an organization."""


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "org"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Organization.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def organization_create(
    *,
    name: str,
    kind: str,
    actor: Any | None,
    issuer_type: str = IssuerType.NONE,
    slug: str | None = None,
    website: str = "",
    description: str = "",
) -> Organization:
    if kind not in OrgKind.values:
        raise ValidationError({"kind": f"Unknown organization kind {kind!r}"})
    if kind == OrgKind.ISSUER and not issuer_type:
        raise ValidationError({"issuer_type": "Say what kind of issuer this is"})
    if kind != OrgKind.ISSUER and issuer_type:
        raise ValidationError({"issuer_type": "Only issuers have an issuer type"})
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": f"'{slug}' is reserved; choose another short name"})
    with transaction.atomic():
        org = Organization(
            name=name.strip(),
            kind=kind,
            issuer_type=issuer_type,
            slug=slug or _unique_slug(name),
            website=website,
            description=description,
        )
        org.full_clean()
        org.save()
        audit_record(action="accounts.organization.created", actor=actor, organization=org, obj=org)
    return org


def organization_update(*, organization: Organization, actor: Any, **fields: str) -> Organization:
    allowed = {"name", "website", "description", "email"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError({name: "This field cannot be changed here" for name in unknown})
    with transaction.atomic():
        before = {name: getattr(organization, name) for name in fields}
        for name, value in fields.items():
            setattr(organization, name, value.strip())
        organization.full_clean()
        organization.save(update_fields=list(fields))
        audit_record(
            action="accounts.organization.updated",
            actor=actor,
            organization=organization,
            obj=organization,
            data={"before": before, "after": fields},
        )
    return organization


def _check_role_fits(organization: Organization, role: str) -> None:
    if role not in Role.values:
        raise ValidationError({"role": f"Unknown role {role!r}"})
    if role not in ROLES_BY_KIND[organization.kind]:
        kind = organization.get_kind_display()
        raise ValidationError({"role": f"A {kind} cannot have the role {Role(role).label}"})


def membership_grant(
    *, organization: Organization, user: User, role: str, actor: Any | None
) -> Membership:
    """Give ``user`` a role; granting a role they already hold changes nothing."""
    _check_role_fits(organization, role)
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organization=organization, role=role
        )
        if created:
            audit_record(
                action="accounts.membership.granted",
                actor=actor,
                organization=organization,
                obj=membership,
                data={"user": user.email, "role": role},
            )
    return membership


def membership_revoke(*, membership: Membership, actor: Any) -> None:
    org = membership.organization
    with transaction.atomic():
        if membership.role in (Role.ORG_ADMIN, Role.COALITION_ADMIN):
            admins = Membership.objects.filter(organization=org, role=membership.role)
            if admins.count() <= 1:
                raise ValidationError({"role": "An organization must keep at least one admin"})
        audit_record(
            action="accounts.membership.revoked",
            actor=actor,
            organization=org,
            obj=membership,
            data={"user": membership.user.email, "role": membership.role},
        )
        membership.delete()


def user_create(*, email: str, full_name: str, password: str | None) -> User:
    """A new account; the password must pass the strength validators."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this e-mail address already exists"})
    user = User(email=email, full_name=full_name.strip())
    if password is not None:
        try:
            validate_password(password, user=user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean(exclude=["password"])
    try:
        user.save()
    except IntegrityError as exc:  # a concurrent sign-up with the same address
        raise ValidationError({"email": "An account with this e-mail already exists"}) from exc
    return user


def learner_profile_ensure(*, user: User) -> LearnerProfile:
    """Make ``user`` a learner (a wallet, the right to be assessed); a no-op if they are one."""
    profile, _ = LearnerProfile.objects.get_or_create(user=user)
    return profile


def learner_register(*, email: str, full_name: str, password: str) -> User:
    with transaction.atomic():
        user = user_create(email=email, full_name=full_name, password=password)
        LearnerProfile.objects.create(user=user)
        audit_record(action="accounts.learner.registered", actor=user, obj=user)
    return user


def invitation_send(
    *, organization: Organization, email: str, role: str, actor: Any
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link; returns it with the one-time token."""
    from skillstack.accounts.tasks import send_invitation_email

    _check_role_fits(organization, role)
    email = email.strip().lower()
    if Membership.objects.filter(
        organization=organization, user__email__iexact=email, role=role
    ).exists():
        raise ValidationError({"email": "This person already has that role here"})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation(
            organization=organization,
            email=email,
            role=role,
            token_hash=_token_hash(token),
            invited_by=actor,
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        invitation.full_clean()
        invitation.save()
        audit_record(
            action="accounts.invitation.sent",
            actor=actor,
            organization=organization,
            obj=invitation,
            data={"email": email, "role": role},
        )
        transaction.on_commit(
            lambda: send_invitation_email.enqueue(invitation_id=invitation.pk, token=token)
        )
    return invitation, token


def invitation_for_token(*, token: str) -> Invitation | None:
    """The open invitation behind a token, or None (unknown, used, withdrawn or expired)."""
    invitation = (
        Invitation.objects.select_related("organization")
        .filter(token_hash=_token_hash(token), accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.expires_at <= timezone.now():
        return None
    return invitation


def invitation_accept(*, token: str, user: User) -> Membership:
    """Turn an invitation into a membership, once: a second accept finds it already used."""
    invitation = invitation_for_token(token=token)
    if invitation is None:
        raise ValidationError({"token": "This invitation link is not valid any more"})
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            {"token": f"This invitation was sent to {invitation.email}; sign in with that address"}
        )
    with transaction.atomic():
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not claimed:
            raise ValidationError({"token": "This invitation has already been accepted"})
        audit_record(
            action="accounts.invitation.accepted",
            actor=user,
            organization=invitation.organization,
            obj=invitation,
        )
        return membership_grant(
            organization=invitation.organization, user=user, role=invitation.role, actor=user
        )


def invitation_revoke(*, invitation: Invitation, actor: Any) -> None:
    with transaction.atomic():
        updated = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        if not updated:
            raise ValidationError({"invitation": "This invitation is already used or withdrawn"})
        audit_record(
            action="accounts.invitation.revoked",
            actor=actor,
            organization=invitation.organization,
            obj=invitation,
        )


# --- Pages: sign-up through an invitation, the profile, two-factor sign-in ----------------
# Appended for the web pages. The TOTP helpers wrap django-otp so that views never touch
# device rows themselves and every change of a person's second factor is audited.


def invitation_register(*, token: str, full_name: str, password: str) -> User:
    """Create the account an invitation was sent to and accept the invitation, in one step.

    Invited staff (evaluators, recruiters, …) are not learners, so no learner profile is made;
    the address comes from the invitation, which proves the person can read that mailbox.
    """
    invitation = invitation_for_token(token=token)
    if invitation is None:
        raise ValidationError({"token": "This invitation link is not valid any more"})
    with transaction.atomic():
        user = user_create(email=invitation.email, full_name=full_name, password=password)
        audit_record(
            action="accounts.user.registered",
            actor=user,
            organization=invitation.organization,
            obj=user,
        )
        invitation_accept(token=token, user=user)
    return user


def user_profile_update(*, user: User, full_name: str) -> User:
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError({"full_name": "Enter your name as colleagues know it"})
    with transaction.atomic():
        before = user.full_name
        user.full_name = full_name
        user.full_clean(exclude=["password"])
        user.save(update_fields=["full_name"])
        audit_record(
            action="accounts.profile.updated",
            actor=user,
            obj=user,
            data={"before": {"full_name": before}, "after": {"full_name": full_name}},
        )
    return user


@dataclass(frozen=True, slots=True)
class TotpCheck:
    """Outcome of checking a code: the device that matched, or why none did."""

    device: TOTPDevice | None
    throttled: bool = False


def totp_has_confirmed_device(*, user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_for_setup(*, user: User) -> TOTPDevice:
    """The unconfirmed device a person is setting up.

    Reused across reloads so the QR code does not change while they scan it.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def totp_verify(*, user: Any, token: str, confirmed: bool = True) -> TotpCheck:
    """Check a code against the person's device with django-otp's own throttling.

    A wrong code makes the next attempt wait (exponentially longer), so guessing six digits
    is not practical; ``throttled`` says the code was not even looked at.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-id").first()
    if device is None:
        return TotpCheck(device=None)
    allowed, _info = device.verify_is_allowed()
    if not allowed:
        return TotpCheck(device=None, throttled=True)
    if device.verify_token("".join(token.split())):
        return TotpCheck(device=device)
    return TotpCheck(device=None)


def totp_device_confirm(*, user: User, token: str) -> TotpCheck:
    """Confirm the device being set up with a code from it; it replaces any older device."""
    check = totp_verify(user=user, token=token, confirmed=False)
    if check.device is None:
        return check
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=check.device.pk).delete()
        check.device.confirmed = True
        check.device.save(update_fields=["confirmed"])
        audit_record(action="accounts.twofactor.enabled", actor=user, obj=user)
    return check


def totp_device_remove(*, user: User) -> None:
    """Turn two-factor sign-in off; admins must keep it (the middleware demands it)."""
    from skillstack.accounts.roles import ADMIN_ROLES

    if Membership.objects.filter(user=user, role__in=ADMIN_ROLES).exists():
        raise ValidationError("Admins must keep two-factor sign-in switched on")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        audit_record(action="accounts.twofactor.disabled", actor=user, obj=user)
