"""The evaluator completes a checklist on the tablet with the network cut off; the result waits
on the tablet, syncs when the network is back, and is recorded exactly once."""

from __future__ import annotations

import pytest

from e2e.conftest import screenshot, sign_in
from skillstack.assessment.models import Attempt
from tests.assessment.helpers import ready_session

pytestmark = pytest.mark.browser


def test_an_offline_checklist_syncs_once_when_the_network_returns(page, world) -> None:
    session = ready_session(world)
    sign_in(page, world.people["evaluator"].email)
    page.goto(f"/orgs/bioskills/sessions/{session.pk}/checklist/")
    page.get_by_text("Nothing waiting to sync").wait_for()
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.ready")

    page.context.set_offline(True)
    page.get_by_role("button", name="Learner").click()
    page.get_by_role("button", name="Start timer").click()
    page.get_by_text("0:01").wait_for()  # the timer runs
    page.get_by_role("button", name="Done: Fit a fresh tip").click()
    page.get_by_role("button", name="Done: Pre-wet the tip").click()
    page.get_by_role("button", name="Within 1 %").click()
    box = page.get_by_role("button", name="Done: Fit a fresh tip").bounding_box()
    assert box is not None and box["height"] >= 48
    screenshot(page, "assessment-checklist")
    page.get_by_role("button", name="Record the result").click()
    page.get_by_text("Tick “I observed this attempt in person”").wait_for()
    page.get_by_label("I observed this attempt in person").check()
    page.get_by_role("button", name="Record the result").click()

    page.get_by_text("1 result waiting to sync").wait_for()
    page.get_by_text("Offline — results are kept on this tablet").wait_for()
    assert Attempt.objects.count() == 0
    screenshot(page, "assessment-checklist-offline")

    page.context.set_offline(False)
    page.get_by_text("Nothing waiting to sync").wait_for()
    page.get_by_text("Learner: passed").wait_for()
    page.get_by_role("button", name="Sync now").click()
    page.reload()
    page.get_by_text("Nothing waiting to sync").wait_for()
    [attempt] = Attempt.objects.all()
    assert attempt.passed is True
    assert attempt.learner == world.people["learner"]
    assert attempt.elapsed_s is not None
