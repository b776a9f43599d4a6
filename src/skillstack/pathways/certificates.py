"""Pathway certificates: issued once when a learner completes a pathway, flagged (never silently
changed) when a component later stops verifying.

The certificate is an OB 3.0 ``AchievementCredential`` whose achievement has
``achievementType`` "Certificate"; its ``evidence`` names each component credential (by its
id) and its achievement's ``related`` lists the component achievements.

Who signs: an issuer signs the certificates of its own pathways with its own key. Only
issuers hold signing keys here, so a coalition pathway (across issuers) names the issuer
that signs its certificates (``Pathway.issued_by``), e.g. the certifying institute.

Exactly once: ``PathwayCompletion`` is unique per (pathway, learner) and the credential's
idempotency key is ``pathway:<pk>:learner:<pk>``; concurrent completions (two components
issued at once, a retried task, the periodic re-check) all end with the same row and
credential.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from obcore import credentials as ob
from skillstack.audit.services import audit_record
from skillstack.issuing import documents
from skillstack.issuing.issuance import CredentialDraft, credential_issue_one
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.services import credential_revoke
from skillstack.pathways.engine import Held, NodeResult
from skillstack.pathways.models import (
    Pathway,
    PathwayCompletion,
    PathwayStatus,
    ReviewState,
)
from skillstack.pathways.selectors import learner_held, pathway_progress, pathways_published

Json = dict[str, Any]
SOURCE = "pathway"
KEY_PREFIX = "pathway:"


def certificate_key(*, pathway_pk: int, learner_pk: int) -> str:
    return f"{KEY_PREFIX}{pathway_pk}:learner:{learner_pk}"


def pathway_url(pathway: Pathway) -> str:
    return f"{settings.SITE_URL}/pathways/{pathway.owner.slug}/{pathway.slug}/"


def _criteria(node: NodeResult, depth: int = 0) -> list[str]:
    """The requirement tree in words, for the achievement's criteria narrative."""
    pad = "  " * depth
    if node.is_leaf:
        return [f"{pad}- {node.label}"]
    heading = {
        "all": "All of:",
        "sequence": "Each level in order:",
        "one": "One of:",
        "any": f"Any {node.needed} of:",
    }[node.kind]
    title = f"{node.label}: " if node.label else ""
    lines = [f"{pad}- {title}{heading}" if depth else f"{title}{heading}"]
    for child in node.children:
        lines += _criteria(child, depth + 1)
    return lines


def certificate_achievement(
    *, pathway: Pathway, issuer: Json, root: NodeResult, used: list[Held]
) -> Json:
    achievement = ob.achievement(
        id=pathway_url(pathway),
        name=pathway.title,
        description=pathway.description,
        criteria_narrative="\n".join(_criteria(root)),
        criteria_id=pathway_url(pathway) + "#criteria",
        achievement_type="Certificate",
        creator=issuer,
    )
    related = sorted({h.achievement_id for h in used if h.achievement_id})
    if related:  # OB 3.0 §B.1.1 Achievement.related: the component achievements
        achievement["related"] = [{"id": a, "type": ["Related"]} for a in related]
    return achievement


def _evidence(held: Held) -> Json:
    when = held.earned_at.date().isoformat()
    return ob.evidence(
        id=held.ref if ":" in held.ref else None,
        name=held.name,
        narrative=f"Component credential: {held.name}, issued by {held.issuer_name} on {when}.",
        genre="Component credential",
    )


def certificate_document(
    *,
    pathway: Pathway,
    draft: CredentialDraft,
    root: NodeResult,
    used: list[Held],
    at: datetime.datetime,
) -> Json:
    """The unsigned certificate for one learner and the components that completed it."""
    return ob.achievement_credential(
        id=draft.credential_id,
        issuer=draft.issuer,
        subject=draft.subject,
        achievement=certificate_achievement(
            pathway=pathway, issuer=draft.issuer, root=root, used=used
        ),
        valid_from=documents.iso(at),
        evidence=[_evidence(h) for h in used],
        credential_status=draft.status_entry,
        credential_type="AchievementCredential",
    )


def _component(held: Held) -> Json:
    return {
        "ref": held.ref,
        "name": held.name,
        "issuer_name": held.issuer_name,
        "source": held.source,
        "pk": held.pk,
        "url": held.url,
    }


def _completion_record(pathway: Pathway, learner: Any, used: list[Held]) -> PathwayCompletion:
    try:
        with transaction.atomic():
            completion = PathwayCompletion.objects.create(
                pathway=pathway,
                learner=learner,
                completed_at=timezone.now(),
                components=[_component(h) for h in used],
            )
            audit_record(
                action="pathways.pathway.completed",
                actor=None,
                organization=pathway.owner,
                obj=completion,
                data={"pathway": pathway.slug, "learner": learner.pk, "components": len(used)},
            )
            return completion
    except IntegrityError:  # a concurrent run recorded it first
        return PathwayCompletion.objects.get(pathway=pathway, learner=learner)


def certificate_issue(
    *,
    pathway: Pathway,
    learner: Any,
    now: datetime.datetime | None = None,
    held: list[Held] | None = None,
) -> PathwayCompletion | None:
    """If ``learner`` has completed ``pathway``, its completion with the certificate (issued
    exactly once); else their earlier completion, or None."""
    existing = PathwayCompletion.objects.filter(pathway=pathway, learner=learner).first()
    if existing is not None and existing.certificate_id is not None:
        return existing
    if pathway.status != PathwayStatus.PUBLISHED:
        return existing
    if held is None:
        held = learner_held(user=learner, now=now)
    progress = pathway_progress(pathway=pathway, held=held, now=now)
    if existing is None and not progress.complete:
        return None
    if not progress.complete:  # recorded earlier, no longer complete: nothing to issue now
        return existing
    used = list(progress.used)
    completion = existing or _completion_record(pathway, learner, used)

    def build(draft: CredentialDraft) -> Json:
        return certificate_document(
            pathway=pathway,
            draft=draft,
            root=progress.root,
            used=used,
            at=now or timezone.now(),
        )

    credential = credential_issue_one(
        organization=pathway.signer,  # type: ignore[arg-type]
        recipient=learner,
        idempotency_key=certificate_key(pathway_pk=pathway.pk, learner_pk=learner.pk),
        build=build,
        source=SOURCE,
    )
    PathwayCompletion.objects.filter(pk=completion.pk, certificate__isnull=True).update(
        certificate=credential, components=[_component(h) for h in used]
    )
    completion.refresh_from_db()
    return completion


def _flag(completion: PathwayCompletion, missing: list[Json]) -> bool:
    names = ", ".join(m["name"] for m in missing)
    reason = (
        f"{names} no longer verifies (revoked, suspended or expired); the certificate was "
        "issued with it as a component. Decide whether to keep or revoke the certificate."
    )
    with transaction.atomic():
        changed = PathwayCompletion.objects.filter(
            pk=completion.pk, review_state=ReviewState.CURRENT
        ).update(review_state=ReviewState.FLAGGED, review_reason=reason, flagged_at=timezone.now())
        if changed:
            audit_record(
                action="pathways.certificate.flagged",
                actor=None,
                organization=completion.pathway.owner,
                obj=completion,
                data={"missing": [m["ref"] for m in missing]},
            )
    return bool(changed)


def completions_recheck(*, learner: Any, now: datetime.datetime | None = None) -> int:
    """Flag every current certificate of ``learner`` with a component that stopped verifying.

    A certificate kept after a review is not flagged again for the same learner.
    """
    refs = {h.ref for h in learner_held(user=learner, now=now)}
    flagged = 0
    for completion in PathwayCompletion.objects.filter(
        learner=learner, review_state=ReviewState.CURRENT, certificate__isnull=False
    ).select_related("pathway__owner"):
        missing = [c for c in completion.components if c.get("ref") not in refs]
        if missing and _flag(completion, missing):
            flagged += 1
    return flagged


def learner_pathways_check(*, learner: Any, now: datetime.datetime | None = None) -> int:
    """Issue every certificate ``learner`` has earned and flag those that lost a component.

    Returns how many certificates this run issued. Safe to run any number of times.
    """
    issued = 0
    held = learner_held(user=learner, now=now)
    for pathway in pathways_published():
        before = PathwayCompletion.objects.filter(
            pathway=pathway, learner=learner, certificate__isnull=False
        ).exists()
        if before:
            continue
        completion = certificate_issue(pathway=pathway, learner=learner, now=now, held=held)
        if completion is not None and completion.certificate_id is not None:
            issued += 1
    completions_recheck(learner=learner, now=now)
    return issued


REVIEW_DECISIONS = ("keep", "revoke")


def completion_review(
    *, completion: PathwayCompletion, actor: Any, decision: str, reason: str
) -> PathwayCompletion:
    """The owner's decision on a flagged certificate: keep it, or revoke it (audited)."""
    if decision not in REVIEW_DECISIONS:
        raise ValidationError({"decision": "Choose keep or revoke."})
    reason = (reason or "").strip()
    if not reason or len(reason) > 1000:
        raise ValidationError(
            {"reason": "Say why in under 1000 characters (the audit log keeps it)."}
        )
    with transaction.atomic():
        locked = PathwayCompletion.objects.select_for_update().get(pk=completion.pk)
        if locked.review_state != ReviewState.FLAGGED or locked.certificate_id is None:
            raise ValidationError({"decision": "This certificate is not waiting for a review."})
        certificate = IssuedCredential.objects.get(pk=locked.certificate_id)
        if decision == "revoke":
            credential_revoke(credential=certificate, actor=actor, reason=reason)
        locked.review_state = ReviewState.REVOKED if decision == "revoke" else ReviewState.KEPT
        locked.review_reason = reason
        locked.reviewed_by = actor
        locked.reviewed_at = timezone.now()
        locked.save(update_fields=["review_state", "review_reason", "reviewed_by", "reviewed_at"])
        audit_record(
            action=f"pathways.certificate.{'revoked' if decision == 'revoke' else 'kept'}",
            actor=actor,
            organization=locked.pathway.owner,
            obj=locked,
            data={"credential_id": certificate.credential_id, "reason": reason},
        )
    return locked
