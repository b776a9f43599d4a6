"""The hiring API: apply, follow, move (refusals as 422 with the field), hire, caseload and
check-in answers, each seen by the right side only."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core import mail
from django.test import Client
from django.utils import timezone

from skillstack.hiring.models import Placement, Stage
from skillstack.hiring.services.caseload import caseload_assign
from skillstack.hiring.services.checkins import checkins_send_due
from tests.conftest import World
from tests.factories import sign_in
from tests.hiring.helpers import applied, hired, open_opening


def _as(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_apply_move_and_hire_through_the_api(world: World) -> None:
    opening = open_opening(world.employer)
    learner = _as(world, "learner")
    created = _post(learner, f"/api/jobs/{opening.pk}/applications", {"note": "Hello"})
    assert created.status_code == 201, created.content
    app_id = created.json()["id"]
    assert created.json()["stage"] == "applied"

    recruiter = _as(world, "recruiter")
    listing = recruiter.get("/api/orgs/plant/applications?stage=applied").json()
    assert [a["id"] for a in listing] == [app_id]
    assert listing[0]["candidate"]["email"] == "learner@example.test"

    refused = _post(recruiter, f"/api/orgs/plant/applications/{app_id}/stage", {"stage": "offer"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "stage"
    for stage in ("screening", "interview", "offer"):
        moved = _post(recruiter, f"/api/orgs/plant/applications/{app_id}/stage", {"stage": stage})
        assert moved.status_code == 200 and moved.json()["stage"] == stage

    hire = _post(
        recruiter,
        f"/api/orgs/plant/applications/{app_id}/placement",
        {
            "start_date": "2026-02-02",
            "role_title": "Technician",
            "wage": "52000",
            "wage_unit": "year",
            "employment_type": "full_time",
        },
    )
    assert hire.status_code == 201, hire.content
    body = hire.json()
    assert body["stage"] == Stage.HIRED
    assert len(body["placement"]["checkins"]) == 8
    mine = learner.get("/api/me/applications").json()
    assert [h["stage"] for h in mine[0]["history"]] == [
        "applied",
        "screening",
        "interview",
        "offer",
        "hired",
    ]


def test_another_organizations_application_is_404_in_the_api(world: World) -> None:
    application = applied(open_opening(world.employer), world.people["learner"])
    outsider = _as(world, "outsider")
    response = outsider.get(f"/api/orgs/other/applications/{application.pk}")
    assert response.status_code == 404


def test_the_check_in_token_answers_once_through_the_api(world: World) -> None:
    application = applied(open_opening(world.employer), world.people["learner"])
    start = timezone.localdate() - datetime.timedelta(days=31)
    placement = hired(application, world.people["recruiter"], start=start)
    mail.outbox.clear()
    checkins_send_due()
    token = mail.outbox[0].body.split("/checkins/")[1].split("/")[0]
    anonymous = Client()
    first = _post(anonymous, f"/api/checkins/{token}", {"answer": "left", "reason": "Moved"})
    assert first.status_code == 200 and first.json()["answer"] == "left"
    second = _post(anonymous, f"/api/checkins/{token}", {"answer": "employed"})
    assert second.status_code == 422
    assert _post(anonymous, "/api/checkins/forged", {"answer": "left"}).status_code == 404
    assert Placement.objects.get(pk=placement.pk).ended_on == timezone.localdate()


def test_the_caseload_api_lists_flags(world: World) -> None:
    caseload_assign(
        organization=world.issuer,
        learner=world.people["learner"],
        navigator=world.people["navigator"],
        actor=world.people["issuer_admin"],
    )
    rows = _as(world, "navigator").get("/api/orgs/bioskills/caseload?mine=true").json()
    assert [r["learner"]["email"] for r in rows] == ["learner@example.test"]
    assert "quiet" in rows[0]["flags"]
    assert _as(world, "recruiter").get("/api/orgs/bioskills/caseload").status_code == 403
