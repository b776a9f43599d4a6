"""Find every route of the site, so that tests about *all* routes cover new ones by themselves.

Two sources: Django's URL resolver (pages, walked through nested includes) and the NinjaAPI's
routers (each operation with its methods, view function and body schema). The API's own URL
patterns are marked ``api_operations`` by ``skillstack.api.api_urls`` and are left to the
second source, which knows the permission of each method separately.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from ninja.params.models import BodyModel
from pydantic import BaseModel

from skillstack.api import api

PARAM = re.compile(r"\{(?:\w+:)?(\w+)\}")
API_PREFIX = "/api"


@dataclass(frozen=True)
class PageRoute:
    name: str  # namespaced URL name, e.g. "accounts:login"
    route: str  # the pattern as written, e.g. "orgs/<slug:org_slug>/audit/"
    view: Callable[..., Any]
    params: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"page {self.name} /{self.route}"

    @property
    def permission(self) -> Any:
        return getattr(self.view, "permission", None) or getattr(
            getattr(self.view, "view_class", None), "permission", None
        )


@dataclass(frozen=True)
class ApiOperation:
    method: str
    path: str  # e.g. "/api/orgs/{org_slug}/invitations"
    view: Callable[..., Any]
    body: type[BaseModel] | None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def params(self) -> tuple[str, ...]:
        return tuple(PARAM.findall(self.path))

    @property
    def permission(self) -> Any:
        return getattr(self.view, "permission", None)

    def url(self, values: dict[str, str]) -> str:
        return PARAM.sub(lambda m: values[m.group(1)], self.path)


def _walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[PageRoute]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = ":".join(part for part in (namespace, entry.namespace or "") if part)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            if getattr(entry.callback, "api_operations", False):
                continue  # covered operation by operation, see api_operations()
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            yield PageRoute(
                name=name,
                route=prefix + str(entry.pattern),
                view=entry.callback,
                params=tuple(entry.pattern.regex.groupindex),
            )


def page_routes() -> list[PageRoute]:
    return list(_walk(get_resolver().url_patterns, "", ""))


def _body_schema(operation: Any) -> type[BaseModel] | None:
    for model in operation.models:
        if issubclass(model, BodyModel):
            fields = list(model.model_fields.values())
            if len(fields) == 1 and isinstance(fields[0].annotation, type):
                return fields[0].annotation
            return model
    return None


def api_operations() -> list[ApiOperation]:
    api.urls  # noqa: B018 - builds the routers (nested ones included) once
    found = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = API_PREFIX + "/" + "/".join(p.strip("/") for p in (prefix, path) if p.strip("/"))
            for operation in path_view.operations:
                for method in operation.methods:
                    found.append(
                        ApiOperation(method, full, operation.view_func, _body_schema(operation))
                    )
    return found
