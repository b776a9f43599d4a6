"""/me/demographics/: optional answers, a separate revocable consent with its history, and
no way for recruiters, navigators or matching to see anyone's answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.outcomes.models import (
    CONSENT_WORDING_VERSION,
    DemographicConsent,
    LearnerDemographics,
)
from tests.factories import sign_in
from tests.outcomes import builders as b

ANSWERS = {
    "ethnicity": "not_hispanic",
    "races": ["american_indian", "white"],
    "sex": "another",
    "age_band": "45_54",
    "veteran": "yes",
    "disability": "prefer_not",
    "first_generation": "yes",
    "prior_degree": "none",
}


def _learner(world: Any) -> Client:
    client = Client()
    sign_in(client, world.people["learner"])
    return client


def test_every_question_is_optional_and_answers_are_saved(world: Any) -> None:
    client = _learner(world)
    page = client.get("/me/demographics/").content.decode()
    assert page.count("Prefer not to say") >= 6
    assert client.post("/me/demographics/", {}).status_code == 302  # nothing answered is fine
    assert client.post("/me/demographics/", ANSWERS).status_code == 302
    record = LearnerDemographics.objects.get(user=world.people["learner"])
    assert record.race_ethnicity == "two_or_more"
    assert record.veteran == "yes"
    assert record.consented is False  # answering is not consenting
    entry = AuditEntry.objects.filter(action="outcomes.demographics.updated").last()
    assert entry is not None and "yes" not in json.dumps(entry.data)  # which, never what


def test_an_unknown_answer_is_refused_by_field(world: Any) -> None:
    response = _learner(world).post("/me/demographics/", {**ANSWERS, "sex": "robot"})
    assert response.status_code == 400
    assert not LearnerDemographics.objects.exists()


def test_consent_is_separate_revocable_and_kept_as_history(world: Any) -> None:
    client = _learner(world)
    client.post("/me/demographics/", ANSWERS)
    client.post("/me/demographics/consent/", {"consent": "grant"})
    assert LearnerDemographics.objects.get().consented
    page = client.get("/me/demographics/").content.decode()
    assert "Withdraw my consent" in page
    client.post("/me/demographics/consent/", {"consent": "withdraw"})
    assert not LearnerDemographics.objects.get().consented
    history = list(
        DemographicConsent.objects.order_by("id").values_list("granted", "wording_version")
    )
    assert history == [(True, CONSENT_WORDING_VERSION), (False, CONSENT_WORDING_VERSION)]
    assert AuditEntry.objects.filter(action="outcomes.consent.withdrawn").count() == 1


def test_staff_cannot_open_a_learners_demographics_page(world: Any) -> None:
    for persona in ("recruiter", "navigator", "coalition_admin"):
        client = Client()
        sign_in(client, world.people[persona])
        assert client.get("/me/demographics/").status_code == 403


def test_recruiter_and_navigator_pages_never_show_demographics(world: Any) -> None:
    """A consenting candidate with distinctive answers applies; the recruiter's pipeline and the
    navigator's pages show no word of them."""
    learner = world.people["learner"]
    client = _learner(world)
    client.post("/me/demographics/", ANSWERS)
    client.post("/me/demographics/consent/", {"consent": "grant"})
    opening = b.opening(world.employer, title="Upstream Technician")
    application = b.application(opening, learner, "2026-10-01")
    words = ["American Indian", "Alaska Native", "Two or more races", "45 to 54", "Veteran",
             "veteran", "first generation", "First generation", "No college degree"]  # fmt: skip
    pages = {
        "recruiter": [
            "/orgs/plant/applications/",
            f"/orgs/plant/applications/{application.pk}/",
            f"/orgs/plant/openings/{opening.pk}/matches/",
            f"/api/orgs/plant/openings/{opening.pk}/matches",
        ],
        "navigator": ["/orgs/bioskills/outcomes/gaps/"],
    }
    for persona, urls in pages.items():
        staff = Client()
        sign_in(staff, world.people[persona])
        for url in urls:
            response = staff.get(url)
            if url.startswith("/orgs/plant/applications/"):
                assert response.status_code == 200, url  # the pages really show the candidate
            body = response.content.decode()
            leaked = [w for w in words if w in body]
            assert not leaked, f"{url} shows {leaked} to the {persona}"


def test_no_other_app_reads_demographics() -> None:
    """Only the outcomes app names the demographics model or its relation: matching, jobs,
    hiring and the rest cannot select people by them."""
    src = Path(__file__).resolve().parents[2] / "src" / "skillstack"
    offenders = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if "outcomes" not in path.parts
        and path.name != "outcomes.py"  # the outcomes app's own demo section
        and path.parts[-2] != "migrations"
        and any(
            name in path.read_text(encoding="utf-8")
            for name in ("LearnerDemographics", "outcome_demographics", "DemographicConsent")
        )
    ]
    assert offenders == []
