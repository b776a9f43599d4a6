"""Checking a pathway's requirement tree before it is stored: shape, limits, references.

Errors name the place in the tree (``items[2].accepts[0]``) and say how to fix it, so the
JSON editor and the API answer in plain words. A clean tree gets each leaf's ``label`` filled
from the catalog (the name a learner reads), which the engine then shows as it is.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from skillstack.catalog.models import MicroCredential, Skill
from skillstack.catalog.proficiency import Proficiency
from skillstack.catalog.selectors import latest_version
from skillstack.pathways.engine import GROUP_KINDS, LEAF_KINDS

MAX_DEPTH = 5
MAX_LEAVES = 60
MAX_YEARS = 50
ROOT_OF_KIND = {"vertical": ("sequence",), "horizontal": ("any", "one"), "hybrid": GROUP_KINDS}


class TreeError(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where or 'the top'}: {message}")


def _where(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _int(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TreeError(where, f"must be a whole number from {low} to {high}")
    return value


def _label(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > 200:
        raise TreeError(where, "a label is text of at most 200 characters")
    return value.strip()


def _micro_credential_name(pk: Any, where: str) -> str:
    mc_pk = _int(pk, where, 1, 2**31 - 1)
    micro_credential = MicroCredential.objects.filter(pk=mc_pk).select_related("issuer").first()
    if micro_credential is None:
        raise TreeError(where, f"no micro-credential has the id {mc_pk}")
    version = latest_version(micro_credential=micro_credential)
    name = version.name if version else micro_credential.slug
    return f"{name} ({micro_credential.issuer.name})"


def _target(node: Any, where: str) -> tuple[dict[str, Any], str]:
    """A credential reference: our micro-credential, or an external achievement id."""
    if not isinstance(node, dict):
        raise TreeError(where, "must be an object")
    if node.get("micro_credential") is not None:
        name = _micro_credential_name(node["micro_credential"], _where(where, "micro_credential"))
        return {"micro_credential": node["micro_credential"]}, name
    achievement = node.get("achievement_id")
    if not isinstance(achievement, str) or ":" not in achievement or len(achievement) > 500:
        raise TreeError(
            where,
            "name a micro-credential (micro_credential: its id) or an external badge "
            "(achievement_id: its achievement's URL or URN)",
        )
    target: dict[str, Any] = {"achievement_id": achievement.strip()}
    issuer = node.get("issuer_id")
    if issuer:
        if not isinstance(issuer, str) or ":" not in issuer or len(issuer) > 500:
            raise TreeError(_where(where, "issuer_id"), "must be the issuer's DID or URL")
        target["issuer_id"] = issuer.strip()
    return target, achievement


def _recency(node: dict[str, Any], where: str, out: dict[str, Any]) -> None:
    if node.get("within_years") is not None:
        out["within_years"] = _int(
            node["within_years"], _where(where, "within_years"), 1, MAX_YEARS
        )


def _credential(node: dict[str, Any], where: str) -> dict[str, Any]:
    target, name = _target(node, where)
    out: dict[str, Any] = {"kind": "credential", **target}
    out["label"] = _label(node.get("label"), _where(where, "label")) or name
    accepts = node.get("accepts", [])
    if not isinstance(accepts, list) or len(accepts) > 10:
        raise TreeError(_where(where, "accepts"), "must be a list of at most 10 equivalents")
    if accepts:
        out["accepts"] = [
            _target(alt, f"{_where(where, 'accepts')}[{i}]")[0] for i, alt in enumerate(accepts)
        ]
    _recency(node, where, out)
    return out


def _skill(node: dict[str, Any], where: str) -> dict[str, Any]:
    skill_pk = _int(node.get("skill"), _where(where, "skill"), 1, 2**31 - 1)
    skill = Skill.objects.filter(pk=skill_pk).first()
    if skill is None:
        raise TreeError(_where(where, "skill"), f"no skill has the id {skill_pk}")
    level = _int(node.get("min_level", 1), _where(where, "min_level"), 1, len(Proficiency))
    out: dict[str, Any] = {"kind": "skill", "skill": skill_pk, "min_level": level}
    default = f"{skill.label}, at least {Proficiency(level).label.lower()}"
    out["label"] = _label(node.get("label"), _where(where, "label")) or default
    _recency(node, where, out)
    return out


def _group(node: dict[str, Any], where: str, depth: int, count: list[int]) -> dict[str, Any]:
    kind = node["kind"]
    items = node.get("items")
    if not isinstance(items, list) or not items:
        raise TreeError(_where(where, "items"), "a group needs a list of at least one item")
    out: dict[str, Any] = {"kind": kind, "label": _label(node.get("label"), _where(where, "label"))}
    if kind == "any":
        out["k"] = _int(node.get("k"), _where(where, "k"), 1, len(items))
    out["items"] = [
        _node(child, f"{_where(where, 'items')}[{i}]", depth + 1, count)
        for i, child in enumerate(items)
    ]
    return out


def _node(node: Any, where: str, depth: int, count: list[int]) -> dict[str, Any]:
    if depth > MAX_DEPTH:
        raise TreeError(where, f"groups nest at most {MAX_DEPTH} deep")
    if not isinstance(node, dict):
        raise TreeError(where, "must be an object with a kind")
    kind = node.get("kind")
    if kind in GROUP_KINDS:
        return _group(node, where, depth, count)
    if kind not in LEAF_KINDS:
        kinds = ", ".join((*GROUP_KINDS, *LEAF_KINDS))
        raise TreeError(_where(where, "kind"), f"must be one of {kinds}")
    count[0] += 1
    if count[0] > MAX_LEAVES:
        raise TreeError(where, f"a pathway has at most {MAX_LEAVES} requirements")
    return _credential(node, where) if kind == "credential" else _skill(node, where)


def definition_clean(*, definition: Any, kind: str) -> dict[str, Any]:
    """The tree, checked and with labels filled; ValidationError({"definition": …}) if not."""
    allowed = ROOT_OF_KIND.get(kind)
    if allowed is None:
        raise ValidationError({"kind": "Choose vertical, horizontal or hybrid."})
    try:
        tree = _node(definition, "", 1, [0])
        if tree["kind"] not in allowed:
            shapes = " or ".join(f"'{k}'" for k in allowed)
            raise TreeError("kind", f"a {kind} pathway's top group is {shapes}")
        if kind == "horizontal" and any(i["kind"] in GROUP_KINDS for i in tree["items"]):
            raise TreeError("items", "a horizontal pathway lists requirements, not groups")
    except TreeError as err:
        raise ValidationError({"definition": str(err)}) from None
    return tree
