"""Turning Open Badges 2.0 publishing on or off for an issuer, and finding what is published."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.issuing.models import IssuedCredential
from skillstack.obapi.models import Ob2Publishing


def ob2_publishing_set(*, organization: Organization, enabled: bool, actor: Any) -> Ob2Publishing:
    with transaction.atomic():
        publishing, _ = Ob2Publishing.objects.select_for_update().get_or_create(
            organization=organization
        )
        if publishing.enabled != enabled:
            publishing.enabled = enabled
            publishing.save(update_fields=["enabled", "changed_at"])
            audit_record(
                action=f"obapi.ob2.{'enabled' if enabled else 'disabled'}",
                actor=actor,
                organization=organization,
                obj=publishing,
            )
    return publishing


def ob2_enabled(*, organization: Organization) -> bool:
    return Ob2Publishing.objects.filter(organization=organization, enabled=True).exists()


def ob2_credential(*, assertion_uuid: str) -> IssuedCredential | None:
    """The credential published as this assertion, if its issuer publishes OB 2.0."""
    try:
        parsed = uuid.UUID(assertion_uuid)
    except ValueError:
        return None
    return (
        IssuedCredential.objects.select_related("recipient__learner_profile", "issuer")
        .filter(
            credential_id=f"urn:uuid:{parsed}",
            micro_credential_version__isnull=False,
            issuer__ob2_publishing__enabled=True,
        )
        .first()
    )


def ob2_badge_version(*, version_pk: int) -> MicroCredentialVersion | None:
    return (
        MicroCredentialVersion.objects.select_related("micro_credential__issuer")
        .prefetch_related("skills")
        .filter(
            pk=version_pk,
            published_at__isnull=False,
            micro_credential__issuer__ob2_publishing__enabled=True,
        )
        .first()
    )


def ob2_issuer(*, slug: str) -> Organization | None:
    return Organization.objects.filter(slug=slug, ob2_publishing__enabled=True).first()
