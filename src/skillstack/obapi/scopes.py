"""The Open Badges 3.0 API's OAuth scopes (OB 3.0 §6.2.1), and which a client may ask for.

A client registers the scopes it needs (RFC 7591 ``scope``); it can never be granted more,
whatever it asks for later. ``offline_access`` lets it receive a refresh token.
"""

from __future__ import annotations

from typing import Any

PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/scope/"
CREDENTIAL_READ = PREFIX + "credential.readonly"
CREDENTIAL_UPSERT = PREFIX + "credential.upsert"
PROFILE_READ = PREFIX + "profile.readonly"
PROFILE_UPDATE = PREFIX + "profile.update"
OFFLINE = "offline_access"

DESCRIPTIONS = {
    CREDENTIAL_READ: "Read your credentials",
    CREDENTIAL_UPSERT: "Add credentials to your wallet (each one is verified first)",
    PROFILE_READ: "Read your profile (name and e-mail)",
    PROFILE_UPDATE: "Change your profile's name",
    OFFLINE: "Keep access when you are not signed in (until you disconnect the app)",
}
OB_SCOPES = (CREDENTIAL_READ, CREDENTIAL_UPSERT, PROFILE_READ, PROFILE_UPDATE)


class ClientScopes:
    """django-oauth-toolkit scopes backend: a client's registered scopes, nothing more."""

    def get_all_scopes(self) -> dict[str, str]:
        return dict(DESCRIPTIONS)

    def get_available_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        registered = getattr(application, "registration", None)
        if registered is None:
            return []
        return [s for s in registered.scope.split() if s in DESCRIPTIONS]

    def get_default_scopes(
        self, application: Any = None, request: Any = None, *args: Any, **kwargs: Any
    ) -> list[str]:
        return [s for s in self.get_available_scopes(application) if s != OFFLINE]
