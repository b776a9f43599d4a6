"""Parts of an OB 3.0 credential for obcore.credentials (OB 3.0 §B.1 data classes).

Profiles, achievements with criteria, alignments, result descriptions with rubric levels,
results and evidence: each a keyword-only builder returning JSON-LD, refusing bad input
with a ``CredentialError`` that names the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from obcore._credentials.checks import (
    check_number,
    check_text,
    check_uri,
    check_vocabulary,
    compact,
)
from obcore.errors import CredentialError

__all__ = [
    "achievement",
    "alignment",
    "evidence",
    "profile",
    "result",
    "result_description",
    "rubric_level",
]

Json = dict[str, Any]


def profile(
    *,
    id: str,
    name: str,
    url: str | None = None,
    email: str | None = None,
    description: str | None = None,
    image: str | None = None,
) -> Json:
    """An issuer (or creator) ``Profile`` (OB 3.0 §B.1.13)."""
    return compact(
        id=check_uri(id, "issuer.id"),
        type=["Profile"],
        name=check_text(name, "issuer.name"),
        url=None if url is None else check_uri(url, "issuer.url"),
        email=email,
        description=description,
        image=None if image is None else {"id": check_uri(image, "issuer.image"), "type": "Image"},
    )


def alignment(
    *,
    target_name: str,
    target_url: str,
    target_framework: str | None = None,
    target_code: str | None = None,
    target_type: str | None = None,
    target_description: str | None = None,
) -> Json:
    """An ``Alignment`` to a skill or standard in a framework (OB 3.0 §B.1.3)."""
    return compact(
        type=["Alignment"],
        targetName=check_text(target_name, "alignment.targetName"),
        targetUrl=check_uri(target_url, "alignment.targetUrl"),
        targetFramework=target_framework,
        targetCode=target_code,
        targetDescription=target_description,
        targetType=None
        if target_type is None
        else check_vocabulary(
            target_type, "alignment.targetType", definition="Alignment", prop="targetType"
        ),
    )


def rubric_level(
    *,
    id: str,
    name: str,
    description: str | None = None,
    level: str | None = None,
    points: str | None = None,
) -> Json:
    """A ``RubricCriterionLevel`` (OB 3.0 §B.1.19), e.g. "Proficient"."""
    return compact(
        id=check_uri(id, "rubricCriterionLevel.id"),
        type=["RubricCriterionLevel"],
        name=check_text(name, "rubricCriterionLevel.name"),
        description=description,
        level=level,
        points=points,
    )


def result_description(
    *,
    id: str,
    name: str,
    result_type: str,
    allowed_values: Sequence[str] = (),
    required_level: str | None = None,
    required_value: str | None = None,
    rubric_levels: Sequence[Json] = (),
    value_min: str | None = None,
    value_max: str | None = None,
) -> Json:
    """A ``ResultDescription`` (OB 3.0 §B.1.17): what results of an achievement mean."""
    level_ids = {level.get("id") for level in rubric_levels}
    if required_level is not None and required_level not in level_ids:
        raise CredentialError(
            "resultDescription.requiredLevel must be the id of one of its rubric levels."
        )
    return compact(
        id=check_uri(id, "resultDescription.id"),
        type=["ResultDescription"],
        name=check_text(name, "resultDescription.name"),
        resultType=check_vocabulary(
            result_type,
            "resultDescription.resultType",
            definition="ResultDescription",
            prop="resultType",
        ),
        allowedValue=list(allowed_values),
        requiredLevel=required_level,
        requiredValue=required_value,
        rubricCriterionLevel=[dict(level) for level in rubric_levels],
        valueMin=value_min,
        valueMax=value_max,
    )


def result(
    *,
    result_description: str | None = None,
    value: str | None = None,
    achieved_level: str | None = None,
    status: str | None = None,
) -> Json:
    """A learner's ``Result`` (OB 3.0 §B.1.16), pointing at its ResultDescription id."""
    return compact(
        type=["Result"],
        resultDescription=None
        if result_description is None
        else check_uri(result_description, "result.resultDescription"),
        value=value,
        achievedLevel=None
        if achieved_level is None
        else check_uri(achieved_level, "result.achievedLevel"),
        status=None
        if status is None
        else check_vocabulary(status, "result.status", definition="Result", prop="status"),
    )


def evidence(
    *,
    id: str | None = None,
    name: str | None = None,
    narrative: str | None = None,
    description: str | None = None,
    genre: str | None = None,
    audience: str | None = None,
) -> Json:
    """``Evidence`` of the work (OB 3.0 §B.1.9): a URL and/or a narrative."""
    if id is None and not narrative:
        raise CredentialError("evidence needs an id (a URL) or a narrative.")
    return compact(
        id=None if id is None else check_uri(id, "evidence.id"),
        type=["Evidence"],
        name=name,
        narrative=narrative,
        description=description,
        genre=genre,
        audience=audience,
    )


def achievement(
    *,
    id: str,
    name: str,
    description: str,
    criteria_narrative: str | None = None,
    criteria_id: str | None = None,
    achievement_type: str | None = None,
    alignments: Sequence[Json] = (),
    result_descriptions: Sequence[Json] = (),
    credits_available: float | None = None,
    image: str | None = None,
    tags: Sequence[str] = (),
    creator: Json | None = None,
    human_code: str | None = None,
) -> Json:
    """An ``Achievement`` (OB 3.0 §B.1.1): what was earned and the criteria for it."""
    if not criteria_narrative and criteria_id is None:
        raise CredentialError("achievement.criteria needs a narrative or an id (a URL).")
    criteria = compact(
        id=None if criteria_id is None else check_uri(criteria_id, "achievement.criteria.id"),
        narrative=criteria_narrative,
    )
    return compact(
        id=check_uri(id, "achievement.id"),
        type=["Achievement"],
        achievementType=None
        if achievement_type is None
        else check_vocabulary(
            achievement_type,
            "achievement.achievementType",
            definition="Achievement",
            prop="achievementType",
        ),
        name=check_text(name, "achievement.name"),
        description=check_text(description, "achievement.description"),
        criteria=criteria,
        alignment=[dict(a) for a in alignments],
        resultDescription=[dict(r) for r in result_descriptions],
        creditsAvailable=None
        if credits_available is None
        else check_number(credits_available, "achievement.creditsAvailable"),
        image=None
        if image is None
        else {"id": check_uri(image, "achievement.image"), "type": "Image"},
        tag=list(tags),
        creator=None if creator is None else dict(creator),
        humanCode=human_code,
    )
