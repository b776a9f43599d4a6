"""OAuth 2.0 Dynamic Client Registration (RFC 7591), as the Open Badges API asks (OB 3.0
§7.1.1.2): any badge host or learning platform may register; what it may ever do is limited
by the scopes it registers and by what each learner then grants it.

Errors follow RFC 7591 §3.2.2: ``invalid_redirect_uri`` or ``invalid_client_metadata`` with
a description naming the field.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from oauth2_provider.models import Application

from skillstack.audit.services import audit_record
from skillstack.obapi.models import ClientRegistration
from skillstack.obapi.scopes import DESCRIPTIONS, OFFLINE

GRANT_TYPES = {"authorization_code", "refresh_token"}
AUTH_METHODS = {"client_secret_basic", "client_secret_post"}
URI_FIELDS = ("client_uri", "logo_uri", "tos_uri", "policy_uri")
REGISTRATIONS_PER_HOUR = 20


class RegistrationError(Exception):
    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


@dataclass(frozen=True, slots=True)
class Registered:
    application: Application
    client_secret: str  # shown once; only its hash is stored
    response: dict[str, Any]


def _text(metadata: dict[str, Any], name: str, *, required: bool = False, limit: int = 200) -> str:
    value = metadata.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RegistrationError("invalid_client_metadata", f"{name} must be a string.")
    value = value.strip()
    if required and not value:
        raise RegistrationError("invalid_client_metadata", f"{name} is required.")
    if len(value) > limit:
        raise RegistrationError("invalid_client_metadata", f"{name} is longer than {limit}.")
    return value


def _web_uri(value: str, name: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise RegistrationError("invalid_client_metadata", f"{name} must be an http(s) URL.")
    return value


def _redirect_uris(metadata: dict[str, Any]) -> list[str]:
    uris = metadata.get("redirect_uris")
    if not isinstance(uris, list) or not uris or len(uris) > 10:
        raise RegistrationError(
            "invalid_redirect_uri", "redirect_uris must list one to ten redirect URIs."
        )
    for uri in uris:
        if not isinstance(uri, str) or len(uri) > 500:
            raise RegistrationError("invalid_redirect_uri", "Each redirect URI is a string URL.")
        parts = urlsplit(uri)
        loopback = parts.scheme == "http" and parts.hostname in {"localhost", "127.0.0.1", "::1"}
        plain_http_ok = parts.scheme == "http" and not settings.PRODUCTION
        if parts.fragment or not parts.netloc or " " in uri:
            raise RegistrationError(
                "invalid_redirect_uri",
                f"{uri!r} is not an absolute URL without a fragment.",
            )
        if parts.scheme != "https" and not (loopback or plain_http_ok):
            raise RegistrationError(
                "invalid_redirect_uri",
                f"{uri!r} must use https (plain http only for a loopback address).",
            )
    return uris


def _scopes(metadata: dict[str, Any]) -> str:
    requested = _text(metadata, "scope", required=True, limit=1000).split()
    unknown = [s for s in requested if s not in DESCRIPTIONS]
    if unknown:
        raise RegistrationError(
            "invalid_client_metadata", f"scope names unknown scopes: {' '.join(unknown)}."
        )
    return " ".join(dict.fromkeys(requested))


def _list_within(
    metadata: dict[str, Any], name: str, allowed: set[str], default: list[str]
) -> list[str]:
    values = metadata.get(name, default)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RegistrationError("invalid_client_metadata", f"{name} must be a list of strings.")
    wrong = sorted(set(values) - allowed)
    if wrong:
        raise RegistrationError(
            "invalid_client_metadata",
            f"{name} may only contain {', '.join(sorted(allowed))} (not {', '.join(wrong)}).",
        )
    return values


def _throttled(ip: str) -> bool:
    key = f"oauth-register:{ip}"
    if cache.add(key, 1, timeout=3600):
        return False
    try:
        return cache.incr(key) > REGISTRATIONS_PER_HOUR
    except ValueError:
        return False


def client_register(*, metadata: Any, ip: str) -> Registered:
    """Register a client from RFC 7591 metadata; RegistrationError says what is wrong."""
    if not isinstance(metadata, dict):
        raise RegistrationError("invalid_client_metadata", "The body must be a JSON object.")
    if _throttled(ip):
        raise RegistrationError(
            "invalid_client_metadata", "Too many registrations from this address; try later."
        )
    name = _text(metadata, "client_name", required=True)
    uris = {f: _text(metadata, f, limit=500) for f in URI_FIELDS}
    for field, value in uris.items():
        if value:
            _web_uri(value, field)
    redirect_uris = _redirect_uris(metadata)
    grant_types = _list_within(metadata, "grant_types", GRANT_TYPES, ["authorization_code"])
    if "authorization_code" not in grant_types:
        raise RegistrationError(
            "invalid_client_metadata", "grant_types must include authorization_code."
        )
    _list_within(metadata, "response_types", {"code"}, ["code"])
    method = _text(metadata, "token_endpoint_auth_method") or "client_secret_basic"
    if method not in AUTH_METHODS:
        raise RegistrationError(
            "invalid_client_metadata",
            "token_endpoint_auth_method must be client_secret_basic or client_secret_post.",
        )
    scope = _scopes(metadata)
    if "refresh_token" not in grant_types:
        scope = " ".join(s for s in scope.split() if s != OFFLINE)
    contacts = metadata.get("contacts", [])
    if not isinstance(contacts, list) or not all(isinstance(c, str) for c in contacts):
        raise RegistrationError("invalid_client_metadata", "contacts must be a list of strings.")
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        application = Application(
            name=name,
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(redirect_uris),
            client_secret=secret,
            hash_client_secret=True,
            algorithm="",
        )
        application.full_clean(exclude=["user", "client_secret"])
        application.save()
        registration = ClientRegistration.objects.create(
            application=application,
            software_id=_text(metadata, "software_id"),
            software_version=_text(metadata, "software_version", limit=100),
            contacts=contacts[:10],
            scope=scope,
            token_endpoint_auth_method=method,
            **uris,
        )
        audit_record(
            action="obapi.client.registered",
            actor=None,
            organization=None,
            obj=registration,
            data={"client_id": application.client_id, "name": name, "ip": ip},
        )
    response = {
        "client_id": application.client_id,
        "client_secret": secret,
        "client_id_issued_at": int(registration.registered_at.timestamp()),
        "client_secret_expires_at": 0,
        "client_name": name,
        **{f: v for f, v in uris.items() if v},
        "redirect_uris": redirect_uris,
        "token_endpoint_auth_method": method,
        "grant_types": grant_types,
        "response_types": ["code"],
        "scope": scope,
    }
    if registration.software_id:
        response["software_id"] = registration.software_id
    if registration.software_version:
        response["software_version"] = registration.software_version
    return Registered(application, secret, response)
