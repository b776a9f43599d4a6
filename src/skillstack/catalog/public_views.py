"""The public catalog: published micro-credentials of every issuer, open to anyone.

Drafts are never shown (404). A retired micro-credential keeps its page with a notice, so
links in credentials already earned keep working. Each version has a stable URL that is the
OB 3.0 Achievement ``id``; asked for JSON, it answers the Achievement itself.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from skillstack.accounts.models import Organization
from skillstack.catalog import selectors
from skillstack.catalog.achievement import version_achievement, version_url
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion
from skillstack.catalog.performance import DefinitionError, parse_definition
from skillstack.core.access import requires

JSON_TYPES = ("application/json", "application/ld+json")


def _query(request: HttpRequest, name: str) -> str:
    value = request.GET.get(name, "")
    return value.strip()[:100] if "\x00" not in value else ""


@requires("catalog.public.view")
def catalog_index(request: HttpRequest) -> HttpResponse:
    query, skill = _query(request, "q"), _query(request, "skill")
    versions = selectors.catalog_search(query=query, skill_code=skill or None)
    context = {"versions": versions, "query": query, "skill": skill, "org": None}
    return render(request, "catalog/public_index.html", context)


@requires("catalog.public.view", org_kwarg="org_slug")
def catalog_issuer(request: HttpRequest, org_slug: str) -> HttpResponse:
    org: Organization = request.organization  # type: ignore[attr-defined]
    query = _query(request, "q")
    versions = selectors.catalog_search(query=query, org_slug=org.slug)
    context = {"versions": versions, "query": query, "skill": "", "org": org}
    return render(request, "catalog/public_index.html", context)


def _public(org_slug: str, mc_slug: str) -> MicroCredential:
    mc = selectors.public_micro_credential(org_slug=org_slug, slug=mc_slug)
    if mc is None:
        raise Http404("No published micro-credential here")
    return mc


def _wants_json(request: HttpRequest) -> bool:
    accept = request.headers.get("Accept", "")
    return any(kind in accept for kind in JSON_TYPES) and "text/html" not in accept


def _step_titles(version: MicroCredentialVersion) -> list[str]:
    try:
        return [step.title for step in parse_definition(version.performance_test).steps]
    except DefinitionError:
        return []


def _page(
    request: HttpRequest, mc: MicroCredential, version: MicroCredentialVersion, *, pinned: bool
) -> HttpResponse:
    current = selectors.published_version(micro_credential=mc)
    context = {
        "mc": mc,
        "org": mc.issuer,
        "version": version,
        "steps": _step_titles(version),
        "skills": list(version.skills.all()),
        "pinned": pinned,
        "current": current,
        "retired": mc.status == "retired",
        "permanent_url": version_url(version),
    }
    return render(request, "catalog/public_detail.html", context)


@requires("catalog.public.view", org_kwarg="org_slug")
def catalog_detail(request: HttpRequest, org_slug: str, mc_slug: str) -> HttpResponse:
    mc = _public(org_slug, mc_slug)
    version = selectors.published_version(micro_credential=mc)
    if version is None:
        raise Http404("No published version")
    return _page(request, mc, version, pinned=False)


@requires("catalog.public.view", org_kwarg="org_slug")
def catalog_version(request: HttpRequest, org_slug: str, mc_slug: str, number: int) -> HttpResponse:
    mc = _public(org_slug, mc_slug)
    version = selectors.public_version(micro_credential=mc, number=number)
    if version is None:
        raise Http404("No published version with this number")
    if _wants_json(request):
        answer = JsonResponse(version_achievement(version), json_dumps_params={"indent": 2})
        answer["Vary"] = "Accept"
        return answer
    response = _page(request, mc, version, pinned=True)
    response["Vary"] = "Accept"
    return response
