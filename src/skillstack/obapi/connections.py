"""The apps a learner has connected through OAuth, and disconnecting one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application, Grant, RefreshToken

from skillstack.audit.services import audit_record
from skillstack.obapi.scopes import DESCRIPTIONS


@dataclass(frozen=True, slots=True)
class Connection:
    application: Application
    scopes: list[str]  # plain-words descriptions of what it may do
    since: datetime
    active: bool


def connections_of(*, user: Any) -> list[Connection]:
    """Every app holding a token of ``user``, with the union of what the tokens allow."""
    found: dict[int, Connection] = {}
    now = timezone.now()
    tokens = AccessToken.objects.filter(user=user).select_related("application")
    for token in tokens.order_by("created"):
        app = token.application
        if app is None:
            continue
        known = found.get(app.pk)
        scopes = set(known.scopes if known else []) | {
            DESCRIPTIONS.get(s, s) for s in token.scope.split()
        }
        found[app.pk] = Connection(
            application=app,
            scopes=sorted(scopes),
            since=known.since if known else token.created,
            active=(known.active if known else False) or token.expires > now,
        )
    refresh_apps = RefreshToken.objects.filter(user=user, revoked__isnull=True).values_list(
        "application_id", flat=True
    )
    return [
        Connection(c.application, c.scopes, c.since, c.active or c.application.pk in refresh_apps)
        for c in found.values()
    ]


def connection_revoke(*, user: Any, application_pk: int) -> str | None:
    """Withdraw every token and code ``user`` gave the app; its name, or None if none."""
    application = Application.objects.filter(pk=application_pk).first()
    if application is None:
        return None
    with transaction.atomic():
        refresh = RefreshToken.objects.filter(user=user, application=application)
        access = AccessToken.objects.filter(user=user, application=application)
        if not access.exists() and not refresh.exists():
            return None
        for token in refresh.filter(revoked__isnull=True):
            token.revoke()
        access.delete()
        Grant.objects.filter(user=user, application=application).delete()
        audit_record(
            action="obapi.connection.revoked",
            actor=user,
            obj=application,
            data={"client_id": application.client_id, "name": application.name},
        )
    return application.name
