"""Career navigators: assignments (by an admin, or asked for by the learner), the caseload
with flags and filters, private notes, rate-limited nudges, and applying on a learner's
behalf only while the learner consents."""

from __future__ import annotations

import datetime
from typing import Any

from django.core import mail
from django.test import Client
from django.utils import timezone

from skillstack.accounts.roles import Role
from skillstack.audit.models import AuditEntry
from skillstack.hiring.models import (
    Application,
    ApplicationSource,
    AssignmentStatus,
    CaseloadAssignment,
    CaseloadNote,
    NavigatorConsent,
)
from skillstack.hiring.services.caseload import caseload_assign
from skillstack.hiring.services.placements import placement_onboarding_update
from tests.conftest import World
from tests.factories import grant, make_user, sign_in
from tests.hiring.helpers import applied, hired, open_opening


def _as(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _assigned(world: World, learner: Any = None) -> CaseloadAssignment:
    return caseload_assign(
        organization=world.issuer,
        learner=learner or world.people["learner"],
        navigator=world.people["navigator"],
        actor=world.people["issuer_admin"],
    )


def test_learner_asks_for_a_navigator_and_the_admin_assigns_one(world: World) -> None:
    learner = _as(world, "learner")
    learner.post("/me/navigators/", {"organization": world.issuer.pk, "action": "request"})
    row = CaseloadAssignment.objects.get()
    assert row.status == AssignmentStatus.REQUESTED and row.navigator is None

    admin = _as(world, "issuer_admin")
    page = admin.get("/orgs/bioskills/caseload/assignments/").content.decode()
    assert "Learners asking for a navigator" in page and "learner@example.test" in page
    response = admin.post(
        "/orgs/bioskills/caseload/assignments/",
        {"learner_email": "learner@example.test", "navigator": world.people["navigator"].pk},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.status, row.navigator) == (AssignmentStatus.ACTIVE, world.people["navigator"])
    assert AuditEntry.objects.filter(action="hiring.caseload.assigned").exists()
    assert "Your navigator: Navigator" in learner.get("/me/navigators/").content.decode()


def test_only_a_navigator_of_the_organization_can_be_assigned(world: World) -> None:
    response = _as(world, "issuer_admin").post(
        "/orgs/bioskills/caseload/assignments/",
        {"learner_email": "learner@example.test", "navigator": world.people["evaluator"].pk},
    )
    assert response.status_code == 422
    assert not CaseloadAssignment.objects.exists()


def test_caseload_shows_credentials_applications_and_flags(world: World) -> None:
    learner = world.people["learner"]
    _assigned(world)
    quiet = make_user(full_name="Quinn Quiet", learner=True)
    _assigned(world, quiet)
    placement = hired(
        applied(open_opening(world.employer), learner),
        world.people["recruiter"],
        start=timezone.localdate() - datetime.timedelta(days=20),
    )
    placement_onboarding_update(
        placement=placement,
        actor=world.people["recruiter"],
        onboarding_needs="Needs a ride for night shifts",
    )
    client = _as(world, "navigator")
    page = client.get("/orgs/bioskills/caseload/").content.decode()
    assert "Learner" in page and "Quinn Quiet" in page
    assert "Onboarding needs" in page and "No activity in 30 days" in page

    flagged = client.get("/orgs/bioskills/caseload/?flag=onboarding").content.decode()
    assert "Quinn Quiet" not in flagged and "Learner" in flagged
    detail = client.get(
        f"/orgs/bioskills/caseload/{CaseloadAssignment.objects.get(learner=learner).pk}/"
    ).content.decode()
    assert "Needs a ride for night shifts" in detail
    assert "Hired" in detail and "day 30" in detail  # the first check-in is due soon


def test_notes_are_private_to_the_organizations_navigators(world: World) -> None:
    assignment = _assigned(world)
    client = _as(world, "navigator")
    client.post(f"/orgs/bioskills/caseload/{assignment.pk}/note/", {"text": "Prefers day shifts"})
    assert CaseloadNote.objects.get().text == "Prefers day shifts"
    assert (
        "Prefers day shifts"
        in client.get(f"/orgs/bioskills/caseload/{assignment.pk}/").content.decode()
    )
    for persona in ("issuer_admin", "recruiter", "learner"):
        response = _as(world, persona).get(f"/orgs/bioskills/caseload/{assignment.pk}/")
        assert response.status_code == 403, persona
    other_navigator = make_user()
    grant(other_navigator, world.other_issuer, Role.CAREER_NAVIGATOR)
    other = Client()
    sign_in(other, other_navigator)
    assert other.get(f"/orgs/other/caseload/{assignment.pk}/").status_code == 404


def test_a_nudge_is_emailed_once_a_day_at_most(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    assignment = _assigned(world)
    client = _as(world, "navigator")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(
            f"/orgs/bioskills/caseload/{assignment.pk}/nudge/",
            {"message": "Two new openings match your GMP badge."},
        )
    assert first.status_code == 302
    assert mail.outbox[-1].to == ["learner@example.test"]
    assert "Two new openings match your GMP badge." in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(
            f"/orgs/bioskills/caseload/{assignment.pk}/nudge/", {"message": "And another."}
        )
    assert second.status_code == 422
    assert "in the last 24 hours" in second.content.decode()
    assert len(mail.outbox) == 1
    assert AuditEntry.objects.filter(action="hiring.caseload.nudged").count() == 1


def test_a_navigator_applies_for_a_learner_only_with_consent(world: World) -> None:
    assignment = _assigned(world)
    opening = open_opening(world.employer)
    client = _as(world, "navigator")
    url = f"/orgs/bioskills/caseload/{assignment.pk}/apply/"

    refused = client.post(url, {"opening": opening.pk, "note": "Strong aseptic skills"})
    assert refused.status_code == 422
    assert "has not let BioSkills Institute" in refused.content.decode()
    assert not Application.objects.exists()

    learner = _as(world, "learner")
    learner.post("/me/navigators/", {"organization": world.issuer.pk, "action": "consent"})
    assert NavigatorConsent.objects.get().active
    assert client.post(url, {"opening": opening.pk, "note": ""}).status_code == 302
    application = Application.objects.get()
    assert application.source == ApplicationSource.NAVIGATOR
    assert application.created_by == world.people["navigator"]

    learner.post("/me/navigators/", {"organization": world.issuer.pk, "action": "revoke"})
    second = open_opening(world.employer, title="QC Analyst")
    assert client.post(url, {"opening": second.pk, "note": ""}).status_code == 422
    assert Application.objects.count() == 1
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"hiring.consent.granted", "hiring.consent.revoked"} <= actions


def test_quiet_flag_clears_with_recent_activity(world: World) -> None:
    learner = world.people["learner"]
    assignment = _assigned(world)
    learner.last_login = timezone.now() - datetime.timedelta(days=2)
    learner.save(update_fields=["last_login"])
    from skillstack.hiring.caseload_selectors import learner_picture

    assert "quiet" not in learner_picture(assignment=assignment).flags
