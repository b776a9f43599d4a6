"""Writes of the pathways app: define, edit, publish and retire pathways.

Only issuers and the coalition own pathways. A published pathway's tree is frozen (learners'
progress and certificates refer to it); to change one, retire it and define a new one.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.pathways.definition import definition_clean
from skillstack.pathways.models import Pathway, PathwayKind, PathwayStatus

TITLE_MAX = 200
DESCRIPTION_MAX = 4000


def _text(value: Any, field: str, limit: int) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError({field: "This is required."})
    if len(text) > limit:
        raise ValidationError({field: f"Keep it under {limit} characters."})
    return text


def _owner_ok(organization: Organization) -> None:
    if organization.kind not in (OrgKind.ISSUER, OrgKind.COALITION):
        raise ValidationError({"owner": "Only issuers and the coalition define pathways."})


def _signer_ok(owner: Organization, issued_by: Organization | None) -> Organization | None:
    """Only issuers hold signing keys: a coalition pathway names the issuer that signs."""
    if owner.kind == OrgKind.ISSUER:
        if issued_by is not None and issued_by.pk != owner.pk:
            raise ValidationError({"issued_by": "An issuer's pathway is signed by the issuer."})
        return None
    if issued_by is None or issued_by.kind != OrgKind.ISSUER:
        raise ValidationError(
            {"issued_by": "Choose the issuer whose key signs this pathway's certificates."}
        )
    return issued_by


def pathway_create(
    *,
    owner: Organization,
    actor: Any,
    title: str,
    description: str,
    kind: str,
    definition: Any,
    slug: str | None = None,
    issued_by: Organization | None = None,
) -> Pathway:
    """A new draft pathway with a checked requirement tree."""
    _owner_ok(owner)
    issued_by = _signer_ok(owner, issued_by)
    title = _text(title, "title", TITLE_MAX)
    description = _text(description, "description", DESCRIPTION_MAX)
    if kind not in PathwayKind.values:
        raise ValidationError({"kind": "Choose vertical, horizontal or hybrid."})
    tree = definition_clean(definition=definition, kind=kind)
    slug = slugify(slug or title)[:80]
    if not slug:
        raise ValidationError({"title": "Use some letters or digits in the title."})
    with transaction.atomic():
        if Pathway.objects.filter(owner=owner, slug=slug).exists():
            raise ValidationError({"title": f"{owner.name} already has a pathway '{slug}'."})
        pathway = Pathway.objects.create(
            owner=owner,
            slug=slug,
            title=title,
            description=description,
            kind=kind,
            definition=tree,
            issued_by=issued_by,
            created_by=actor,
        )
        audit_record(
            action="pathways.pathway.created",
            actor=actor,
            organization=owner,
            obj=pathway,
            data={"slug": slug, "kind": kind},
        )
    return pathway


def pathway_update(
    *, pathway: Pathway, actor: Any, title: str, description: str, definition: Any
) -> Pathway:
    """Change a draft; a published or retired pathway is frozen."""
    if pathway.status != PathwayStatus.DRAFT:
        raise ValidationError(
            {"status": "Only a draft can be changed; retire this one and define a new pathway."}
        )
    pathway.title = _text(title, "title", TITLE_MAX)
    pathway.description = _text(description, "description", DESCRIPTION_MAX)
    pathway.definition = definition_clean(definition=definition, kind=pathway.kind)
    with transaction.atomic():
        pathway.save(update_fields=["title", "description", "definition", "updated_at"])
        audit_record(
            action="pathways.pathway.updated",
            actor=actor,
            organization=pathway.owner,
            obj=pathway,
            data={"title": pathway.title},
        )
    return pathway


def _set_status(pathway: Pathway, actor: Any, status: str, verb: str) -> Pathway:
    with transaction.atomic():
        locked = Pathway.objects.select_for_update().get(pk=pathway.pk)
        locked.status = status
        fields = ["status", "updated_at"]
        if status == PathwayStatus.PUBLISHED:
            locked.published_at = timezone.now()
            fields.append("published_at")
        locked.save(update_fields=fields)
        audit_record(
            action=f"pathways.pathway.{verb}",
            actor=actor,
            organization=locked.owner,
            obj=locked,
            data={"slug": locked.slug},
        )
    return locked


def pathway_publish(*, pathway: Pathway, actor: Any) -> Pathway:
    """Make a draft count: learners see progress, completions earn the certificate."""
    if pathway.status != PathwayStatus.DRAFT:
        raise ValidationError({"status": "Only a draft can be published."})
    published = _set_status(pathway, actor, PathwayStatus.PUBLISHED, "published")
    from skillstack.pathways.tasks import pathway_check_all

    transaction.on_commit(lambda: pathway_check_all.enqueue(published.pk))
    return published


def pathway_retire(*, pathway: Pathway, actor: Any) -> Pathway:
    """Stop counting a pathway; certificates already issued stay as they are."""
    if pathway.status != PathwayStatus.PUBLISHED:
        raise ValidationError({"status": "Only a published pathway can be retired."})
    return _set_status(pathway, actor, PathwayStatus.RETIRED, "retired")
