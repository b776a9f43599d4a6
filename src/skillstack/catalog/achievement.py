"""A micro-credential version as an OB 3.0 ``Achievement`` (§B.1.1), built with obcore.

The version's public URL is the Achievement's ``id``: it never changes, and a credential
earned under version 2 keeps pointing at version 2 after version 3 is published.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from obcore.credentials import achievement, alignment

from skillstack.catalog.models import MicroCredentialVersion, Skill

FRAMEWORK_NAMES = {"esco": "ESCO", "onet": "O*NET", "own": ""}


def version_url(version: MicroCredentialVersion) -> str:
    mc = version.micro_credential
    path = reverse("catalog:public_version", args=[mc.issuer.slug, mc.slug, version.number])
    return f"{settings.SITE_URL}{path}"


def skill_url(skill: Skill) -> str:
    """The skill's own URI, or the public catalog filtered to it for an issuer's own skill."""
    if skill.uri:
        return skill.uri
    return f"{settings.SITE_URL}{reverse('catalog:index')}?{urlencode({'skill': skill.code})}"


def skill_alignment(skill: Skill, issuer_name: str) -> dict[str, Any]:
    framework = FRAMEWORK_NAMES.get(skill.framework) or issuer_name
    return alignment(
        target_name=skill.label,
        target_url=skill_url(skill),
        target_framework=framework,
        target_code=skill.code,
        target_description=skill.description or None,
    )


def version_achievement(version: MicroCredentialVersion) -> dict[str, Any]:
    mc = version.micro_credential
    issuer = mc.issuer
    image = f"{settings.SITE_URL}{version.image.url}" if version.image else None
    return achievement(
        id=version_url(version),
        name=version.name,
        description=version.description,
        criteria_narrative=version.criteria,
        achievement_type=version.achievement_type,
        alignments=[skill_alignment(s, issuer.name) for s in version.skills.all()],
        credits_available=float(version.credits_available)
        if version.credits_available is not None
        else None,
        image=image,
        tags=list(version.tags),
        creator={
            "id": f"{settings.SITE_URL}{reverse('catalog:issuer', args=[issuer.slug])}",
            "type": ["Profile"],
            "name": issuer.name,
        },
        human_code=f"{mc.slug}-v{version.number}",
    )
