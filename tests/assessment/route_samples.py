"""Samples for the assessment routes in the generated permission and bad-input tests: a session
of world.issuer today with the world's evaluator certified and assigned and the world's learner
on its roster, one recorded attempt, and the evaluator's certification."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from skillstack.assessment.models import Attempt, AttemptStatus
from tests.api.samples import Samples
from tests.assessment.helpers import ready_session

SAMPLE_CLIENT_ID = "6f1d2c3b-4a5e-4f60-9a1b-2c3d4e5f6a7b"


def _assessment(s: Samples) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        world = s.world
        session = ready_session(world)
        certification = session.micro_credential_version.micro_credential.certifications.get()
        attempt = Attempt.objects.create(
            session=session,
            learner=world.people["learner"],
            micro_credential_version=session.micro_credential_version,
            evaluator=world.people["evaluator"],
            certification=certification,
            observed_at=timezone.now(),
            observations={"checks_done": ["tip"], "rubric_levels": {}, "notes": {}},
            passed=False,
            reasons=["1 of the other steps needed"],
            to_practise=["prewet", "vertical"],
            status=AttemptStatus.FINAL,
            attested_at=timezone.now(),
        )
        return {"session": session, "certification": certification, "attempt": attempt}

    return s.memo("assessment", make)  # type: ignore[no-any-return]


def _later(days: int) -> Callable[[Samples], str]:
    return lambda s: (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "session_id": lambda s: str(_assessment(s)["session"].pk),
    "certification_id": lambda s: str(_assessment(s)["certification"].pk),
    "attempt_id": lambda s: str(_assessment(s)["attempt"].pk),
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "client_id": lambda s: SAMPLE_CLIENT_ID,
    "learner_id": lambda s: _assessment(s)["session"].roster.get().learner_id,
    "observed_at": lambda s: timezone.now().isoformat(),
    "attested_at": lambda s: timezone.now().isoformat(),
    "evaluator_id": lambda s: s.world.people["evaluator"].pk,
    "micro_credential_id": lambda s: _assessment(s)["certification"].micro_credential_id,
    "valid_from": _later(400),  # after the sample certification, so the grant is new
    "valid_until": _later(700),
    "withdrawal_reason": lambda s: "Skipped the critical step in two sessions.",
}
