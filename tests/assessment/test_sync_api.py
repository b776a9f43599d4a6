"""The tablet's sync endpoint: recorded once per client id, judged on the server, refused to
anyone who may not evaluate this learner in this session today."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from skillstack.accounts.roles import Role
from skillstack.assessment.models import Attempt, AttemptStatus
from skillstack.assessment.services.certifications import certification_withdraw
from skillstack.audit.models import AuditEntry
from tests.assessment.helpers import (
    FAILING,
    PASSING,
    attempt_body,
    certify,
    planned_session,
    published_version,
    sync,
)
from tests.factories import grant, make_user, sign_in


def _evaluator_client(world) -> Client:
    client = Client()
    sign_in(client, world.people["evaluator"])
    return client


def test_the_same_observation_synced_twice_is_recorded_once(world, session) -> None:
    client = _evaluator_client(world)
    body = attempt_body(world.people["learner"], PASSING)
    first = sync(client, session, body)
    again = sync(client, session, body)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json() == first.json()
    assert Attempt.objects.filter(client_id=body["client_id"]).count() == 1
    assert AuditEntry.objects.filter(action="assessment.attempt.recorded").count() == 1


def test_a_reused_client_id_with_another_observation_is_a_conflict(world, session) -> None:
    client = _evaluator_client(world)
    body = attempt_body(world.people["learner"], PASSING)
    sync(client, session, body)
    changed = {**body, "checks_done": ["tip"]}
    response = sync(client, session, changed)
    assert response.status_code == 409
    assert "different observation" in response.json()["detail"]
    assert Attempt.objects.get(client_id=body["client_id"]).observations["checks_done"] == [
        "prewet",
        "tip",
    ]


def test_the_server_decides_a_pass_from_the_versions_rule(world, session) -> None:
    response = sync(
        _evaluator_client(world), session, attempt_body(world.people["learner"], PASSING)
    )
    assert response.json()["passed"] is True
    assert response.json()["status"] == "final"


def test_a_client_claiming_a_pass_for_a_failing_observation_is_still_a_fail(world, session) -> None:
    body = attempt_body(world.people["learner"], FAILING, client_verdict="passed")
    response = sync(_evaluator_client(world), session, body)
    data = response.json()
    assert response.status_code == 201
    assert data["passed"] is False
    assert data["reasons"] == ["Critical step not done: Fit a fresh tip"]
    assert data["to_practise"] == [{"key": "tip", "title": "Fit a fresh tip"}]
    attempt = Attempt.objects.get(client_id=body["client_id"])
    assert attempt.passed is False
    assert attempt.observations["client_verdict"] == "passed"


def test_a_passed_final_attempt_enqueues_its_credential_on_commit(
    world, session, enqueued, django_capture_on_commit_callbacks
) -> None:
    client = _evaluator_client(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = sync(client, session, attempt_body(world.people["learner"], PASSING))
    assert enqueued.calls == [("issue_credential_for_attempt", response.json()["id"])]


def test_a_failed_attempt_enqueues_no_credential(
    world, session, enqueued, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        sync(_evaluator_client(world), session, attempt_body(world.people["learner"], FAILING))
    assert enqueued.calls == []


def test_unknown_steps_are_named_in_the_error(world, session) -> None:
    body = attempt_body(world.people["learner"], {"checks_done": ["tip", "dance"]})
    response = sync(_evaluator_client(world), session, body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "checks_done"
    assert "dance" in response.json()["detail"]


def test_a_learner_not_on_the_roster_cannot_be_recorded(world, session) -> None:
    stranger = make_user(learner=True)
    response = sync(_evaluator_client(world), session, attempt_body(stranger, PASSING))
    assert response.status_code == 422
    assert "not on the session's roster" in response.json()["detail"]


def test_uncertified_evaluator_cannot_record(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    certify(world, world.people["evaluator"], version)
    session = planned_session(
        world, version, [world.people["evaluator"]], learners=(world.people["learner"],)
    )
    colleague = make_user(email="kim@example.test")
    grant(colleague, world.issuer, Role.EVALUATOR)
    session.evaluators.add(colleague)  # assigned, never certified
    client = Client()
    sign_in(client, colleague)
    response = sync(client, session, attempt_body(world.people["learner"], PASSING))
    assert response.status_code == 403
    assert "not currently certified" in response.json()["detail"]
    assert not Attempt.objects.exists()


def test_expired_evaluator_cannot_record(world, session) -> None:
    certification = world.people["evaluator"].evaluator_certifications.get()
    type(certification).objects.filter(pk=certification.pk).update(
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = sync(
        _evaluator_client(world), session, attempt_body(world.people["learner"], PASSING)
    )
    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_withdrawn_evaluator_cannot_record(world, session) -> None:
    certification_withdraw(
        certification=world.people["evaluator"].evaluator_certifications.get(),
        reason="Skipped the critical step twice.",
        actor=world.people["issuer_admin"],
    )
    response = sync(
        _evaluator_client(world), session, attempt_body(world.people["learner"], PASSING)
    )
    assert response.status_code == 403
    assert "withdrawn" in response.json()["detail"]


def test_evaluator_not_assigned_to_the_session_cannot_see_or_record_it(world, session) -> None:
    other = make_user(email="lee@example.test")
    grant(other, world.issuer, Role.EVALUATOR)
    certify(world, other, session.micro_credential_version)  # certified, but not assigned
    client = Client()
    sign_in(client, other)
    response = sync(client, session, attempt_body(world.people["learner"], PASSING))
    assert response.status_code == 404
    assert client.get(f"/api/orgs/bioskills/sessions/{session.pk}").status_code == 404
    assert not Attempt.objects.exists()


def test_evaluator_cannot_grade_own_attempt(world, session) -> None:
    evaluator = world.people["evaluator"]
    session.roster.create(learner=evaluator)  # slipped onto the roster by the ORM
    response = sync(_evaluator_client(world), session, attempt_body(evaluator, PASSING))
    assert response.status_code == 403
    assert "own attempt" in response.json()["detail"]
    assert not Attempt.objects.exists()


def test_the_database_refuses_a_self_evaluated_attempt(world, session) -> None:
    evaluator = world.people["evaluator"]
    try:
        with transaction.atomic():
            Attempt.objects.create(
                session=session,
                learner=evaluator,
                micro_credential_version=session.micro_credential_version,
                evaluator=evaluator,
                certification=evaluator.evaluator_certifications.get(),
                observed_at=timezone.now(),
                observations={},
                passed=True,
                status=AttemptStatus.FINAL,
                attested_at=timezone.now(),
            )
    except IntegrityError:
        pass
    else:
        raise AssertionError("the database accepted a self-evaluated attempt")
    assert not Attempt.objects.exists()


def test_nobody_reaches_a_session_through_another_organization(world, session) -> None:
    client = _evaluator_client(world)
    url = f"/api/orgs/bioskills/sessions/{session.pk}/attempts"
    outsider = Client()
    sign_in(outsider, world.people["outsider"])
    body = attempt_body(world.people["learner"], PASSING)
    assert outsider.post(url, body, content_type="application/json").status_code == 403
    wrong_org = f"/api/orgs/other/sessions/{session.pk}/attempts"
    assert client.post(wrong_org, body, content_type="application/json").status_code == 403
    assert not Attempt.objects.exists()


def test_an_observation_dated_before_the_session_is_refused(world, session) -> None:
    long_ago = (timezone.now() - datetime.timedelta(days=30)).isoformat()
    body = attempt_body(world.people["learner"], PASSING, observed_at=long_ago)
    response = sync(_evaluator_client(world), session, body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "observed_at"


def test_the_evaluator_lists_only_their_sessions(world, session) -> None:
    version = session.micro_credential_version
    colleague = make_user()
    grant(colleague, world.issuer, Role.EVALUATOR)
    certify(world, colleague, version)
    planned_session(world, version, [colleague])
    response = _evaluator_client(world).get("/api/orgs/bioskills/sessions")
    assert [s["id"] for s in response.json()] == [session.pk]
    detail = _evaluator_client(world).get(f"/api/orgs/bioskills/sessions/{session.pk}").json()
    assert [s["key"] for s in detail["steps"]] == ["tip", "prewet", "vertical", "accuracy"]
    assert detail["roster"][0]["learner_id"] == world.people["learner"].pk
