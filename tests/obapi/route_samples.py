"""Route samples of the Open Badges API: an app the ``learner`` persona connected (so the
disconnect page of any other persona finds nothing of theirs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples


def _client_app_pk(s: Samples) -> str:
    def make() -> str:
        from datetime import timedelta

        from django.utils import timezone
        from oauth2_provider.models import AccessToken, Application

        app = Application.objects.create(
            name="Sample host",
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris="https://host.example/cb",
        )
        AccessToken.objects.create(
            user=s.world.people["learner"],
            application=app,
            token="sample-access-token-for-the-matrix",
            expires=timezone.now() + timedelta(hours=1),
            scope="https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly",
        )
        return str(app.pk)

    return str(s.memo("obapi.application", make))


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {"client_app_pk": _client_app_pk}


def _ob2_credential(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.issuing.services import credential_issue_for_attempt
        from skillstack.obapi.ob2_services import ob2_publishing_set
        from tests.issuing.helpers import passed_attempt

        world = s.world
        ob2_publishing_set(
            organization=world.issuer, enabled=True, actor=world.people["issuer_admin"]
        )
        return credential_issue_for_attempt(attempt=passed_attempt(world))

    return s.memo("obapi.ob2_credential", make)


PATH_SAMPLES.update(
    {
        "assertion_uuid": lambda s: _ob2_credential(s).credential_id.removeprefix("urn:uuid:"),
        "badge_version_pk": lambda s: str(_ob2_credential(s).micro_credential_version_id),
        "issuer_slug": lambda s: (_ob2_credential(s), s.world.issuer.slug)[1],
    }
)
