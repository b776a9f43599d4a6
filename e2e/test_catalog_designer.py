"""A designer builds a micro-credential with a checklist in the browser, publishes it, and
finds it in the public catalog."""

from __future__ import annotations

from typing import Any

from e2e.conftest import World, screenshot, sign_in
from skillstack.catalog.models import MicroCredential, Skill


def test_designer_creates_publishes_and_finds_it_in_the_catalog(page: Any, world: World) -> None:
    Skill.objects.create(organization=world.issuer, code="micropipetting", label="Micropipetting")
    sign_in(page, "designer@example.test")
    page.get_by_role("link", name="Micro-credentials").click()
    page.get_by_role("link", name="New micro-credential").click()

    page.get_by_label("Name", exact=True).fill("Micropipetting Foundations")
    page.get_by_label("Description").fill("Accurate, contamination-free micropipetting.")
    page.get_by_label("Criteria").fill("Performs every step in front of a certified evaluator.")
    page.get_by_label("Micropipetting (micropipetting)").check()
    page.get_by_label("What the learner does").nth(0).fill("Put on gloves and lab coat")
    page.get_by_label("Critical (not done = not passed)").nth(0).check()

    page.get_by_role("button", name="Add a check").click()  # htmx swaps the steps panel
    page.get_by_label("What the learner does").nth(1).fill("Attach a fresh tip")
    page.get_by_role("button", name="Add a check").click()
    page.get_by_label("What the learner does").nth(2).fill("Aspirate to the first stop")
    page.get_by_role("button", name="Add a rubric criterion").click()
    page.get_by_label("What the learner does").nth(3).fill("Explains each step")
    page.get_by_role("button", name="Move step 3 up").click()
    screenshot(page, "catalog-editor")
    assert page.get_by_label("Name", exact=True).input_value() == "Micropipetting Foundations"

    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url("**/micro-credentials/micropipetting-foundations/")
    page.get_by_text("is saved as a draft").wait_for()
    page.get_by_role("button", name="Publish version 1").click()
    page.get_by_text("Version 1 is published and listed in the public catalog.").wait_for()

    steps = MicroCredential.objects.get().versions.get().performance_test["steps"]
    assert [s["title"] for s in steps] == [
        "Put on gloves and lab coat",
        "Aspirate to the first stop",
        "Attach a fresh tip",
        "Explains each step",
    ]
    assert steps[0]["critical"] is True and steps[3]["kind"] == "rubric"

    page.goto("/catalog/")
    page.get_by_role("link", name="Micropipetting Foundations").click()
    page.get_by_role("heading", name="Micropipetting Foundations").wait_for()
    assert page.get_by_text("Issued by BioSkills Institute").is_visible()
    assert page.get_by_text("Put on gloves and lab coat").is_visible()
    screenshot(page, "catalog-public-detail")


def test_the_editor_works_without_javascript(browser: Any, live_server: Any, world: World) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 820, "height": 1180}, base_url=live_server.url
    )
    page = context.new_page()
    try:
        sign_in(page, "designer@example.test")
        page.goto("/orgs/bioskills/micro-credentials/new/")
        page.get_by_label("What the learner does").nth(0).fill("Put on gloves")
        page.get_by_role("button", name="Add a rubric criterion").click()
        page.get_by_label("Levels, lowest first").wait_for()
        assert page.get_by_label("What the learner does").nth(0).input_value() == "Put on gloves"
        assert page.get_by_label("Levels, lowest first").count() == 1
        page.get_by_role("button", name="Remove step 1").click()
        page.get_by_label("Levels, lowest first").wait_for()
        assert page.get_by_label("What the learner does").count() == 1
        assert page.get_by_label("What the learner does").input_value() == ""
        page.get_by_label("Levels, lowest first").fill("Only one")
        page.get_by_role("button", name="Save as draft").click()
        page.get_by_text("A rubric criterion needs at least two named levels.").wait_for()
        assert page.get_by_text("The title is required (what the learner must do).").is_visible()
        screenshot(page, "catalog-editor-errors")
        assert not MicroCredential.objects.exists()
    finally:
        context.close()
