"""What a client told us when it registered (RFC 7591), beside django-oauth-toolkit's
Application, which holds its id, hashed secret and redirect URIs."""

from __future__ import annotations

from django.db import models


class ClientRegistration(models.Model):
    application = models.OneToOneField(
        "oauth2_provider.Application", on_delete=models.CASCADE, related_name="registration"
    )
    client_uri = models.URLField(max_length=500, blank=True)
    logo_uri = models.URLField(max_length=500, blank=True)
    tos_uri = models.URLField(max_length=500, blank=True)
    policy_uri = models.URLField(max_length=500, blank=True)
    software_id = models.CharField(max_length=200, blank=True)
    software_version = models.CharField(max_length=100, blank=True)
    contacts = models.JSONField(default=list, blank=True)
    scope = models.TextField(help_text="The scopes it may ever be granted, space-separated.")
    token_endpoint_auth_method = models.CharField(max_length=30, default="client_secret_basic")
    registered_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.application.name} ({self.application.client_id})"


class Ob2Publishing(models.Model):
    """An issuer's choice to publish its credentials as Open Badges 2.0 hosted assertions too."""

    organization = models.OneToOneField(
        "accounts.Organization", on_delete=models.CASCADE, related_name="ob2_publishing"
    )
    enabled = models.BooleanField(default=False)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.organization}: OB 2.0 {'on' if self.enabled else 'off'}"
