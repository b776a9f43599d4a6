"""A learner's own results: passed or not, which steps to practise, where to try again."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import timezone

from tests.assessment.helpers import FAILING, PASSING, attempt_body, planned_session, sync
from tests.factories import make_user, sign_in


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_a_failed_learner_sees_what_to_practise_and_a_later_session(world, session) -> None:
    sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], FAILING)
    )
    later = planned_session(
        world,
        session.micro_credential_version,
        [world.people["evaluator"]],
        date=timezone.localdate() + datetime.timedelta(days=14),
    )
    page = _client(world.people["learner"]).get("/me/attempts/").content.decode()
    assert "Accurate Pipetting: not passed" in page
    assert "Fit a fresh tip" in page
    assert later.date.strftime("%-d %b %Y") in page


def test_a_passed_learner_sees_the_pass_and_no_practice(world, session) -> None:
    sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], PASSING)
    )
    page = _client(world.people["learner"]).get("/me/attempts/").content.decode()
    assert "Accurate Pipetting: passed" in page
    assert "Practise these steps" not in page


def test_a_learner_sees_only_their_own_attempts(world, session) -> None:
    sync(
        _client(world.people["evaluator"]), session, attempt_body(world.people["learner"], FAILING)
    )
    other = make_user(learner=True)
    page = _client(other).get("/me/attempts/").content.decode()
    assert "You have not been assessed yet." in page


def test_a_reassessment_in_a_later_session_is_a_new_attempt(world, session) -> None:
    evaluator = _client(world.people["evaluator"])
    sync(evaluator, session, attempt_body(world.people["learner"], FAILING))
    later = planned_session(
        world,
        session.micro_credential_version,
        [world.people["evaluator"]],
        learners=(world.people["learner"],),
        date=timezone.localdate() + datetime.timedelta(days=1),
    )
    tomorrow = (timezone.now() + datetime.timedelta(minutes=5)).isoformat()
    response = sync(
        evaluator, later, attempt_body(world.people["learner"], PASSING, observed_at=tomorrow)
    )
    assert response.status_code == 201
    page = _client(world.people["learner"]).get("/me/attempts/").content.decode()
    assert page.count("Accurate Pipetting: ") == 2


def test_dashboard_links_each_role_to_its_assessment_pages(world) -> None:
    learner_page = _client(world.people["learner"]).get("/dashboard/").content.decode()
    assert "/me/attempts/" in learner_page
    evaluator_page = _client(world.people["evaluator"]).get("/dashboard/").content.decode()
    assert "/orgs/bioskills/sessions/" in evaluator_page
    designer_page = _client(world.people["designer"]).get("/dashboard/").content.decode()
    assert "/orgs/bioskills/evaluators/" in designer_page
