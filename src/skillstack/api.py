"""The JSON API, mounted at /api/ with OpenAPI 3.1 docs at /api/docs.

Every error is JSON with a stable ``code``, a ``detail`` sentence and, for bad input, the
list of fields that are wrong and why. No traceback ever reaches a client.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import django_auth

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Skillstack API",
    version="1",
    description="Verified micro-credentials and skills-based hiring.",
    auth=django_auth,
    urls_namespace="api",
)


def _error(request: HttpRequest, status: int, code: str, detail: str, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"code": code, "detail": detail, **extra}, status=status)


def _field_errors(exc: ValidationError) -> list[dict[str, str]]:
    if hasattr(exc, "error_dict"):
        return [
            {"field": field, "message": message}
            for field, errors in exc.message_dict.items()
            for message in errors
        ]
    return [{"field": "__all__", "message": message} for message in exc.messages]


@api.exception_handler(NinjaValidationError)
def _on_bad_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {
            "field": ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "payload")),
            "message": str(err.get("msg", "invalid")),
        }
        for err in exc.errors
    ]
    return _error(request, 422, "input.invalid", "Some fields are missing or wrong.", errors=errors)


@api.exception_handler(ValidationError)
def _on_rule_broken(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = _field_errors(exc)
    return _error(request, 422, "input.invalid", errors[0]["message"], errors=errors)


@api.exception_handler(AuthenticationError)
def _on_anonymous(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "auth.required", "Sign in first.")


@api.exception_handler(PermissionDenied)
def _on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, "auth.forbidden", "You are not allowed to do this.")


@api.exception_handler(Http404)
def _on_missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", "Not found.")


@api.exception_handler(HttpError)
def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, f"http.{exc.status_code}", str(exc))


@api.exception_handler(Exception)
def _on_crash(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return _error(request, 500, "server.error", "Something went wrong on our side.")


def _mount_routers() -> None:
    from skillstack.accounts.api import router as accounts_router
    from skillstack.audit.api import router as audit_router

    api.add_router("/", accounts_router)
    api.add_router("/", audit_router)


_mount_routers()
