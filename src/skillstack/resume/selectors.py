"""Reads of the resume app: the resume as it shows now, built from verified holdings.

Nothing about a credential is stored with the resume except which ones the learner chose; what
shows is what verifies at the moment of the request (``wallet.holdings.verified_holdings``), so a
revoked or expired credential is gone from the next view of the page, the PDF and the
presentation, and each view says when it was checked.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from skillstack.catalog.models import Skill
from skillstack.catalog.proficiency import Proficiency, proficiency_of
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.selectors import credentials_of
from skillstack.resume.models import Experience, Resume
from skillstack.wallet.holdings import Holding, verified_holdings
from skillstack.wallet.selectors import credential_facts

TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 characters, 256 bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(slots=True)
class ShownCredential:
    """A chosen credential that verifies now, with where anyone can check it."""

    holding: Holding
    skills: list[str]
    evidence: list[str]
    verify_url: str  # a path: the credential's public share page, or the verify page
    shared: bool  # verify_url is the credential's own page (its holder turned sharing on)
    document: dict[str, Any] | None  # the signed credential, for the presentation


@dataclass(slots=True)
class SkillGroup:
    skill_id: int
    name: str
    framework: str
    url: str
    level: str  # the highest proficiency the credentials prove, in words
    credentials: list[ShownCredential] = field(default_factory=list)


@dataclass(slots=True)
class ResumeView:
    resume: Resume
    name: str
    credentials: list[ShownCredential]
    skills: list[SkillGroup]
    experiences: list[Experience]
    checked_at: datetime

    @property
    def headline(self) -> str:
        return self.resume.headline

    @property
    def summary(self) -> str:
        return self.resume.summary


def resume_of(*, user: Any) -> Resume | None:
    return Resume.objects.filter(owner_id=user.pk).first()


def resume_published(*, token: str, now: datetime | None = None) -> Resume | None:
    """The resume published under ``token``; None when unknown, revoked or expired."""
    if not isinstance(token, str) or not 20 <= len(token) <= 43:
        return None
    resume = Resume.objects.select_related("owner").filter(public_token=token).first()
    if resume is None or not resume_is_live(resume=resume, now=now):
        return None
    return resume


def resume_is_live(*, resume: Resume, now: datetime | None = None) -> bool:
    if not resume.public_token:
        return False
    moment = now or timezone.now()
    return resume.expires_at is None or resume.expires_at > moment


def experience_of(*, resume: Resume, pk: int) -> Experience | None:
    return resume.experiences.filter(pk=pk).first()


def _platform_rows(user: Any, holdings: list[Holding]) -> dict[int, IssuedCredential]:
    pks = [h.pk for h in holdings if h.source == "platform"]
    if not pks:
        return {}
    return {row.pk: row for row in credentials_of(user=user).filter(pk__in=pks)}


def _evidence_lines(row: IssuedCredential | None) -> list[str]:
    if row is None:
        return []
    lines = []
    for item in credential_facts(credential=row).evidence:
        text = " — ".join(part for part in (item.name, item.description) if part)
        if text:
            lines.append(text)
    return lines


def _verify_path(row: IssuedCredential | None) -> tuple[str, bool]:
    if row is not None and row.share_enabled and row.share_token:
        return reverse("wallet:share", kwargs={"share_token": row.share_token}), True
    return reverse("verification:verify"), False


def skill_names(*, skill_ids: set[int]) -> dict[int, Skill]:
    """Catalog skills by primary key (their labels name the resume's skills)."""
    return {s.pk: s for s in Skill.objects.filter(pk__in=skill_ids)}


def _shown(holding: Holding, row: IssuedCredential | None, skills: dict[int, Skill]) -> Any:
    url, shared = _verify_path(row)
    return ShownCredential(
        holding=holding,
        skills=[skills[i].label for i in holding.skill_ids if i in skills],
        evidence=_evidence_lines(row),
        verify_url=url,
        shared=shared,
        document=row.document if row is not None else None,
    )


def _level_words(holdings: list[Holding]) -> str:
    best = max((proficiency_of(h.level) for h in holdings), default=Proficiency.FOUNDATIONAL)
    return str(Proficiency(best).label)


def _groups(
    credentials: list[ShownCredential], skills: dict[int, Skill], hidden: set[int]
) -> list[SkillGroup]:
    groups: dict[int, SkillGroup] = {}
    for shown in credentials:
        for skill_id in shown.holding.skill_ids:
            skill = skills.get(skill_id)
            if skill is None or skill_id in hidden:
                continue
            group = groups.get(skill_id)
            if group is None:
                group = groups[skill_id] = SkillGroup(
                    skill_id=skill_id,
                    name=skill.label,
                    framework=skill.get_framework_display() if skill.framework != "own" else "",
                    url=skill.uri,
                    level="",
                )
            group.credentials.append(shown)
    for group in groups.values():
        group.level = _level_words([c.holding for c in group.credentials])
    return sorted(groups.values(), key=lambda g: g.name.lower())


def resume_view(*, resume: Resume, now: datetime | None = None) -> ResumeView:
    """The resume as anyone sees it now: chosen credentials that still verify, grouped by skill."""
    moment = now or timezone.now()
    owner = resume.owner
    chosen = list(resume.credentials.values_list("ref", flat=True))
    by_ref = {h.ref: h for h in verified_holdings(user=owner, now=moment)}
    holdings = [by_ref[ref] for ref in chosen if ref in by_ref]
    rows = _platform_rows(owner, holdings)
    skills = skill_names(skill_ids={i for h in holdings for i in h.skill_ids})
    credentials = [
        _shown(h, rows.get(h.pk) if h.source == "platform" else None, skills) for h in holdings
    ]
    hidden = {int(i) for i in resume.hidden_skill_ids if isinstance(i, int)}
    return ResumeView(
        resume=resume,
        name=owner.get_full_name() or "A Skillstack learner",
        credentials=credentials,
        skills=_groups(credentials, skills, hidden),
        experiences=[e for e in resume.experiences.all() if e.shown],
        checked_at=moment,
    )


@dataclass(slots=True)
class Choice:
    holding: Holding
    chosen: bool
    shared: bool


@dataclass(slots=True)
class SkillChoice:
    skill_id: int
    name: str
    shown: bool


@dataclass(slots=True)
class Composer:
    """What the learner chooses from: every verified holding and the skills they prove."""

    credentials: list[Choice]
    skills: list[SkillChoice]
    experiences: list[Experience]


def resume_composer(*, resume: Resume) -> Composer:
    owner = resume.owner
    holdings = verified_holdings(user=owner)
    chosen = set(resume.credentials.values_list("ref", flat=True))
    rows = _platform_rows(owner, holdings)
    choices = [
        Choice(h, h.ref in chosen, bool(rows.get(h.pk) and rows[h.pk].share_enabled))
        for h in holdings
    ]
    ids = {i for h in holdings for i in h.skill_ids}
    hidden = set(resume.hidden_skill_ids)
    names = skill_names(skill_ids=ids)
    skills = [SkillChoice(pk, s.label, pk not in hidden) for pk, s in names.items()]
    skills.sort(key=lambda s: s.name.lower())
    return Composer(choices, skills, list(resume.experiences.all()))
