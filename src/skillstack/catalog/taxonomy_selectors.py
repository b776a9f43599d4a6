"""Reads of the shared taxonomy for other apps: occupations, skills with their other names,
equivalences, and which published micro-credentials prove a skill.

Jobs and matching read the catalog through these functions (never its models), so a change of
how the taxonomy is stored stays inside the catalog.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet

from skillstack.catalog.models import (
    MicroCredentialStatus,
    MicroCredentialVersion,
    Occupation,
    Skill,
    SkillEquivalence,
    SkillLabel,
)


def occupation_known(*, framework: str, code: str) -> Occupation | None:
    return Occupation.objects.filter(framework=framework, code=code).first()


def occupations_loaded(*, framework: str) -> bool:
    """True when the taxonomy holds occupations of ``framework`` (so codes can be checked)."""
    return Occupation.objects.filter(framework=framework).exists()


def occupations_search(
    *, query: str = "", framework: str = "", limit: int = 50
) -> list[Occupation]:
    found = Occupation.objects.all()
    if framework:
        found = found.filter(framework=framework)
    if query:
        found = found.filter(Q(title__icontains=query) | Q(code__startswith=query))
    return list(found.order_by("framework", "code")[:limit])


def skills_for_openings() -> QuerySet[Skill]:
    """Skills an opening may ask for: the shared taxonomy and every issuer's own skills."""
    return Skill.objects.select_related("organization").order_by("label", "pk")


def skills_by_ids(*, ids: list[int]) -> dict[int, Skill]:
    return {s.pk: s for s in Skill.objects.filter(pk__in=ids).select_related("organization")}


@dataclass(frozen=True, slots=True)
class SkillNames:
    """A skill with every name it is known by, for matching words in a text."""

    skill_id: int
    label: str
    framework: str
    names: tuple[str, ...]  # the label first, then the alternative labels


def skill_names() -> list[SkillNames]:
    others: dict[int, list[str]] = defaultdict(list)
    for skill_id, label in SkillLabel.objects.values_list("skill_id", "label"):
        others[skill_id].append(label)
    return [
        SkillNames(pk, label, framework, (label, *others.get(pk, ())))
        for pk, label, framework in Skill.objects.values_list("pk", "label", "framework")
    ]


def alt_labels_of(*, skill: Skill) -> list[str]:
    return list(skill.alt_labels.values_list("label", flat=True))


def equivalences() -> QuerySet[SkillEquivalence]:
    return SkillEquivalence.objects.select_related(
        "skill_a", "skill_b", "declared_by", "skill_a__organization", "skill_b__organization"
    ).order_by("skill_a__label", "skill_b__label")


def equivalent_skill_ids(*, skill_ids: set[int]) -> dict[int, set[int]]:
    """Each skill id → itself and every skill declared equivalent to it (one step)."""
    result: dict[int, set[int]] = {pk: {pk} for pk in skill_ids}
    pairs = SkillEquivalence.objects.filter(
        Q(skill_a_id__in=skill_ids) | Q(skill_b_id__in=skill_ids)
    ).values_list("skill_a_id", "skill_b_id")
    for a, b in pairs:
        if a in result:
            result[a].add(b)
        if b in result:
            result[b].add(a)
    return result


@dataclass(frozen=True, slots=True)
class Prover:
    """A published micro-credential whose current version aligns a skill."""

    name: str
    issuer_name: str
    issuer_slug: str
    slug: str
    level: str


def provers_of_skills(*, skill_ids: set[int]) -> dict[int, list[Prover]]:
    """Skill id → the published micro-credentials (any issuer) proving it, or an equivalent.

    Only the newest published version of each micro-credential counts: that is the definition a
    learner earns today.
    """
    if not skill_ids:
        return {}
    equivalent = equivalent_skill_ids(skill_ids=skill_ids)
    wanted = set().union(*equivalent.values())
    versions = (
        MicroCredentialVersion.objects.filter(
            published_at__isnull=False,
            micro_credential__status=MicroCredentialStatus.PUBLISHED,
            skills__in=wanted,
        )
        .select_related("micro_credential__issuer")
        .prefetch_related("skills")
        .order_by("micro_credential_id", "-number")
        .distinct()
    )
    newest: dict[int, MicroCredentialVersion] = {}
    for version in versions:
        newest.setdefault(version.micro_credential_id, version)
    result: dict[int, list[Prover]] = {pk: [] for pk in skill_ids}
    for version in newest.values():
        mc = version.micro_credential
        if version.number != _newest_published_number(mc.pk):
            continue
        aligned = {s.pk for s in version.skills.all()}
        prover = Prover(version.name, mc.issuer.name, mc.issuer.slug, mc.slug, version.level)
        for skill_id, group in equivalent.items():
            if aligned & group:
                result[skill_id].append(prover)
    for provers in result.values():
        provers.sort(key=lambda p: (p.name, p.issuer_name))
    return result


def _newest_published_number(mc_id: int) -> int | None:
    return (
        MicroCredentialVersion.objects.filter(micro_credential_id=mc_id, published_at__isnull=False)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )


def skills_search_by_name(*, query: str, limit: int = 20) -> list[Skill]:
    """Skills whose label or an alternative label contains ``query`` (taxonomy first)."""
    matching = Skill.objects.filter(
        Q(label__icontains=query) | Q(alt_labels__label__icontains=query) | Q(code__iexact=query)
    ).distinct()
    return list(
        matching.select_related("organization").order_by(
            F("organization_id").asc(nulls_first=True), "label"
        )[:limit]
    )


def equivalence_by_pk(*, pk: Any) -> SkillEquivalence | None:
    try:
        number = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < number <= 2**63 - 1:
        return None
    return equivalences().filter(pk=number).first()


def skill_by_pk(*, pk: Any) -> Skill | None:
    try:
        number = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < number <= 2**63 - 1:
        return None
    return Skill.objects.filter(pk=number).select_related("organization").first()
