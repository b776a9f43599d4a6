"""Co-signing by a second evaluator, and corrections that supersede instead of editing."""

from __future__ import annotations

from django.test import Client

from skillstack.accounts.roles import Role
from skillstack.assessment.models import Attempt, AttemptStatus
from skillstack.audit.models import AuditEntry
from tests.assessment.helpers import FAILING, PASSING, attempt_body, certify, sync
from tests.factories import grant, make_user, sign_in


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _second_evaluator(world, session):
    second = make_user(email="second@example.test", full_name="Second Evaluator")
    grant(second, world.issuer, Role.EVALUATOR)
    certify(world, second, session.micro_credential_version)
    session.evaluators.add(second)
    return second


def test_a_cosigned_passed_attempt_becomes_final_and_enqueues_its_credential(
    world, cosign_session, enqueued, django_capture_on_commit_callbacks
) -> None:
    second = _second_evaluator(world, cosign_session)
    with django_capture_on_commit_callbacks(execute=True):
        data = sync(
            _client(world.people["evaluator"]),
            cosign_session,
            attempt_body(world.people["learner"], PASSING),
        ).json()
    assert data["status"] == "awaiting_cosign"
    assert enqueued.calls == []
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(second).post(
            f"/orgs/bioskills/attempts/{data['id']}/cosign/", follow=True
        )
    assert "it is final" in response.content.decode()
    attempt = Attempt.objects.get(pk=data["id"])
    assert (attempt.status, attempt.cosigned_by) == (AttemptStatus.FINAL, second)
    assert enqueued.calls == [("issue_credential_for_attempt", attempt.pk)]


def test_the_observing_evaluator_cannot_cosign_their_own_result(world, cosign_session) -> None:
    client = _client(world.people["evaluator"])
    data = sync(client, cosign_session, attempt_body(world.people["learner"], PASSING)).json()
    response = client.post(f"/orgs/bioskills/attempts/{data['id']}/cosign/", follow=True)
    assert "cannot also co-sign" in response.content.decode()
    assert Attempt.objects.get(pk=data["id"]).status == AttemptStatus.AWAITING_COSIGN


def test_an_uncertified_second_evaluator_cannot_cosign(world, cosign_session) -> None:
    second = make_user()
    grant(second, world.issuer, Role.EVALUATOR)
    cosign_session.evaluators.add(second)
    data = sync(
        _client(world.people["evaluator"]),
        cosign_session,
        attempt_body(world.people["learner"], PASSING),
    ).json()
    response = _client(second).post(f"/orgs/bioskills/attempts/{data['id']}/cosign/", follow=True)
    assert "not currently certified" in response.content.decode()
    assert Attempt.objects.get(pk=data["id"]).status == AttemptStatus.AWAITING_COSIGN


def test_a_correction_supersedes_the_attempt_and_keeps_the_original(
    world, session, enqueued, django_capture_on_commit_callbacks
) -> None:
    data = sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], FAILING)
    ).json()
    form = {
        "reason": "The tip was changed; I ticked the wrong row.",
        "step_tip": "on",
        "step_prewet": "on",
        "step_accuracy": "3",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(world.people["issuer_admin"]).post(
            f"/orgs/bioskills/attempts/{data['id']}/correct/", form, follow=True
        )
    assert "The corrected result is recorded" in response.content.decode()
    old = Attempt.objects.get(pk=data["id"])
    new = Attempt.objects.get(supersedes=old)
    assert old.status == AttemptStatus.SUPERSEDED and old.passed is False
    assert new.passed is True and new.status == AttemptStatus.FINAL
    assert new.correction_reason == "The tip was changed; I ticked the wrong row."
    assert new.corrected_by == world.people["issuer_admin"]
    assert AuditEntry.objects.filter(action="assessment.attempt.corrected").count() == 1
    assert enqueued.calls == [("issue_credential_for_attempt", new.pk)]


def test_a_correction_needs_a_reason(world, session) -> None:
    data = sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], FAILING)
    ).json()
    response = _client(world.people["evaluator"]).post(
        f"/orgs/bioskills/attempts/{data['id']}/correct/", {"reason": ""}
    )
    assert response.status_code == 400
    assert Attempt.objects.get(pk=data["id"]).status == AttemptStatus.FINAL


def test_a_superseded_attempt_cannot_be_corrected_again(world, session) -> None:
    data = sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], FAILING)
    ).json()
    admin = _client(world.people["issuer_admin"])
    url = f"/orgs/bioskills/attempts/{data['id']}/correct/"
    admin.post(url, {"reason": "First correction, tip was fitted."})
    response = admin.post(url, {"reason": "Second correction of the same row."})
    assert response.status_code == 400
    assert "already corrected" in response.content.decode()
    assert Attempt.objects.count() == 2


def test_correcting_a_pass_into_a_fail_revokes_the_credential_it_earned(world, session) -> None:
    from skillstack.issuing.models import CredentialState
    from skillstack.issuing.services import credential_issue_for_attempt

    data = sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], PASSING)
    ).json()
    earned = credential_issue_for_attempt(attempt=Attempt.objects.get(pk=data["id"]))
    form = {"reason": "Wrong learner recorded; nothing was observed for this person."}
    response = _client(world.people["issuer_admin"]).post(
        f"/orgs/bioskills/attempts/{data['id']}/correct/", form, follow=True
    )
    assert "The corrected result is recorded" in response.content.decode()
    earned.refresh_from_db()
    assert earned.state == CredentialState.REVOKED
    assert earned.state_reason.startswith("Result corrected: Wrong learner recorded")
