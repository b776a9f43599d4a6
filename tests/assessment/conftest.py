"""Fixtures of the assessment tests: a session ready to be evaluated, and a record of the
issuing tasks that assessment enqueues (issuance itself is the issuing app's, tested there)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from skillstack.assessment.models import AssessmentSession
from tests.assessment.helpers import ready_session
from tests.conftest import World


@dataclass
class Enqueued:
    calls: list[tuple[str, int]] = field(default_factory=list)


class _FakeTask:
    def __init__(self, name: str, record: Enqueued) -> None:
        self.name, self.record = name, record

    def enqueue(self, pk: int) -> None:
        self.record.calls.append((self.name, pk))


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> Enqueued:
    """Replace the issuing tasks by recorders (on-commit callbacks still have to run)."""
    from skillstack.issuing import tasks

    record = Enqueued()
    for name in ("issue_credential_for_attempt", "issue_certification_credential"):
        monkeypatch.setattr(tasks, name, _FakeTask(name, record))
    return record


@pytest.fixture
def session(world: World) -> AssessmentSession:
    return ready_session(world)


@pytest.fixture
def cosign_session(world: World) -> AssessmentSession:
    return ready_session(world, requires_cosign=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    """Evidence photos go to a throw-away folder, not the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
