"""The Open Badges 3.0 API (1EdTech): discovery, client registration, OAuth 2.0 (through
django-oauth-toolkit's views), the learner's credentials and profile, and the learner's
page of connected apps."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from oauth2_provider import views as oauth_views

from skillstack.accounts.services import user_profile_update
from skillstack.core.access import requires
from skillstack.obapi import connections, selectors
from skillstack.obapi.discovery import service_description
from skillstack.obapi.registration import RegistrationError, client_register
from skillstack.obapi.resource import oauth_resource, status_info
from skillstack.obapi.scopes import (
    CREDENTIAL_READ,
    CREDENTIAL_UPSERT,
    PROFILE_READ,
    PROFILE_UPDATE,
)
from skillstack.obapi.upsert import UpsertRefused, credential_upsert

BODY_MAX = 512 * 1024


@requires("obapi.discovery.view")
def discovery(request: HttpRequest) -> JsonResponse:
    return JsonResponse(service_description(absolute=request.build_absolute_uri))


@csrf_exempt
@requires("obapi.client.register")
@require_POST
def register(request: HttpRequest) -> JsonResponse:
    try:
        metadata = json.loads(request.body or b"null")
    except ValueError:
        metadata = None
    try:
        registered = client_register(metadata=metadata, ip=request.META.get("REMOTE_ADDR", ""))
    except RegistrationError as err:
        return JsonResponse({"error": err.error, "error_description": err.description}, status=400)
    response = JsonResponse(registered.response, status=201)
    response["Cache-Control"] = "no-store"
    return response


_authorization = oauth_views.AuthorizationView.as_view(template_name="obapi/authorize.html")


@requires("obapi.client.authorize")
def authorize(request: HttpRequest) -> HttpResponse:
    """The consent page apps send a learner to; opened directly, it says what it is for."""
    if request.method == "GET" and "client_id" not in request.GET:
        return render(request, "obapi/authorize_help.html")
    return _authorization(request)


token = requires("obapi.token.exchange")(oauth_views.TokenView.as_view())
revoke = requires("obapi.token.revoke")(oauth_views.RevokeTokenView.as_view())


def _paging(request: HttpRequest) -> tuple[int, int, Any] | JsonResponse:
    try:
        limit = int(request.GET.get("limit", selectors.PAGE_LIMIT_MAX))
        offset = int(request.GET.get("offset", 0))
    except ValueError:
        return status_info(400, "invalid_data", "limit and offset must be whole numbers.")
    if limit < 1 or offset < 0:
        return status_info(400, "invalid_data", "limit must be ≥ 1 and offset ≥ 0.")
    since = None
    if "since" in request.GET:
        since = parse_datetime(request.GET["since"])
        if since is None or since.tzinfo is None:
            return status_info(400, "invalid_data", "since must be a date-time with a zone.")
    return min(limit, selectors.PAGE_LIMIT_MAX), offset, since


def _links(request: HttpRequest, limit: int, offset: int, total: int) -> str:
    def page(start: int) -> str:
        base = request.build_absolute_uri(request.path)
        return f"<{base}?limit={limit}&offset={start}>"

    last = max(0, (total - 1) // limit * limit)
    links = [f'{page(0)}; rel="first"', f'{page(last)}; rel="last"']
    if offset + limit < total:
        links.append(f'{page(offset + limit)}; rel="next"')
    if offset > 0:
        links.append(f'{page(max(0, offset - limit))}; rel="prev"')
    return ", ".join(links)


@oauth_resource(CREDENTIAL_READ)
@requires("obapi.credential.list")
def _credentials_get(request: HttpRequest) -> HttpResponse:
    paging = _paging(request)
    if isinstance(paging, JsonResponse):
        return paging
    limit, offset, since = paging
    page = selectors.api_credentials(user=request.user, limit=limit, offset=offset, since=since)
    body: dict[str, Any] = {"credential": page.documents}
    if page.compact_jws:
        body["compactJwsStrings"] = page.compact_jws
    response = JsonResponse(body, content_type="application/ld+json")
    response["X-Total-Count"] = str(page.total)
    response["Link"] = _links(request, limit, offset, page.total)
    return response


@oauth_resource(CREDENTIAL_UPSERT)
@requires("obapi.credential.upsert")
def _credentials_post(request: HttpRequest) -> HttpResponse:
    if len(request.body) > BODY_MAX:
        return status_info(400, "invalid_data", "The credential is larger than 512 KB.")
    try:
        result = credential_upsert(
            user=request.user, body=request.body, content_type=request.content_type or ""
        )
    except UpsertRefused as err:
        return status_info(400, "invalid_data", str(err))
    if isinstance(result.document, str):
        return HttpResponse(result.document, status=result.status, content_type="text/plain")
    return JsonResponse(result.document, status=result.status, content_type="application/json")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def credentials(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _credentials_post(request)
    return _credentials_get(request)


credentials.permission = _credentials_get.permission  # type: ignore[attr-defined]
credentials.bearer_token = True  # type: ignore[attr-defined]


@oauth_resource(PROFILE_READ)
@requires("obapi.profile.view")
def _profile_get(request: HttpRequest) -> JsonResponse:
    return JsonResponse(selectors.api_profile(user=request.user))


@oauth_resource(PROFILE_UPDATE)
@requires("obapi.profile.update")
def _profile_put(request: HttpRequest) -> JsonResponse:
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return status_info(400, "invalid_data", "The body must be a Profile JSON object.")
    current = selectors.api_profile(user=request.user)
    if "id" in body and body["id"] != current["id"]:
        return status_info(400, "invalid_data", "A profile's id cannot be changed.")
    name = body.get("name")
    if not isinstance(name, str):
        return status_info(400, "invalid_data", "name is required (a string).")
    try:
        user_profile_update(user=request.user, full_name=name)  # type: ignore[arg-type]
    except ValidationError as err:
        return status_info(400, "invalid_data", " ".join(err.messages))
    return JsonResponse(selectors.api_profile(user=request.user))


@csrf_exempt
@require_http_methods(["GET", "PUT"])
def profile(request: HttpRequest) -> HttpResponse:
    if request.method == "PUT":
        return _profile_put(request)
    return _profile_get(request)


profile.permission = _profile_get.permission  # type: ignore[attr-defined]
profile.bearer_token = True  # type: ignore[attr-defined]


@requires("obapi.connection.list")
def connected_apps(request: HttpRequest) -> HttpResponse:
    rows = connections.connections_of(user=request.user)
    return render(request, "obapi/connected_apps.html", {"rows": rows})


@requires("obapi.connection.revoke")
@require_POST
def connected_app_revoke(request: HttpRequest, client_app_pk: int) -> HttpResponse:
    removed = connections.connection_revoke(user=request.user, application_pk=client_app_pk)
    if removed:
        messages.success(request, f"{removed} can no longer reach your credentials.")
    return redirect("obapi:connected_apps")
