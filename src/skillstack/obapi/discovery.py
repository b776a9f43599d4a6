"""The Service Description Document (OB 3.0 §6.3, §7.1.1.1): an OpenAPI 3.0 document that
tells a client where to register, authorize and fetch tokens, and which scopes exist."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.obapi.scopes import (
    CREDENTIAL_READ,
    CREDENTIAL_UPSERT,
    DESCRIPTIONS,
    OB_SCOPES,
    PROFILE_READ,
    PROFILE_UPDATE,
)

DATE_TIME = "date-time"
ERRORS = {"default": {"description": "Imsx_StatusInfo: the request was refused or failed."}}


def _operation(operation_id: str, summary: str, scope: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "summary": summary,
        "security": [{"OAuth2ACG": [scope]}],
        "responses": {"200": {"description": summary}, **ERRORS},
    }


def service_description(*, absolute: Any) -> dict[str, Any]:
    """The SDD with absolute URLs; ``absolute(path)`` makes one (the request's host)."""
    site = "Skillstack"
    token_url = absolute(reverse("obapi:token"))
    credentials = {
        "get": {
            **_operation("getCredentials", "Get the learner's credentials", CREDENTIAL_READ),
            "parameters": [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                {
                    "name": "since",
                    "in": "query",
                    "schema": {"type": "string", "format": "date-time"},
                },
            ],
        },
        "post": _operation("upsertCredential", "Add a credential to the wallet", CREDENTIAL_UPSERT),
    }
    return {
        "openapi": "3.0.1",
        "info": {
            "title": f"{site} Open Badges API",
            "version": "3.0",
            "description": "1EdTech Open Badges 3.0 API: credentials and profile of a learner.",
            "termsOfService": absolute(reverse("core:home")),
            "x-imssf-privacyPolicyUrl": absolute(reverse("core:home")),
        },
        "servers": [{"url": absolute("/ims/ob/v3p0"), "description": site}],
        "paths": {
            "/credentials": credentials,
            "/profile": {
                "get": _operation("getProfile", "Get the learner's profile", PROFILE_READ),
                "put": _operation("putProfile", "Change the learner's name", PROFILE_UPDATE),
            },
            "/discovery": {
                "get": {
                    "operationId": "getServiceDescription",
                    "summary": "This document",
                    "responses": {"200": {"description": "The service description"}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "OAuth2ACG": {
                    "type": "oauth2",
                    "description": "OAuth 2.0 Authorization Code Grant with PKCE",
                    "x-imssf-name": site,
                    "x-imssf-registrationUrl": absolute(reverse("obapi:register")),
                    "flows": {
                        "authorizationCode": {
                            "authorizationUrl": absolute(reverse("obapi:authorize")),
                            "tokenUrl": token_url,
                            "refreshUrl": token_url,
                            "scopes": {s: DESCRIPTIONS[s] for s in OB_SCOPES},
                        }
                    },
                }
            },
            "schemas": {},
        },
    }
