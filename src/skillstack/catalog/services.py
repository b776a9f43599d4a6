"""Writes for the catalog: skills and micro-credentials with versioned definitions."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.images import checked_image
from skillstack.catalog.models import (
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
)
from skillstack.catalog.performance import DefinitionError, parse_definition

RESERVED_SLUGS = frozenset({"new"})
"""Words that name pages beside the micro-credentials (``micro-credentials/new/``)."""

VERSION_FIELDS = (
    "name",
    "description",
    "criteria",
    "level",
    "achievement_type",
    "credits_available",
    "validity_months",
    "tags",
    "performance_test",
)


def _check_definition(performance_test: Any) -> None:
    try:
        parse_definition(performance_test)
    except DefinitionError as exc:
        raise ValidationError(
            {"performance_test": [f"{path}: {reason}" for path, reason in exc.errors.items()]}
        ) from exc


def _check_skills(issuer: Organization, skills: Sequence[Skill]) -> None:
    foreign = [s.label for s in skills if s.organization_id not in (None, issuer.pk)]
    if foreign:
        raise ValidationError({"skills": f"Skills of another issuer cannot be aligned: {foreign}"})


def micro_credential_create(
    *,
    issuer: Organization,
    actor: Any,
    name: str,
    description: str,
    criteria: str,
    performance_test: dict[str, Any],
    skills: Sequence[Skill] = (),
    slug: str | None = None,
    level: str = "",
    achievement_type: str = "MicroCredential",
    credits_available: Decimal | None = None,
    validity_months: int | None = None,
    tags: Sequence[str] = (),
) -> MicroCredentialVersion:
    """A new micro-credential as a draft, version 1."""
    if issuer.kind != OrgKind.ISSUER:
        raise ValidationError({"issuer": "Only issuers define micro-credentials"})
    _check_definition(performance_test)
    _check_skills(issuer, list(skills))
    slug = slug or slugify(name)[:80]
    if not slug or slug in RESERVED_SLUGS:
        raise ValidationError({"slug": f"'{slug}' cannot be used; choose another short name"})
    if MicroCredential.objects.filter(issuer=issuer, slug=slug).exists():
        raise ValidationError({"slug": f"{issuer.name} already has a micro-credential '{slug}'"})
    with transaction.atomic():
        mc = MicroCredential.objects.create(issuer=issuer, slug=slug)
        version = MicroCredentialVersion(
            micro_credential=mc,
            number=1,
            name=name,
            description=description,
            criteria=criteria,
            level=level,
            achievement_type=achievement_type,
            credits_available=credits_available,
            validity_months=validity_months,
            tags=list(tags),
            performance_test=performance_test,
            created_by=actor,
        )
        version.full_clean(exclude=["micro_credential", "image"])
        version.save()
        version.skills.set(skills)
        audit_record(
            action="catalog.microcredential.created", actor=actor, organization=issuer, obj=mc
        )
    return version


def latest_version(micro_credential: MicroCredential) -> MicroCredentialVersion:
    return micro_credential.versions.order_by("-number").first()  # type: ignore[return-value]


def micro_credential_revise(
    *,
    micro_credential: MicroCredential,
    actor: Any,
    skills: Sequence[Skill] | None = None,
    **changes: Any,
) -> MicroCredentialVersion:
    """Change the definition: a draft is edited in place, a published one gets a new version."""
    unknown = set(changes) - set(VERSION_FIELDS)
    if unknown:
        raise ValidationError({name: "Not a field of a micro-credential" for name in unknown})
    if "performance_test" in changes:
        _check_definition(changes["performance_test"])
    if skills is not None:
        _check_skills(micro_credential.issuer, skills)
    with transaction.atomic():
        current = (
            MicroCredentialVersion.objects.select_for_update()
            .filter(micro_credential=micro_credential)
            .order_by("-number")
            .first()
        )
        assert current is not None
        if current.published_at is None:
            version = current
        else:
            old_skills = list(current.skills.all())
            version = MicroCredentialVersion.objects.get(pk=current.pk)
            version.pk = None
            version.number = current.number + 1
            version.published_at = None
            version.created_by = actor
            version._state.adding = True
            if skills is None:
                skills = old_skills
        for name, value in changes.items():
            setattr(version, name, value)
        version.full_clean(exclude=["micro_credential", "image"])
        version.save()
        if skills is not None:
            version.skills.set(skills)
        audit_record(
            action="catalog.microcredential.revised",
            actor=actor,
            organization=micro_credential.issuer,
            obj=micro_credential,
            data={"version": version.number, "fields": sorted(changes)},
        )
    return version


def micro_credential_publish(
    *, micro_credential: MicroCredential, actor: Any
) -> MicroCredentialVersion:
    """Publish the latest version; from then on it is frozen."""
    with transaction.atomic():
        version = latest_version(micro_credential)
        if version.published_at is not None:
            raise ValidationError({"status": "The latest version is already published"})
        _check_definition(version.performance_test)
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
        micro_credential.status = MicroCredentialStatus.PUBLISHED
        micro_credential.save(update_fields=["status"])
        audit_record(
            action="catalog.microcredential.published",
            actor=actor,
            organization=micro_credential.issuer,
            obj=micro_credential,
            data={"version": version.number},
        )
    return version


def micro_credential_retire(*, micro_credential: MicroCredential, actor: Any) -> None:
    """No new assessments; credentials already earned stay valid."""
    if micro_credential.status == MicroCredentialStatus.RETIRED:
        raise ValidationError({"status": "This micro-credential is already retired."})
    if not micro_credential.versions.filter(published_at__isnull=False).exists():
        raise ValidationError(
            {"status": "Only a published micro-credential can be retired; a draft stays private."}
        )
    with transaction.atomic():
        micro_credential.status = MicroCredentialStatus.RETIRED
        micro_credential.save(update_fields=["status"])
        audit_record(
            action="catalog.microcredential.retired",
            actor=actor,
            organization=micro_credential.issuer,
            obj=micro_credential,
        )


def micro_credential_image_set(
    *, micro_credential: MicroCredential, actor: Any, file: IO[bytes]
) -> MicroCredentialVersion:
    """Set the badge image (PNG/JPEG ≤ 2 MB); on a published version this makes a new version."""
    content = checked_image(file)
    with transaction.atomic():
        version = micro_credential_revise(micro_credential=micro_credential, actor=actor)
        version.image.save(content.name or "badge.png", content, save=True)
        audit_record(
            action="catalog.microcredential.image_set",
            actor=actor,
            organization=micro_credential.issuer,
            obj=micro_credential,
            data={"version": version.number},
        )
    return version
