"""The JSON API, mounted at /api/ with OpenAPI 3.1 docs at /api/docs.

Every error is JSON with a stable ``code``, a ``detail`` sentence and ``errors``: the list of
fields that are wrong and why (empty when no field is to blame). No traceback ever reaches a
client. Permission is checked before the body is read (see ``_permission_first``), so a person
who may not use an operation learns nothing from its validation messages.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.db import DataError, IntegrityError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.urls import URLPattern, reverse
from django.views.defaults import page_not_found
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

from skillstack.core.access import PermissionSpec, check_access, requires
from skillstack.core.permissions import Scope, rule_for

logger = logging.getLogger(__name__)

ERROR_RESPONSES = {
    "400": "The body is not valid JSON (`input.malformed`)",
    "401": "Not signed in (`auth.required`)",
    "403": "Not allowed, or an admin without a confirmed second factor (`auth.forbidden`)",
    "404": "No such object in this organization (`not_found`)",
    "415": "The body is not JSON (`input.unsupported_media_type`)",
    "422": "A field is missing or wrong; `errors` names each (`input.invalid`)",
}
"""Documented on every operation, all with the one ``Error`` shape."""

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["code", "detail", "errors"],
    "properties": {
        "code": {"type": "string", "description": "Stable, dotted; safe to branch on"},
        "detail": {"type": "string", "description": "A sentence for people"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


class SkillstackAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document also describes the error shape of every operation."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, {"description": description, **ref})
        return schema


api = SkillstackAPI(
    title="Skillstack API",
    version="1",
    description=(
        "Verified micro-credentials and skills-based hiring. Every error answers JSON: "
        '`{"code": "...", "detail": "...", "errors": [{"field": "...", "message": "..."}]}`.'
    ),
    auth=django_auth,
    urls_namespace="api",
)

HTTP_CODES = {
    400: "input.malformed",
    401: "auth.required",
    403: "auth.forbidden",
    404: "not_found",
    405: "http.method_not_allowed",
    409: "conflict",
    413: "input.too_large",
    415: "input.unsupported_media_type",
    429: "throttled",
}
"""Stable error codes by HTTP status, for errors raised without a more precise code."""

BODY_CONTENT_TYPES = ("application/json", "multipart/form-data")


def error_response(
    request: HttpRequest,
    status: int,
    code: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
) -> HttpResponse:
    body = {"code": code, "detail": detail, "errors": errors or []}
    return api.create_response(request, body, status=status)


def _field_errors(exc: ValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": field, "message": message}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    return [{"field": "__all__", "message": message} for message in exc.messages]


def _location(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path", "filters")]
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def _on_bad_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"field": _location(err.get("loc", ())), "message": str(err.get("msg", "invalid"))}
        for err in exc.errors
    ]
    return error_response(
        request, 422, "input.invalid", "Some fields are missing or wrong.", errors
    )


@api.exception_handler(ValidationError)
def _on_rule_broken(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = _field_errors(exc)
    return error_response(request, 422, "input.invalid", errors[0]["message"], errors)


@api.exception_handler(AuthenticationError)
def _on_anonymous(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "auth.required", "Sign in first.")


@api.exception_handler(PermissionDenied)
def _on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "auth.forbidden", "You are not allowed to do this.")


@api.exception_handler(Http404)
def _on_missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", "Not found.")


@api.exception_handler(RequestDataTooBig)
def _on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error_response(request, 413, "input.too_large", "The request body is too large.")


@api.exception_handler(SuspiciousOperation)
def _on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    return error_response(request, 400, "input.malformed", "The request could not be read.")


@api.exception_handler(IntegrityError)
def _on_conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
    # Services check uniqueness first; this is the race where two requests both passed.
    logger.info("Integrity conflict on %s %s: %s", request.method, request.path, exc)
    return error_response(request, 409, "conflict", "This conflicts with a change made just now.")


@api.exception_handler(DataError)
def _on_data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
    logger.warning("Database refused a value on %s %s: %s", request.method, request.path, exc)
    return error_response(request, 422, "input.invalid", "A value is out of range.")


@api.exception_handler(HttpError)
def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = HTTP_CODES.get(exc.status_code, f"http.{exc.status_code}")
    detail = str(exc)
    if code == "input.malformed" and detail.startswith("Cannot parse request body"):
        detail = "The request body is not valid JSON; send one JSON object."
    return error_response(request, exc.status_code, code, detail)


@api.exception_handler(Exception)
def _on_crash(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(request, 500, "server.error", "Something went wrong on our side.")


def _body_type_refused(request: HttpRequest) -> bool:
    """A body that is neither JSON nor a multipart upload is refused before it is parsed."""
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return False
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) == 0:
        return False
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    return not (content_type.startswith(BODY_CONTENT_TYPES) or content_type.endswith("+json"))


def _permission_first(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Check the operation's declared permission before ninja reads and validates input.

    ``api_requires`` still checks inside the operation (so an operation is never open by
    accident); this earlier check makes the wrong person get 401/403/404 whatever they send.
    """
    operation = getattr(run, "__self__", None)
    spec: PermissionSpec | None = getattr(getattr(operation, "view_func", None), "permission", None)

    @functools.wraps(run)
    def checked(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        try:
            if spec is not None:
                public = rule_for(spec.action).scope is Scope.PUBLIC
                if not public and not request.user.is_authenticated:
                    raise AuthenticationError()
                org_slug = kwargs.get(spec.org_kwarg) if spec.org_kwarg else None
                check_access(request, spec.action, org_slug=org_slug)
            if _body_type_refused(request):
                raise HttpError(415, "Send the body as JSON (Content-Type: application/json).")
        except Exception as exc:  # the same handlers as inside the operation
            return api.on_exception(request, exc)
        return run(request, **kwargs)

    return checked


api.add_decorator(_permission_first, mode="view")


def _json_method_not_allowed(view: Callable[..., Any]) -> Callable[..., Any]:
    """ninja answers a wrong method with an empty 405; ours says so in JSON like every error."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            answer = error_response(
                request, 405, HTTP_CODES[405], f"Use one of these methods: {allowed}."
            )
            answer["Allow"] = allowed
            return answer
        return response

    wrapper.api_operations = True  # type: ignore[attr-defined]
    return wrapper


def api_index(request: HttpRequest) -> JsonResponse:
    """/api/ answers where the schema and the docs are (ninja's own root is a bare 404)."""
    return JsonResponse(
        {"openapi": reverse("api:openapi-json"), "docs": reverse("api:openapi-view")}
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 handler: JSON below /api/ (no route matched there), the page elsewhere."""
    if request.path.startswith("/api/"):
        body = {"code": "not_found", "detail": "No API operation has this path.", "errors": []}
        return JsonResponse(body, status=404)
    return page_not_found(request, exception)


def api_urls() -> tuple[list[Any], str, str]:
    """``api.urls`` with every route declaring a permission (the permission-matrix test's rule).

    Operation routes are marked ``api_operations`` (each operation declares its own permission
    with ``api_requires``); the schema, the docs page and the API root are public documentation.
    """
    patterns, app_name, namespace = api.urls
    declared: list[Any] = []
    for pattern in patterns:
        assert isinstance(pattern, URLPattern)  # ninja makes flat patterns, no includes
        view: Callable[..., Any] = pattern.callback
        if "PathView" in getattr(view, "__qualname__", ""):  # the route of some operations
            callback = _json_method_not_allowed(view)
        elif pattern.name == "api-root":
            callback = requires("api.docs.view")(api_index)
        else:
            callback = requires("api.docs.view")(view)
        declared.append(URLPattern(pattern.pattern, callback, pattern.default_args, pattern.name))
    return declared, app_name, namespace


def _mount_routers() -> None:
    from skillstack.accounts.api import router as accounts_router
    from skillstack.audit.api import router as audit_router

    api.add_router("/", accounts_router)
    api.add_router("/", audit_router)

    from skillstack.assessment.api import router as assessment_router

    api.add_router("/", assessment_router)

    from skillstack.verification.api import router as verification_router

    api.add_router("/", verification_router)

    from skillstack.catalog.api import router as catalog_router

    api.add_router("/", catalog_router)

    from skillstack.issuing.api import router as issuing_router

    api.add_router("/", issuing_router)

    from skillstack.jobs.api import router as jobs_router

    api.add_router("/", jobs_router)

    from skillstack.matching.api import router as matching_router

    api.add_router("/", matching_router)

    from skillstack.hiring.api import router as hiring_router

    api.add_router("/", hiring_router)

    from skillstack.pathways.api import router as pathways_router

    api.add_router("/", pathways_router)

    from skillstack.trust.api import router as trust_router

    api.add_router("/", trust_router)

    from skillstack.oid4vci.api import router as oid4vci_router

    api.add_router("/", oid4vci_router)

    from skillstack.resume.api import router as resume_router

    api.add_router("/", resume_router)

    from skillstack.obapi.api import router as obapi_router

    api.add_router("/", obapi_router)

    from skillstack.outcomes.api import router as outcomes_router

    api.add_router("/", outcomes_router)


_mount_routers()
