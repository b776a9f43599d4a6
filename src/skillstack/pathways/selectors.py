"""Reads of the pathways app: pathways, a learner's progress on them, flagged certificates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.assessment.selectors import upcoming_sessions
from skillstack.catalog.models import SkillEquivalence
from skillstack.catalog.proficiency import proficiency_of
from skillstack.pathways.engine import Held, NodeResult, Progress, evaluate
from skillstack.pathways.models import (
    Pathway,
    PathwayCompletion,
    PathwayStatus,
    ReviewState,
)
from skillstack.wallet.holdings import Holding, verified_holdings


def held_of(holding: Holding) -> Held:
    return Held(
        ref=holding.ref,
        name=holding.name,
        issuer_name=holding.issuer_name,
        issuer_id=holding.issuer_id,
        achievement_id=holding.achievement_id,
        micro_credential_id=holding.micro_credential_id,
        proficiency=int(proficiency_of(holding.level)),
        skill_ids=frozenset(holding.skill_ids),
        earned_at=holding.earned_at,
        url=holding.url,
        source=holding.source,
        pk=holding.pk,
    )


def learner_held(*, user: Any, now: datetime.datetime | None = None) -> list[Held]:
    """What ``user`` holds that verifies now, excluding pathway certificates themselves."""
    return [held_of(h) for h in verified_holdings(user=user, now=now)]


def skill_aliases() -> dict[int, frozenset[int]]:
    """Skill → the skills declared equivalent to it (both directions)."""
    aliases: dict[int, set[int]] = {}
    for a, b in SkillEquivalence.objects.values_list("skill_a_id", "skill_b_id"):
        aliases.setdefault(a, set()).add(b)
        aliases.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in aliases.items()}


def pathways_published() -> QuerySet[Pathway]:
    return Pathway.objects.filter(status=PathwayStatus.PUBLISHED).select_related("owner")


def pathways_of(*, organization: Organization) -> QuerySet[Pathway]:
    return Pathway.objects.filter(owner=organization).order_by("status", "title")


def pathway_of(*, organization: Organization, pk: int) -> Pathway | None:
    if not 0 < pk < 2**31:
        return None
    return Pathway.objects.filter(owner=organization, pk=pk).first()


def public_pathway(*, org_slug: str, slug: str) -> Pathway | None:
    """A published or retired pathway (certificates keep pointing at it); never a draft."""
    return (
        Pathway.objects.filter(owner__slug=org_slug, slug=slug)
        .exclude(status=PathwayStatus.DRAFT)
        .select_related("owner")
        .first()
    )


def pathway_progress(
    *,
    pathway: Pathway,
    held: list[Held],
    now: datetime.datetime | None = None,
    aliases: dict[int, frozenset[int]] | None = None,
) -> Progress:
    return evaluate(
        pathway.definition,
        held,
        now=now or timezone.now(),
        skill_aliases=skill_aliases() if aliases is None else aliases,
    )


@dataclass(frozen=True)
class NextStep:
    requirement: NodeResult
    sessions: list[Any]  # upcoming assessment sessions where it can be earned


@dataclass(frozen=True)
class LearnerPathway:
    pathway: Pathway
    progress: Progress
    completion: PathwayCompletion | None
    next_steps: list[NextStep]


def _next_steps(progress: Progress) -> list[NextStep]:
    today = timezone.localdate()
    steps = []
    for leaf in progress.next_steps:
        mc = leaf.requirement.get("micro_credential")
        sessions = list(upcoming_sessions(micro_credential_id=int(mc), after=today)) if mc else []
        steps.append(NextStep(leaf, sessions))
    return steps


def learner_pathways(*, user: Any, now: datetime.datetime | None = None) -> list[LearnerPathway]:
    """Every published pathway that touches what ``user`` holds, or that they completed."""
    held = learner_held(user=user, now=now)
    completions = {
        c.pathway_id: c
        for c in PathwayCompletion.objects.filter(learner=user).select_related("certificate")
    }
    found = []
    aliases = skill_aliases()
    for pathway in pathways_published():
        progress = pathway_progress(pathway=pathway, held=held, now=now, aliases=aliases)
        completion = completions.get(pathway.pk)
        if not progress.touched and completion is None:
            continue
        found.append(LearnerPathway(pathway, progress, completion, _next_steps(progress)))
    return sorted(found, key=lambda lp: (lp.progress.complete, lp.pathway.title))


def completions_to_review(*, organization: Organization) -> QuerySet[PathwayCompletion]:
    return (
        PathwayCompletion.objects.filter(
            pathway__owner=organization, review_state=ReviewState.FLAGGED
        )
        .select_related("pathway", "learner", "certificate")
        .order_by("flagged_at")
    )


def completion_of(*, organization: Organization, pk: int) -> PathwayCompletion | None:
    if not 0 < pk < 2**31:
        return None
    return (
        PathwayCompletion.objects.filter(pathway__owner=organization, pk=pk)
        .select_related("pathway", "learner", "certificate")
        .first()
    )


def completions_of(*, organization: Organization) -> QuerySet[PathwayCompletion]:
    return PathwayCompletion.objects.filter(pathway__owner=organization).select_related(
        "pathway", "learner", "certificate"
    )
