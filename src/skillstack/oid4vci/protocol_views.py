"""The machine endpoints wallet apps call: thin, CSRF-exempt (no cookies are involved), JSON.

Errors answer ``{"error", "error_description"}`` with the status the spec gives; responses
carrying codes, tokens or nonces are never cached (``Cache-Control: no-store``). Only the two
public metadata documents allow any origin (browser-based wallets read them); nothing here
fetches a URL a wallet supplies.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from skillstack.core.access import requires
from skillstack.oid4vci import exchanges, metadata, protocol
from skillstack.oid4vci.errors import ProtocolError

ACTION = "oid4vci.protocol.use"


def _json(body: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _error(err: ProtocolError) -> JsonResponse:
    response = _json(err.as_json(), err.status)
    if err.error == "invalid_token":
        response["WWW-Authenticate"] = f'Bearer error="invalid_token", error_description="{err}"'
    return response


def _answering(run: Callable[[], dict[str, Any]]) -> JsonResponse:
    try:
        return _json(run())
    except ProtocolError as err:
        return _error(err)
    except RequestDataTooBig:
        return _error(ProtocolError("invalid_request", "The request body is too large."))


def _json_body(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ProtocolError("invalid_request", "The body is not valid JSON.") from None


def _public(body: dict[str, Any]) -> JsonResponse:
    response = JsonResponse(body)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
@requires(ACTION)
def issuer_metadata(request: HttpRequest) -> HttpResponse:
    return _public(metadata.credential_issuer_metadata())


@require_GET
@requires(ACTION)
def authorization_server_metadata(request: HttpRequest) -> HttpResponse:
    return _public(metadata.authorization_server_metadata())


def _token_params(request: HttpRequest) -> dict[str, Any]:
    """RFC 6749 §4.1.3: form-encoded; a JSON body is read too, for lenient clients."""
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        body = _json_body(request)
        return body if isinstance(body, dict) else {}
    return request.POST.dict()


@require_GET
@requires(ACTION)
def offer(request: HttpRequest, wallet_offer_handle: str) -> HttpResponse:
    return _answering(lambda: protocol.credential_offer(handle=wallet_offer_handle))


@csrf_exempt
@require_POST
@requires(ACTION)
def token(request: HttpRequest) -> HttpResponse:
    def run() -> dict[str, Any]:
        params = _token_params(request)
        return protocol.access_token_grant(
            grant_type=params.get("grant_type"),
            code=params.get("pre-authorized_code"),
            tx_code=params.get("tx_code"),
        )

    return _answering(run)


@csrf_exempt
@require_POST
@requires(ACTION)
def nonce(request: HttpRequest) -> HttpResponse:
    return _answering(protocol.nonce_issue)


@csrf_exempt
@require_POST
@requires(ACTION)
def credential(request: HttpRequest) -> HttpResponse:
    def run() -> dict[str, Any]:
        return protocol.credential_request(
            authorization=request.META.get("HTTP_AUTHORIZATION"), body=_json_body(request)
        )

    return _answering(run)


@csrf_exempt
@require_http_methods(["GET", "POST"])
@requires(ACTION)
def exchange(request: HttpRequest, wallet_exchange_id: str) -> HttpResponse:
    if request.method == "GET":
        return _answering(lambda: exchanges.exchange_protocols(exchange_id=wallet_exchange_id))
    return _answering(
        lambda: exchanges.exchange_step(exchange_id=wallet_exchange_id, body=_json_body(request))
    )
