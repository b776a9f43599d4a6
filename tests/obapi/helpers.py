"""A badge host as the Open Badges API's certification steps run it: register, authorize with
PKCE, exchange the code, call the API with the token."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.test import Client

from skillstack.obapi.scopes import (
    CREDENTIAL_READ,
    CREDENTIAL_UPSERT,
    OFFLINE,
    PROFILE_READ,
    PROFILE_UPDATE,
)

ALL_SCOPES = f"{CREDENTIAL_READ} {CREDENTIAL_UPSERT} {PROFILE_READ} {PROFILE_UPDATE} {OFFLINE}"
REDIRECT = "https://host.example/callback"


@dataclass
class Host:
    client_id: str
    client_secret: str
    registration: dict[str, Any]

    def basic(self) -> str:
        raw = f"{self.client_id}:{self.client_secret}".encode()
        return "Basic " + base64.b64encode(raw).decode()


def register(client: Client, *, scope: str = ALL_SCOPES, **extra: Any) -> Host:
    body = {
        "client_name": "Example Badge Host",
        "client_uri": "https://host.example/",
        "redirect_uris": [REDIRECT],
        "token_endpoint_auth_method": "client_secret_basic",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "scope": scope,
        **extra,
    }
    response = client.post(
        "/ims/ob/v3p0/oauth/register", data=body, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    return Host(data["client_id"], data["client_secret"], data)


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def authorize(learner_client: Client, host: Host, *, scope: str, challenge: str) -> str:
    """The learner agrees on the consent page; the code the host receives."""
    params = {
        "response_type": "code",
        "client_id": host.client_id,
        "redirect_uri": REDIRECT,
        "scope": scope,
        "state": "st-123",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    page = learner_client.get("/ims/ob/v3p0/oauth/authorize", params)
    assert page.status_code == 200, page.content
    assert b"Connect Example Badge Host" in page.content
    form = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    answer = learner_client.post("/ims/ob/v3p0/oauth/authorize", {**form, "allow": "Authorize"})
    assert answer.status_code == 302, answer.content
    location = urlsplit(answer["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["st-123"]
    return query["code"][0]


def exchange(client: Client, host: Host, *, code: str, verifier: str) -> dict[str, Any]:
    response = client.post(
        "/ims/ob/v3p0/oauth/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        HTTP_AUTHORIZATION=host.basic(),
    )
    assert response.status_code == 200, response.content
    return response.json()


def connect(client: Client, learner_client: Client, *, scope: str = ALL_SCOPES) -> dict[str, Any]:
    """Register a host, let the learner connect it, and return the token response."""
    host = register(client, scope=ALL_SCOPES)
    verifier, challenge = pkce()
    code = authorize(learner_client, host, scope=scope, challenge=challenge)
    tokens = exchange(client, host, code=code, verifier=verifier)
    tokens["host"] = host
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
