"""Samples for the hiring routes: an open opening of world.issuer (the matrix's target
organization), the ``learner`` persona's application to it at screening, and a pending
invitation of the learner to a second opening."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from tests.api.samples import Samples


def _hiring(s: Samples) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        from skillstack.hiring.models import Invitation, Stage
        from skillstack.hiring.services.applications import application_move
        from skillstack.hiring.services.caseload import caseload_assign, consent_grant
        from skillstack.hiring.services.checkins import checkin_token, checkins_send_due
        from tests.hiring.helpers import applied, hired, open_opening

        world = s.world
        learner = world.people["learner"]
        opening = open_opening(world.issuer)
        application = applied(opening, learner, note="Sample note")
        application_move(
            application=application, stage=Stage.SCREENING, actor=world.people["issuer_admin"]
        )
        second = open_opening(world.issuer, title="QC Analyst")
        invitation = Invitation.objects.create(
            opening=second, candidate=learner, invited_by=world.people["issuer_admin"]
        )
        hire_opening = open_opening(world.issuer, title="Manufacturing Associate")
        placement = hired(
            applied(hire_opening, learner),
            world.people["issuer_admin"],
            start=timezone.localdate() - datetime.timedelta(days=31),
        )
        checkins_send_due()
        check_in = placement.checkins.get(day=30, respondent="worker")
        assignment = caseload_assign(
            organization=world.issuer,
            learner=learner,
            navigator=world.people["navigator"],
            actor=world.people["issuer_admin"],
        )
        consent_grant(learner=learner, organization=world.issuer, actor=learner)
        return {
            "assignment": assignment,
            "check_in_token": checkin_token(check_in),
            "opening": opening,
            "second": second,
            "application": application,
            "invitation": invitation,
        }

    return s.memo("hiring", make)  # type: ignore[no-any-return]


def _jobs_registers(name: str) -> bool:
    """The jobs app's routes may name ``opening_pk`` too: then its sample serves both."""
    try:
        from tests.jobs import route_samples
    except ImportError:
        return False
    return name in getattr(route_samples, "PATH_SAMPLES", {})


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "application_pk": lambda s: str(_hiring(s)["application"].pk),
    "invitation_pk": lambda s: str(_hiring(s)["invitation"].pk),
    "checkin_token": lambda s: _hiring(s)["check_in_token"],
    "assignment_pk": lambda s: str(_hiring(s)["assignment"].pk),
}
if not _jobs_registers("opening_pk"):
    PATH_SAMPLES["opening_pk"] = lambda s: str(_hiring(s)["second"].pk)

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "stage": lambda s: "interview",
    "start_date": lambda s: timezone.localdate().isoformat(),
    "role_title": lambda s: "Manufacturing Associate",
    "wage": lambda s: "23.75",
    "employment_type": lambda s: "full_time",
    "answer": lambda s: "employed",
}
