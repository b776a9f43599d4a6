"""The learner composes their resume at /me/resume/: chooses credentials and skills, writes a
summary and experience; nobody else can see or touch it."""

from __future__ import annotations

import pytest
from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.resume.models import Experience, Resume
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.resume.helpers import choose, held_credential

pytestmark = pytest.mark.django_db

ENTRY = {
    "role": "Lab technician",
    "organisation": "Cedar Valley Bioworks",
    "start_date": "2023-09-01",
    "end_date": "",
    "description": "Prepared buffers and media for 2000 L runs.",
    "shown": "on",
}


def test_the_composer_lists_what_the_learner_holds_and_verifies(
    client: Client, world: World
) -> None:
    held_credential(world, name="Aseptic Technique", skills=["Maintain aseptic conditions"])
    sign_in(client, world.people["learner"])
    page = client.get("/me/resume/").content.decode()
    assert "Aseptic Technique — BioSkills Institute" in page
    assert "Maintain aseptic conditions" in page
    assert "not published" in page


def test_choosing_credentials_and_skills_is_saved_and_audited(client: Client, world: World) -> None:
    aseptic = held_credential(world, name="Aseptic Technique", skills=["Aseptic", "Gowning"])
    held_credential(world, name="Pipetting", skills=["Pipetting"])
    sign_in(client, world.people["learner"])
    client.get("/me/resume/")
    gowning = aseptic.micro_credential_version.skills.get(label="Gowning")  # type: ignore[union-attr]
    aseptic_skill = aseptic.micro_credential_version.skills.get(label="Aseptic")  # type: ignore[union-attr]
    response = choose(client, [aseptic.credential_id], skills=[aseptic_skill.pk])
    assert response.status_code == 302
    resume = Resume.objects.get(owner=world.people["learner"])
    assert list(resume.credentials.values_list("ref", flat=True)) == [aseptic.credential_id]
    assert gowning.pk in resume.hidden_skill_ids and aseptic_skill.pk not in resume.hidden_skill_ids
    entry = AuditEntry.objects.get(action="resume.credentials.chosen")
    assert entry.data["credentials"] == [aseptic.credential_id]
    aseptic.refresh_from_db()
    assert not aseptic.share_enabled  # sharing needs the learner's consent


def test_consenting_to_share_turns_on_each_chosen_credentials_link(
    client: Client, world: World
) -> None:
    credential = held_credential(world)
    sign_in(client, world.people["learner"])
    assert choose(client, [credential.credential_id], share=True).status_code == 302
    credential.refresh_from_db()
    assert credential.share_enabled and credential.share_token
    assert AuditEntry.objects.filter(action="wallet.share.enabled").count() == 1


def test_someone_elses_credential_cannot_be_chosen(client: Client, world: World) -> None:
    other = make_user(email="other.learner@example.test", learner=True)
    theirs = held_credential(world, learner=other)
    sign_in(client, world.people["learner"])
    response = choose(client, [theirs.credential_id])
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Resume.objects.get(owner=world.people["learner"]).credentials.exists()


def test_summary_and_headline_are_saved(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    response = client.post(
        "/me/resume/profile/",
        {"headline": "Biomanufacturing technician", "summary": "Two years in upstream."},
    )
    assert response.status_code == 302
    resume = Resume.objects.get(owner=world.people["learner"])
    assert (resume.headline, resume.summary, resume.allow_indexing) == (
        "Biomanufacturing technician",
        "Two years in upstream.",
        False,
    )


def test_experience_is_added_edited_hidden_and_removed(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    assert client.post("/me/resume/experience/", ENTRY).status_code == 302
    entry = Experience.objects.get()
    assert entry.role == "Lab technician" and entry.end_date is None and entry.shown
    edit = client.get(f"/me/resume/experience/{entry.pk}/")
    assert edit.status_code == 200 and "Cedar Valley Bioworks" in edit.content.decode()
    changed = {**ENTRY, "role": "Senior lab technician", "shown": ""}
    assert client.post(f"/me/resume/experience/{entry.pk}/", changed).status_code == 302
    entry.refresh_from_db()
    assert entry.role == "Senior lab technician" and not entry.shown
    assert client.post(f"/me/resume/experience/{entry.pk}/delete/").status_code == 302
    assert not Experience.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"resume.experience.added", "resume.experience.updated"} <= actions
    assert "resume.experience.deleted" in actions


def test_an_end_before_the_start_is_refused_with_the_field_named(
    client: Client, world: World
) -> None:
    sign_in(client, world.people["learner"])
    response = client.post("/me/resume/experience/", {**ENTRY, "end_date": "2022-01-01"})
    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()
    assert not Experience.objects.exists()


def test_another_learners_experience_answers_404(client: Client, world: World) -> None:
    other = make_user(email="other.learner@example.test", learner=True)
    sign_in(client, other)
    client.post("/me/resume/experience/", ENTRY)
    theirs = Experience.objects.get()
    sign_in(client, world.people["learner"])
    assert client.get(f"/me/resume/experience/{theirs.pk}/").status_code == 404
    assert client.post(f"/me/resume/experience/{theirs.pk}/delete/").status_code == 404
    assert client.post(f"/me/resume/experience/{theirs.pk}/", ENTRY).status_code == 404
    assert Experience.objects.filter(pk=theirs.pk, role="Lab technician").exists()


@pytest.mark.parametrize("persona", ["recruiter", "navigator", "issuer_admin", "outsider"])
def test_staff_who_are_not_learners_have_no_resume(
    client: Client, world: World, persona: str
) -> None:
    sign_in(client, world.people[persona])
    assert client.get("/me/resume/").status_code == 403
    assert client.post("/me/resume/publish/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get("/me/resume/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
