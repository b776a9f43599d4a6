"""Reads of the trust app: an issuer's standing in plain words, endorsements, the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.trust.models import (
    Endorsement,
    ImportedCredential,
    RegistryEntry,
    RegistryStatus,
)


@dataclass(frozen=True, slots=True)
class Standing:
    """Whether the coalition vouches for an issuer (and who endorses it), in a sentence."""

    kind: str  # recognised, suspended, endorsed, unknown
    sentence: str
    recognised_since: str = ""  # ISO date, when recognised
    endorsed_by: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "sentence": self.sentence,
            "recognised_since": self.recognised_since,
            "endorsed_by": list(self.endorsed_by),
        }


def coalition_name() -> str:
    """The coalition running this platform (the registry's voice), by name."""
    coalition = Organization.objects.filter(kind=OrgKind.COALITION).order_by("pk").first()
    return coalition.name if coalition is not None else "the alliance"


def endorsements_for(
    *, achievement_id: str | None = None, issuer_id: str | None = None
) -> QuerySet[Endorsement]:
    """Live endorsements of an achievement and/or an issuer (either matches), newest first."""
    wanted = Q(pk__in=[])
    if achievement_id:
        wanted |= Q(subject_id=achievement_id)
    if issuer_id:
        wanted |= Q(subject_id=issuer_id)
    return (
        Endorsement.objects.filter(wanted, withdrawn_at__isnull=True)
        .select_related("endorser")
        .order_by("-created_at")
    )


def registry_entry_for(*, issuer_id: str) -> RegistryEntry | None:
    if not issuer_id:
        return None
    return RegistryEntry.objects.filter(issuer_id=issuer_id).first()


def _names(endorsements: QuerySet[Endorsement]) -> tuple[str, ...]:
    seen: list[str] = []
    for endorsement in endorsements:
        if endorsement.endorser.name not in seen:
            seen.append(endorsement.endorser.name)
    return tuple(seen)


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def issuer_standing(
    *, issuer_id: str, achievement_id: str = "", signature_valid: bool = True
) -> Standing:
    """The issuer's standing with the coalition, and endorsements of it or of the achievement.

    ``signature_valid`` only changes the wording for an unknown issuer: we never tell someone
    "the signature is valid" about a credential whose signature failed.
    """
    coalition = coalition_name()
    entry = registry_entry_for(issuer_id=issuer_id)
    endorsers = _names(endorsements_for(achievement_id=achievement_id, issuer_id=issuer_id))
    endorsed = f" Endorsed by {_and(endorsers)}." if endorsers else ""
    if entry is not None and entry.status == RegistryStatus.RECOGNISED and entry.recognised_since:
        since = entry.recognised_since
        return Standing(
            "recognised",
            f"Recognised by {coalition} since {since:%B %Y}.{endorsed}",
            since.date().isoformat(),
            endorsers,
        )
    if entry is not None and entry.status == RegistryStatus.SUSPENDED:
        reason = f" ({entry.status_reason})" if entry.status_reason else ""
        return Standing(
            "suspended",
            f"Suspended from {coalition}'s registry{reason}: the alliance no longer vouches "
            f"for this issuer.{endorsed}",
            endorsed_by=endorsers,
        )
    if endorsers:
        return Standing(
            "endorsed",
            f"Not in {coalition}'s registry, but endorsed by {_and(endorsers)}.",
            endorsed_by=endorsers,
        )
    if signature_valid:
        sentence = (
            f"Not in {coalition}'s registry: the signature is valid, but nobody here vouches "
            "for this issuer."
        )
    else:
        sentence = f"Not in {coalition}'s registry: nobody here vouches for this issuer."
    return Standing("unknown", sentence)


def registry_public() -> QuerySet[RegistryEntry]:
    """Entries the public registry lists: recognised and suspended issuers (never applicants)."""
    return RegistryEntry.objects.filter(
        status__in=[RegistryStatus.RECOGNISED, RegistryStatus.SUSPENDED]
    ).order_by("name")


def registry_as_json(*, site_url: str) -> dict[str, Any]:
    """The machine-readable registry: stable keys, one object per issuer."""
    return {
        "registry": f"{site_url}/registry/issuers.json",
        "maintainer": coalition_name(),
        "issuers": [
            {
                "id": entry.issuer_id,
                "name": entry.name,
                "status": entry.status,
                "since": entry.recognised_since.date().isoformat()
                if entry.recognised_since
                else None,
                "url": entry.website or None,
            }
            for entry in registry_public()
        ],
    }


def registry_pending() -> QuerySet[RegistryEntry]:
    return RegistryEntry.objects.filter(status=RegistryStatus.PENDING).order_by("applied_at")


def registry_all() -> QuerySet[RegistryEntry]:
    return RegistryEntry.objects.select_related("organization").order_by("status", "name")


def imports_of(*, user: Any) -> QuerySet[ImportedCredential]:
    return ImportedCredential.objects.filter(owner=user).order_by("-created_at")


def import_of(*, user: Any, pk: int) -> ImportedCredential | None:
    """One of ``user``'s imports; None for another person's (so it answers 404)."""
    return ImportedCredential.objects.filter(owner=user, pk=pk).first()


def standing_for_credential(
    *, credential: dict[str, Any] | None, verified: bool
) -> Standing | None:
    """The standing of whoever issued ``credential`` (OB 3.0 or OB 2.0); None without issuer."""
    from skillstack.trust.facts import credential_facts

    if not isinstance(credential, dict):
        return None
    facts = credential_facts(credential)
    if not facts.issuer_id:
        return None
    return issuer_standing(
        issuer_id=facts.issuer_id,
        achievement_id=facts.achievement_id,
        signature_valid=verified,
    )
