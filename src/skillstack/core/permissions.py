"""Who may do what, in one place.

Each app declares its rules in ``<app>/permissions.py`` as ``RULES = [Rule(...), ...]``:
an action name (``accounts.member.invite``), the roles that may perform it and the scope in
which a role counts. Views and API operations name an action with the ``requires``
decorators (see ``skillstack.core.views`` and ``skillstack.api``); the permission-matrix test
walks every route and every persona against these same rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.apps import apps

from skillstack.accounts.roles import LEARNER, Role

if TYPE_CHECKING:
    from skillstack.accounts.models import Organization


class Scope(StrEnum):
    PUBLIC = "public"  # anyone, signed in or not
    AUTHENTICATED = "authenticated"  # any signed-in person
    ORG = "org"  # a listed role held in the object's organization
    ANY_ORG = "any_org"  # a listed role held in any organization
    SELF = "self"  # the signed-in person acting on their own things (learner pseudo-role)


@dataclass(frozen=True, slots=True)
class Rule:
    action: str
    roles: frozenset[str]
    scope: Scope
    description: str = ""

    @classmethod
    def of(cls, action: str, roles: Iterable[str], scope: Scope, description: str = "") -> Rule:
        return cls(action, frozenset(str(r) for r in roles), scope, description)


_RULES: dict[str, Rule] = {}


def register(rules: Iterable[Rule]) -> None:
    for rule in rules:
        existing = _RULES.get(rule.action)
        if existing is not None and existing != rule:
            raise ValueError(f"Permission {rule.action!r} is declared twice with different rules")
        _RULES[rule.action] = rule


def load_app_rules() -> None:
    """Import ``permissions`` of every Skillstack app so that their RULES are registered."""
    for config in apps.get_app_configs():
        if not config.name.startswith("skillstack."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.permissions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.permissions":
                raise
            continue
        register(getattr(module, "RULES", []))


def rule_for(action: str) -> Rule:
    try:
        return _RULES[action]
    except KeyError:
        raise LookupError(f"No permission rule declares the action {action!r}") from None


def all_rules() -> dict[str, Rule]:
    return dict(_RULES)


def roles_of(user: Any) -> dict[int, set[str]]:
    """Organization id → roles, cached on the user object for the request."""
    cached = getattr(user, "_skillstack_roles", None)
    if cached is None:
        cached = {}
        for org_id, role in user.memberships.values_list("organization_id", "role"):
            cached.setdefault(org_id, set()).add(role)
        user._skillstack_roles = cached
    return cached


def is_coalition_admin(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return any(Role.COALITION_ADMIN in roles for roles in roles_of(user).values())


def is_learner(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and hasattr(user, "learner_profile")


def can(
    user: Any,
    action: str,
    *,
    org: Organization | None = None,
    owner: Any | None = None,
) -> bool:
    """True if ``user`` may perform ``action`` on an object of ``org`` (or owned by ``owner``)."""
    rule = rule_for(action)
    if rule.scope is Scope.PUBLIC:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if rule.scope is Scope.AUTHENTICATED:
        return True
    if Role.COALITION_ADMIN in rule.roles and is_coalition_admin(user):
        return True
    held = roles_of(user)
    if rule.scope is Scope.ORG:
        return org is not None and bool(held.get(org.pk, set()) & rule.roles)
    if rule.scope is Scope.ANY_ORG:
        return any(roles & rule.roles for roles in held.values())
    if rule.scope is Scope.SELF:
        if owner is not None and owner.pk != user.pk:
            return False
        return LEARNER not in rule.roles or is_learner(user)
    return False


RULES = [
    Rule.of("core.home.view", set(), Scope.PUBLIC, "The public home page"),
    Rule.of("core.health.view", set(), Scope.PUBLIC, "Health check for load balancers"),
    Rule.of("api.docs.view", set(), Scope.PUBLIC, "The API's OpenAPI schema and its docs page"),
]
