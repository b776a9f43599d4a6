"""The extension point through which apps add links to the dashboard.

An app that has pages for a role declares them in ``<app>/dashboard.py``::

    from skillstack.core.dashboard import Link, contributes

    @contributes(Role.EVALUATOR)
    def evaluator_links(organization):
        return [Link("Your sessions", reverse("assessment:sessions", args=[organization.slug]))]

Learners are the role ``LEARNER`` (their organization is None). A role that has contributed
links stops showing its "coming in a later release" sentence.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    hint: str = ""


Contributor = Callable[[Any], list[Link]]
_CONTRIBUTORS: dict[str, list[Contributor]] = {}


def contributes(role: str) -> Callable[[Contributor], Contributor]:
    def decorator(fn: Contributor) -> Contributor:
        registered = _CONTRIBUTORS.setdefault(str(role), [])
        if fn not in registered:
            registered.append(fn)
        return fn

    return decorator


def load_app_dashboards() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("skillstack."):
            continue
        try:
            importlib.import_module(f"{config.name}.dashboard")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.dashboard":
                raise


def contributed_links(role: str, organization: Any) -> list[Link]:
    return [link for fn in _CONTRIBUTORS.get(str(role), []) for link in fn(organization)]
