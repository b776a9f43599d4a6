"""Reads for the catalog: skills, micro-credentials, their versions and the public catalog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from skillstack.accounts.models import Organization
from skillstack.catalog.models import (
    Framework,
    MicroCredential,
    MicroCredentialStatus,
    MicroCredentialVersion,
    Skill,
)

PUBLIC_STATUSES = (MicroCredentialStatus.PUBLISHED, MicroCredentialStatus.RETIRED)
FIELD_LABELS = {
    "name": "Name",
    "description": "Description",
    "criteria": "Criteria",
    "level": "Level",
    "achievement_type": "Achievement type",
    "credits_available": "Credits",
    "validity_months": "Validity",
    "tags": "Tags",
    "image": "Image",
    "performance_test": "Performance test",
    "skills": "Skills",
}


def skills_available(*, organization: Organization) -> QuerySet[Skill]:
    """Skills an issuer may align: its own and the shared taxonomy skills."""
    return Skill.objects.filter(
        Q(organization=organization) | Q(organization__isnull=True)
    ).select_related("broader")


def skills_search(*, organization: Organization, query: str = "", framework: str = "") -> Any:
    skills = skills_available(organization=organization)
    if query:
        skills = skills.filter(
            Q(label__icontains=query) | Q(code__icontains=query) | Q(description__icontains=query)
        )
    if framework:
        skills = skills.filter(framework=framework)
    return skills.order_by("framework", "label")


def skill_of(*, organization: Organization, skill_id: int) -> Skill | None:
    return Skill.objects.filter(organization=organization, pk=skill_id).first()


def skills_by_keys(*, organization: Organization, keys: list[str]) -> tuple[list[Skill], list[str]]:
    """Skills named ``framework:code`` (or just ``code`` for own skills); and the unknown keys."""
    found: list[Skill] = []
    unknown: list[str] = []
    available = skills_available(organization=organization)
    for key in keys:
        prefix, _, rest = key.partition(":")
        framework, code = (prefix, rest) if rest and prefix in Framework.values else ("own", key)
        skill = available.filter(framework=framework, code=code).first()
        if skill is None:
            unknown.append(key)
        else:
            found.append(skill)
    return found, unknown


def latest_version(*, micro_credential: MicroCredential) -> MicroCredentialVersion | None:
    return micro_credential.versions.order_by("-number").first()


def published_version(*, micro_credential: MicroCredential) -> MicroCredentialVersion | None:
    """The newest published version (what the public catalog shows), or None for a draft."""
    return (
        micro_credential.versions.filter(published_at__isnull=False)
        .prefetch_related("skills")
        .order_by("-number")
        .first()
    )


def micro_credentials_of(*, organization: Organization) -> list[tuple[MicroCredential, Any]]:
    """An issuer's micro-credentials with their latest version, newest first."""
    mcs = (
        MicroCredential.objects.filter(issuer=organization)
        .prefetch_related(
            Prefetch("versions", queryset=MicroCredentialVersion.objects.order_by("-number"))
        )
        .order_by("-created_at")
    )
    return [(mc, mc.versions.all()[0]) for mc in mcs]


def micro_credential_of(*, organization: Organization, slug: str) -> MicroCredential | None:
    return MicroCredential.objects.filter(issuer=organization, slug=slug).first()


def version_of(*, micro_credential: MicroCredential, number: int) -> MicroCredentialVersion | None:
    return micro_credential.versions.filter(number=number).prefetch_related("skills").first()


def public_micro_credential(*, org_slug: str, slug: str) -> MicroCredential | None:
    """A micro-credential the public may see: published now, or retired after publication."""
    return (
        MicroCredential.objects.filter(issuer__slug=org_slug, slug=slug, status__in=PUBLIC_STATUSES)
        .select_related("issuer")
        .first()
    )


def public_version(
    *, micro_credential: MicroCredential, number: int
) -> MicroCredentialVersion | None:
    """A published version by number; drafts (even of a published micro-credential) are not."""
    return (
        micro_credential.versions.filter(number=number, published_at__isnull=False)
        .prefetch_related("skills")
        .first()
    )


def _public_versions(micro_credentials: QuerySet[MicroCredential]) -> list[MicroCredentialVersion]:
    versions = []
    for mc in micro_credentials.select_related("issuer"):
        version = published_version(micro_credential=mc)
        if version is not None:
            versions.append(version)
    return versions


def catalog_search(
    *, query: str = "", skill_code: str | None = None, org_slug: str | None = None
) -> list[MicroCredentialVersion]:
    """Published micro-credentials (their latest published version) by name, tag or skill."""
    mcs = MicroCredential.objects.filter(status=MicroCredentialStatus.PUBLISHED)
    if org_slug:
        mcs = mcs.filter(issuer__slug=org_slug)
    published = MicroCredentialVersion.objects.filter(published_at__isnull=False)
    if query:
        matching = published.filter(
            Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(skills__label__icontains=query)
            | Q(skills__code__iexact=query)
        )
        mcs = mcs.filter(versions__in=matching)
    if skill_code:
        mcs = mcs.filter(versions__in=published.filter(skills__code=skill_code))
    versions = _public_versions(mcs.distinct())
    if query or skill_code:  # an older version may match while the current one no longer does
        versions = [v for v in versions if _matches(v, query, skill_code)]
    return sorted(versions, key=lambda v: v.name.lower())


def _matches(version: MicroCredentialVersion, query: str, skill_code: str | None) -> bool:
    skills = list(version.skills.all())
    if skill_code and skill_code not in {s.code for s in skills}:
        return False
    if not query:
        return True
    q = query.lower()
    texts = [version.name, version.description, *(s.label for s in skills)]
    return any(q in t.lower() for t in texts) or q in {s.code.lower() for s in skills}


def micro_credentials_for_skill(*, skill: Skill) -> list[MicroCredentialVersion]:
    """Published micro-credentials whose current version aligns ``skill`` (job matching)."""
    mcs = MicroCredential.objects.filter(
        status=MicroCredentialStatus.PUBLISHED,
        versions__skills=skill,
        versions__published_at__isnull=False,
    ).distinct()
    return [v for v in _public_versions(mcs) if skill in v.skills.all()]


@dataclass(frozen=True, slots=True)
class VersionChange:
    version: MicroCredentialVersion
    changes: list[str]  # one readable line per field that differs from the previous version


def _value(version: MicroCredentialVersion, name: str) -> Any:
    if name == "skills":
        return sorted(f"{s.label} ({s.code})" for s in version.skills.all())
    if name == "image":
        return version.image.name if version.image else ""
    return getattr(version, name)


def _describe(name: str, old: Any, new: Any) -> str:
    label = FIELD_LABELS[name]
    if name == "skills":
        added = [s for s in new if s not in old]
        removed = [s for s in old if s not in new]
        parts = [
            f"added {', '.join(added)}" if added else "",
            f"removed {', '.join(removed)}" if removed else "",
        ]
        return f"{label}: " + "; ".join(p for p in parts if p)
    if name == "performance_test":
        old_titles = [s.get("title") for s in (old or {}).get("steps", [])]
        new_titles = [s.get("title") for s in (new or {}).get("steps", [])]
        if old_titles != new_titles:
            counts = f"{len(new_titles)} (were {len(old_titles)})"
            return f"{label}: steps now {counts}, changed wording or order"
        return f"{label}: scoring or pass rule changed"
    if name in ("description", "criteria", "image"):
        return f"{label} changed"
    return f"{label}: {old or '—'} → {new or '—'}"


def version_history(*, micro_credential: MicroCredential) -> list[VersionChange]:
    """Every version, newest first, each with what changed since the one before it."""
    versions = list(micro_credential.versions.prefetch_related("skills").order_by("number"))
    history = []
    previous = None
    for version in versions:
        changes = ["First version"] if previous is None else []
        if previous is not None:
            for name in FIELD_LABELS:
                old, new = _value(previous, name), _value(version, name)
                if old != new:
                    changes.append(_describe(name, old, new))
        history.append(VersionChange(version, changes or ["No changes"]))
        previous = version
    return list(reversed(history))


def issuers_with_catalog() -> QuerySet[Organization]:
    return Organization.objects.filter(
        micro_credentials__status=MicroCredentialStatus.PUBLISHED
    ).distinct()
