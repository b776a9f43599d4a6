"""Writes for skill equivalences: the alliance declares that two skills mean the same.

Matching and pathways treat an equivalent skill as the skill itself, so a declaration is an
audited decision of the coalition, stored once per pair (``skill_a_id < skill_b_id``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.models import Skill, SkillEquivalence


def equivalence_declare(
    *, organization: Organization, actor: Any, skill_a: Skill, skill_b: Skill, note: str = ""
) -> SkillEquivalence:
    if organization.kind != OrgKind.COALITION:
        raise ValidationError({"organization": "Only the alliance declares equivalences."})
    if skill_a.pk == skill_b.pk:
        raise ValidationError({"skill_b_id": "Choose two different skills."})
    if len(note) > 2000:
        raise ValidationError({"note": "Keep the note under 2,000 characters."})
    low, high = sorted((skill_a, skill_b), key=lambda s: s.pk)
    if SkillEquivalence.objects.filter(skill_a=low, skill_b=high).exists():
        raise ValidationError(
            {"skill_b_id": f"“{low.label}” and “{high.label}” are already equivalent."}
        )
    with transaction.atomic():
        equivalence = SkillEquivalence.objects.create(
            skill_a=low, skill_b=high, declared_by=organization, note=note.strip()
        )
        audit_record(
            action="catalog.equivalence.declared",
            actor=actor,
            organization=organization,
            obj=equivalence,
            data={"skills": [low.pk, high.pk], "labels": [low.label, high.label]},
        )
    return equivalence


def equivalence_remove(*, equivalence: SkillEquivalence, actor: Any) -> None:
    with transaction.atomic():
        audit_record(
            action="catalog.equivalence.removed",
            actor=actor,
            organization=equivalence.declared_by,
            obj=equivalence,
            data={
                "skills": [equivalence.skill_a_id, equivalence.skill_b_id],
                "labels": [equivalence.skill_a.label, equivalence.skill_b.label],
            },
        )
        equivalence.delete()
