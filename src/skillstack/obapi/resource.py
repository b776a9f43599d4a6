"""Bearer tokens on the Open Badges API's resource endpoints, and its error documents.

Each endpoint needs one OB scope (OB 3.0 §6.2.1). A request with ``Authorization: Bearer``
is judged by its token alone (django-oauth-toolkit checks it, its expiry and its scopes) and
acts as the token's learner. Without one, a signed-in learner may still *read* their own
data in the browser (a session never writes here, so no cross-site request can); anyone
else gets 401 with ``WWW-Authenticate``. Errors are ``Imsx_StatusInfo`` documents.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from oauth2_provider.oauth2_backends import get_oauthlib_core

SAFE_METHODS = {"GET", "HEAD"}


def status_info(status: int, minor: str, description: str) -> JsonResponse:
    """An ``Imsx_StatusInfo`` failure (OB 3.0 §B.3) with HTTP ``status``."""
    body = {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_codeMinor": {
            "imsx_codeMinorField": [
                {"imsx_codeMinorFieldName": "TargetEndSystem", "imsx_codeMinorFieldValue": minor}
            ]
        },
    }
    response = JsonResponse(body, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="Open Badges API"'
    return response


def _bearer(request: HttpRequest) -> bool:
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def oauth_resource(scope: str) -> Callable[[Callable[..., HttpResponse]], Any]:
    """Authenticate the request by its bearer token (needing ``scope``), or a session read."""

    def decorator(view: Callable[..., HttpResponse]) -> Any:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if _bearer(request):
                core = get_oauthlib_core()
                valid, oauth = core.verify_request(request, scopes=[])
                if not valid or oauth.access_token is None:
                    return status_info(401, "unauthorisedrequest", "The access token is invalid.")
                if scope not in oauth.access_token.scope.split():
                    return status_info(
                        403, "forbidden", f"The access token does not grant the scope {scope}."
                    )
                request.user = oauth.user
                request.oauth_token = oauth.access_token  # type: ignore[attr-defined]
            elif not request.user.is_authenticated or request.method not in SAFE_METHODS:
                return status_info(
                    401, "unauthorisedrequest", "An OAuth 2.0 bearer token is required."
                )
            return view(request, *args, **kwargs)

        wrapper.csrf_exempt = True  # type: ignore[attr-defined]  # bearer or read-only
        wrapper.bearer_token = True  # type: ignore[attr-defined]
        return wrapper

    return decorator
