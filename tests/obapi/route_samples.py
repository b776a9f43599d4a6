"""Route samples of the Open Badges API: an app the ``learner`` persona connected (so the
disconnect page of any other persona finds nothing of theirs)."""

from __future__ import annotations

from collections.abc import Callable

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
