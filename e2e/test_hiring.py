"""A learner applies to an opening and sees the stage; the recruiter moves it to interview and
the learner sees that too; a retention check-in link taken from the sent e-mail confirms the
person is still employed, without signing in."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from e2e.conftest import screenshot, sign_in
from skillstack.hiring.models import Application, CheckinStatus, RetentionCheckin, Stage
from skillstack.hiring.services.checkins import checkins_send_due
from tests.conftest import World
from tests.hiring.helpers import applied, hired, open_opening

pytestmark = pytest.mark.browser

PATIENCE_MS = 60_000
"""The machine that runs the suite may be busy: wait longer than the default for pages."""


@pytest.fixture
def patient_page(page: Any) -> Any:
    page.set_default_timeout(PATIENCE_MS)
    return page


def test_learner_applies_and_recruiter_moves_to_interview(
    patient_page: Any, browser: Any, live_server: Any, world: World
) -> None:
    page = patient_page
    opening = open_opening(world.employer)
    sign_in(page, "learner@example.test")
    page.goto(f"/jobs/{opening.pk}/apply/")
    page.get_by_label("A note to the employer").fill("I can start on Monday.")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/me/applications/*/")
    assert "Applied" in page.locator(".stage").inner_text()
    screenshot(page, "hiring-applied")

    recruiter_context = browser.new_context(base_url=live_server.url)
    recruiter_context.set_default_timeout(PATIENCE_MS)
    recruiter = recruiter_context.new_page()
    sign_in(recruiter, "recruiter@example.test")
    recruiter.goto(f"/orgs/{world.employer.slug}/applications/")
    recruiter.get_by_role("link", name="Learner").click()
    recruiter.get_by_label("Move to", exact=True).select_option("interview")
    recruiter.get_by_label("Note to the candidate").fill("Thursday 10:00")
    recruiter.get_by_role("button", name="Move", exact=True).click()
    recruiter.wait_for_url("**/applications/*/")
    assert "Interview" in recruiter.locator("p .stage").inner_text()
    screenshot(recruiter, "hiring-recruiter-moved")
    recruiter_context.close()

    assert Application.objects.get().stage == Stage.INTERVIEW
    page.goto("/me/applications/")
    assert "Interview" in page.locator("table").inner_text()


def test_check_in_link_from_the_email_confirms_retention(patient_page: Any, world: World) -> None:
    page = patient_page
    application = applied(open_opening(world.employer), world.people["learner"])
    start = timezone.localdate() - datetime.timedelta(days=31)
    placement = hired(application, world.people["recruiter"], start=start)
    mail.outbox.clear()
    assert checkins_send_due() == 2
    body = next(m.body for m in mail.outbox if m.to == ["learner@example.test"])
    link = re.search(r"(http\S+/checkins/\S+/)\?answer=employed", body)
    assert link
    path = link.group(1).split("/checkins/", 1)[1]

    page.goto(f"/checkins/{path}?answer=employed")
    assert page.get_by_label("Still employed").is_checked()
    page.get_by_label("Anything to add").fill("All good on nights")
    page.get_by_role("button", name="Confirm").click()
    page.get_by_text("Recorded: Still employed").wait_for()
    screenshot(page, "hiring-check-in-thanks")
    row = RetentionCheckin.objects.get(placement=placement, day=30, respondent="worker")
    assert (row.status, row.answer, row.reason) == (
        CheckinStatus.ANSWERED,
        "employed",
        "All good on nights",
    )

    page.goto(f"/checkins/{path}")
    assert page.get_by_role("heading", name="Already answered").is_visible()
