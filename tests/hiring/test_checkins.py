"""Retention check-ins end to end: due ones are sent once (even by two schedulers), the
e-mailed link answers without sign-in and updates the placement, a bad link gets a plain
page, and an unanswered check-in goes to the learner's navigator."""

from __future__ import annotations

import datetime
import re
import time
from io import StringIO
from typing import Any

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from skillstack.audit.models import AuditEntry
from skillstack.hiring.models import CheckinStatus, Placement, RetentionCheckin
from skillstack.hiring.services.caseload import caseload_assign
from skillstack.hiring.services.checkins import (
    MISSED_AFTER_DAYS,
    checkin_token,
    checkins_due_ids,
    checkins_escalate_missed,
    checkins_send,
    checkins_send_due,
)
from tests.conftest import World
from tests.hiring.helpers import applied, hired, open_opening


def _placement(world: World, days_ago: int = 31) -> Placement:
    application = applied(open_opening(world.employer), world.people["learner"])
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    return hired(application, world.people["recruiter"], start=start)


def _link(body: str, answer: str = "employed") -> str:
    match = re.search(rf"(http\S+/checkins/\S+/)\?answer={answer}", body)
    assert match, body
    return match.group(1).replace("http://testserver", "")


def test_due_check_ins_are_sent_to_both_sides_once(world: World) -> None:
    _placement(world, days_ago=31)
    mail.outbox.clear()
    assert checkins_send_due() == 2  # day 30, employer and worker; day 90 is not due
    assert sorted(m.to[0] for m in mail.outbox) == [
        world.people["learner"].email,
        world.people["recruiter"].email,  # the person who recorded the hire
    ]
    assert checkins_send_due() == 0  # a second run finds nothing to send
    assert len(mail.outbox) == 2
    assert RetentionCheckin.objects.filter(status=CheckinStatus.SENT).count() == 2


def test_two_schedulers_that_list_the_same_rows_send_each_once(world: World) -> None:
    _placement(world, days_ago=95)  # day 30 and day 90 due: four rows
    mail.outbox.clear()
    first = checkins_due_ids()
    second = checkins_due_ids()  # the other runner read the same rows before either sent
    assert sorted(first) == sorted(second) and len(first) == 4
    assert checkins_send(pks=second) == 4
    assert checkins_send(pks=first) == 0  # every claim of the slower runner finds it taken
    assert len(mail.outbox) == 4
    assert AuditEntry.objects.filter(action="hiring.check_in.sent").count() == 4


def test_the_command_runs_the_scheduler(world: World) -> None:
    _placement(world, days_ago=31)
    out = StringIO()
    call_command("hiring", "checkins", "--now", stdout=out)
    assert "Sent 2 check-in(s)" in out.getvalue()
    out = StringIO()
    call_command("hiring", "checkins", stdout=out)  # the task runs at once in tests
    assert "Enqueued" in out.getvalue()
    assert RetentionCheckin.objects.filter(status=CheckinStatus.SENT).count() == 2


def test_the_emailed_link_answers_without_sign_in_and_only_once(world: World) -> None:
    placement = _placement(world)
    mail.outbox.clear()
    checkins_send_due()
    worker_mail = next(m for m in mail.outbox if m.to == [world.people["learner"].email])
    url = _link(worker_mail.body, "promoted")
    anonymous = Client()
    page = anonymous.get(f"{url}?answer=promoted")
    assert page.status_code == 200
    assert re.search(r'<input[^>]*value="promoted"[^>]*checked', page.content.decode())

    thanks = anonymous.post(url, {"answer": "promoted", "reason": "Team lead from March"})
    assert thanks.status_code == 200 and "Recorded" in thanks.content.decode()
    placement.refresh_from_db()
    assert placement.promoted_on == timezone.localdate()
    row = placement.checkins.get(day=30, respondent="worker")
    assert (row.status, row.answer, row.reason) == ("answered", "promoted", "Team lead from March")
    assert AuditEntry.objects.filter(action="hiring.check_in.answered").count() == 1

    again = anonymous.post(url, {"answer": "left"})
    assert again.status_code == 200 and "Already answered" in again.content.decode()
    row.refresh_from_db()
    assert row.answer == "promoted"


def test_left_ends_the_placement_with_the_reason(world: World) -> None:
    placement = _placement(world)
    mail.outbox.clear()
    checkins_send_due()
    employer_mail = next(m for m in mail.outbox if m.to == [world.people["recruiter"].email])
    Client().post(_link(employer_mail.body, "left"), {"answer": "left", "reason": "Moved away"})
    placement.refresh_from_db()
    assert placement.ended_on == timezone.localdate()
    assert placement.end_reason == "Moved away"
    # a placement that ended is not asked again
    assert checkins_send_due(today=timezone.localdate() + datetime.timedelta(days=90)) == 0


def test_tampered_and_expired_links_get_a_plain_page(world: World, monkeypatch: Any) -> None:
    placement = _placement(world)
    mail.outbox.clear()
    checkins_send_due()
    url = _link(mail.outbox[0].body)
    tampered = Client().get(url[:-3] + "xx/")
    assert tampered.status_code == 404
    assert "This link does not work" in tampered.content.decode()

    row = placement.checkins.filter(status=CheckinStatus.SENT).first()
    assert row is not None
    sixty_one_days_ago = time.time() - 61 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: sixty_one_days_ago)
    expired_token = checkin_token(row)
    monkeypatch.undo()
    expired = Client().get(f"/checkins/{expired_token}/")
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()
    row.refresh_from_db()
    assert row.status == CheckinStatus.SENT


def test_an_unanswered_check_in_goes_to_the_navigator_once(world: World) -> None:
    navigator = world.people["navigator"]
    caseload_assign(
        organization=world.issuer,
        learner=world.people["learner"],
        navigator=navigator,
        actor=world.people["issuer_admin"],
    )
    _placement(world)
    checkins_send_due()
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(days=MISSED_AFTER_DAYS, minutes=1)
    assert checkins_escalate_missed(now=timezone.now()) == 0  # not late yet
    assert checkins_escalate_missed(now=later) == 2
    assert checkins_escalate_missed(now=later) == 0
    assert [m.to for m in mail.outbox] == [[navigator.email], [navigator.email]]
    assert "Missed check-in" in mail.outbox[0].subject
    assert RetentionCheckin.objects.filter(status=CheckinStatus.MISSED).count() == 2
