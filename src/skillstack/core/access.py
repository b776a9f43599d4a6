"""The decorators that make every page and API operation name its permission.

``@requires("app.object.verb", org_kwarg="org_slug")`` on a view: anonymous visitors are sent
to sign in, the wrong person gets 403, an unknown organization 404. ``@api_requires`` does the
same for django-ninja operations, answering JSON. Both leave ``.permission`` on the function so
the permission-matrix test can find every route's rule.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from skillstack.core.permissions import Scope, can, rule_for

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class PermissionSpec:
    action: str
    org_kwarg: str | None


def _organization(slug: str) -> Any:
    from skillstack.accounts.models import Organization

    org = Organization.objects.filter(slug=slug).first()
    if org is None:
        raise Http404("No such organization")
    return org


def check_access(request: HttpRequest, action: str, *, org_slug: str | None = None) -> Any:
    """Return the organization named by ``org_slug`` (or None) if ``request.user`` may act."""
    rule_for(action)  # fail loudly on a typo in the action name
    org = _organization(org_slug) if org_slug is not None else None
    if not can(request.user, action, org=org):
        raise PermissionDenied(f"You may not perform {action}")
    request.organization = org  # type: ignore[attr-defined]
    return org


def requires(action: str, *, org_kwarg: str | None = None) -> Callable[[F], F]:
    rule_for_scope = rule_for  # resolved at call time: rules load after app registry is ready

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            needs_login = rule_for_scope(action).scope is not Scope.PUBLIC
            if needs_login and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            check_access(request, action, org_slug=kwargs.get(org_kwarg) if org_kwarg else None)
            return view(request, *args, **kwargs)

        wrapper.permission = PermissionSpec(action, org_kwarg)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator


def api_requires(action: str, *, org_kwarg: str | None = None) -> Callable[[F], F]:
    """Like ``requires`` for API operations; errors become JSON through the API's handlers."""

    def decorator(operation: F) -> F:
        @functools.wraps(operation)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if rule_for(action).scope is not Scope.PUBLIC and not request.user.is_authenticated:
                from ninja.errors import AuthenticationError

                raise AuthenticationError()
            check_access(request, action, org_slug=kwargs.get(org_kwarg) if org_kwarg else None)
            return operation(request, *args, **kwargs)

        wrapper.permission = PermissionSpec(action, org_kwarg)  # type: ignore[attr-defined]
        # ninja reads the operation's parameter types from the wrapper: resolve them here, in
        # the operation's own module, so API modules may use postponed annotations.
        wrapper.__signature__ = inspect.signature(operation, eval_str=True)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorator
