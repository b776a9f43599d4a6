"""A learner's Comprehensive Learner Record (CLR 2.0 ``ClrCredential``), assembled unsigned.

What it holds: every credential issued here to the learner that verifies now, each exactly
as signed by its own issuer; the achievements once each; and, for every pathway certificate,
an ``isParentOf`` association from the certificate's achievement to each component's
(CLR 2.0 §B.3 Association), so a reader sees how the credentials stack.

Who signs (decided): only issuers hold signing keys here, so the learner chooses one of the
issuers whose credentials the record holds; that issuer vouches for the bundle, each part
keeps its own proof. By default the issuer with most credentials in the record signs it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from obcore.clr import clr_credential

from skillstack.accounts.models import Organization
from skillstack.issuing import documents
from skillstack.issuing.issuance import learner_profiles
from skillstack.issuing.models import IssuedCredential
from skillstack.pathways.models import PathwayCompletion
from skillstack.wallet.holdings import platform_credentials_valid

Json = dict[str, Any]


def record_credentials(
    *, user: Any, now: datetime.datetime | None = None
) -> list[IssuedCredential]:
    return list(
        platform_credentials_valid(now=now)
        .filter(recipient=user)
        .select_related("issuer")
        .order_by("issued_at", "pk")
    )


def _achievement_id(document: Json) -> str | None:
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement.get("id") if isinstance(achievement, dict) else None


def _associations(user: Any, held: dict[str, IssuedCredential]) -> list[Json]:
    """Certificate achievement → each component achievement the record also holds."""
    found: list[Json] = []
    for completion in PathwayCompletion.objects.filter(learner=user, certificate__isnull=False):
        certificate = completion.certificate
        if certificate is None or certificate.credential_id not in held:
            continue
        parent = _achievement_id(certificate.document)
        for component in completion.components:
            child = held.get(str(component.get("ref")))
            target = _achievement_id(child.document) if child else None
            if parent and target:
                found.append(
                    {
                        "type": "Association",
                        "associationType": "isParentOf",
                        "sourceId": parent,
                        "targetId": target,
                    }
                )
    return found


def learner_record_unsigned(
    *, user: Any, issuer: Organization, now: datetime.datetime | None = None
) -> Json:
    """The learner's ClrCredential, to be signed by ``issuer`` (one of the record's issuers)."""
    credentials = record_credentials(user=user, now=now)
    issuers = {c.issuer_id for c in credentials}
    if issuer.pk not in issuers:
        raise ValidationError(
            {"issuer": "Choose an issuer whose credentials are in your record; it signs it."}
        )
    profile = learner_profiles(users=[user]).get(user.pk)
    subject = documents.recipient_subject(
        profile=profile, email=user.email, salt=profile.identity_salt if profile else None
    )
    held = {c.credential_id: c for c in credentials}
    moment = now or timezone.now()
    return clr_credential(
        id=documents.new_credential_id(),
        issuer=documents.issuer_profile(organization=issuer),
        subject=subject if isinstance(subject, str) else [subject],
        credentials=[c.document for c in credentials],
        valid_from=documents.iso(moment),
        name=f"Learning record of {user.full_name or user.email}",
        description=f"Credentials verified on {settings.SITE_URL} on {moment.date().isoformat()}.",
        partial=True,  # what was issued here; imports stay with their own issuers
        associations=_associations(user, held),
    )


def record_issuer_default(
    *, user: Any, now: datetime.datetime | None = None
) -> Organization | None:
    """The issuer with most credentials in the record (ties: the earliest), or None."""
    counts: dict[int, tuple[int, int, Organization]] = {}
    for order, credential in enumerate(record_credentials(user=user, now=now)):
        n, first, org = counts.get(credential.issuer_id, (0, order, credential.issuer))
        counts[credential.issuer_id] = (n + 1, first, org)
    if not counts:
        return None
    return max(counts.values(), key=lambda item: (item[0], -item[1]))[2]


def learner_record_signed(*, user: Any, issuer: Organization) -> Json:
    """The record, checked (``obcore.clr``) and signed by ``issuer`` with eddsa-rdfc-2022."""
    from obcore.clr import clr_problems

    from skillstack.issuing.keys import issuer_sign

    unsigned = learner_record_unsigned(user=user, issuer=issuer)
    problems = clr_problems(unsigned)
    if problems:
        raise ValidationError({"record": "; ".join(problems)})
    return issuer_sign(organization=issuer, document=unsigned)
