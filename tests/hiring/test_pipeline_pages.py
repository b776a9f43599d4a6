"""The employer's pipeline: filters, the candidate's verified credentials, moves that the
stage rules allow (and clear refusals for those they do not), the hire and its check-ins."""

from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.hiring.models import Application, Placement, RetentionCheckin, Stage
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.hiring.helpers import applied, at_offer, open_opening


def _recruiter(world: World) -> Client:
    client = Client()
    sign_in(client, world.people["recruiter"])
    return client


def test_pipeline_filters_by_opening_and_stage(world: World) -> None:
    technician = open_opening(world.employer)
    analyst = open_opening(world.employer, title="QC Analyst")
    ana = make_user(full_name="Ana Ortiz", learner=True)
    ben = make_user(full_name="Ben Osei", learner=True)
    applied(technician, ana)
    moved = applied(analyst, ben)
    at_offer(moved, world.people["recruiter"])
    client = _recruiter(world)

    everyone = client.get("/orgs/plant/applications/").content.decode()
    assert "Ana Ortiz" in everyone and "Ben Osei" in everyone
    by_opening = client.get(f"/orgs/plant/applications/?opening={technician.pk}").content.decode()
    assert "Ana Ortiz" in by_opening and "Ben Osei" not in by_opening
    by_stage = client.get("/orgs/plant/applications/?stage=offer").content.decode()
    assert "Ben Osei" in by_stage and "Ana Ortiz" not in by_stage


def test_another_employers_application_is_not_found(world: World) -> None:
    application = applied(open_opening(world.employer), world.people["learner"])
    client = Client()
    sign_in(client, world.people["outsider"])
    assert client.get(f"/orgs/other/applications/{application.pk}/").status_code == 404
    response = client.post(f"/orgs/other/applications/{application.pk}/move/", {"stage": "offer"})
    assert response.status_code == 404
    assert Application.objects.get().stage == Stage.APPLIED


def test_recruiter_moves_to_interview_and_the_candidate_is_emailed(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    learner = world.people["learner"]
    application = applied(open_opening(world.employer), learner)
    client = _recruiter(world)
    page = client.get(f"/orgs/plant/applications/{application.pk}/").content.decode()
    assert "Verified credentials" in page and learner.email in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/orgs/plant/applications/{application.pk}/move/",
            {"stage": "interview", "note": "Thursday 10:00, building 2"},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == Stage.INTERVIEW
    assert list(application.stage_changes.values_list("stage", flat=True)) == [
        "applied",
        "interview",
    ]
    assert AuditEntry.objects.filter(
        action="hiring.application.moved", data={"from": "applied", "to": "interview"}
    ).exists()
    assert mail.outbox[-1].to == [learner.email]
    assert "moved to: Interview" in mail.outbox[-1].body
    assert "Thursday 10:00, building 2" in mail.outbox[-1].body
    mine = Client()
    sign_in(mine, learner)
    assert "Interview" in mine.get("/me/applications/").content.decode()


def test_a_move_the_rules_do_not_allow_is_refused_with_a_reason(world: World) -> None:
    application = applied(open_opening(world.employer), world.people["learner"])
    client = _recruiter(world)
    skip = client.post(f"/orgs/plant/applications/{application.pk}/move/", {"stage": "offer"})
    assert skip.status_code == 422
    assert "cannot move to offer" in skip.content.decode()
    hire = client.post(f"/orgs/plant/applications/{application.pk}/move/", {"stage": "hired"})
    assert "Only an application at the offer stage can be hired" in hire.content.decode()
    withdraw = client.post(
        f"/orgs/plant/applications/{application.pk}/move/", {"stage": "withdrawn"}
    )
    assert "Only the candidate can withdraw" in withdraw.content.decode()
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED
    assert application.stage_changes.count() == 1


def test_withdrawn_is_final(world: World) -> None:
    learner = world.people["learner"]
    application = applied(open_opening(world.employer), learner)
    mine = Client()
    sign_in(mine, learner)
    mine.post(f"/me/applications/{application.pk}/withdraw/", {"note": "Took another job"})
    application.refresh_from_db()
    assert application.stage == Stage.WITHDRAWN
    response = _recruiter(world).post(
        f"/orgs/plant/applications/{application.pk}/move/", {"stage": "screening"}
    )
    assert "withdrawn: that is final" in response.content.decode()


def test_hiring_records_the_placement_and_schedules_eight_check_ins(world: World) -> None:
    application = at_offer(
        applied(open_opening(world.employer), world.people["learner"]), world.people["recruiter"]
    )
    client = _recruiter(world)
    response = client.post(
        f"/orgs/plant/applications/{application.pk}/hire/",
        {
            "start_date": "2026-01-05",
            "role_title": "Bioprocess Technician I",
            "wage": "24.50",
            "wage_unit": "hour",
            "employment_type": "full_time",
            "onboarding_needs": "Bus pass for the first month",
        },
    )
    assert response.status_code == 302
    placement = Placement.objects.get(application=application)
    assert placement.hired_by == world.people["recruiter"]
    assert str(placement.wage) == "24.50"
    application.refresh_from_db()
    assert application.stage == Stage.HIRED
    due = sorted(RetentionCheckin.objects.values_list("day", "respondent", "due_on"))
    start = datetime.date(2026, 1, 5)
    assert due == sorted(
        (day, side, start + datetime.timedelta(days=day))
        for day in (30, 90, 180, 365)
        for side in ("employer", "worker")
    )
    assert AuditEntry.objects.filter(action="hiring.placement.recorded").count() == 1


def test_a_hire_with_a_bad_wage_writes_nothing(world: World) -> None:
    application = at_offer(
        applied(open_opening(world.employer), world.people["learner"]), world.people["recruiter"]
    )
    response = _recruiter(world).post(
        f"/orgs/plant/applications/{application.pk}/hire/",
        {
            "start_date": "2026-01-05",
            "role_title": "Technician",
            "wage": "-3",
            "wage_unit": "hour",
            "employment_type": "full_time",
        },
    )
    assert response.status_code == 422
    assert not Placement.objects.exists()
    application.refresh_from_db()
    assert application.stage == Stage.OFFER
