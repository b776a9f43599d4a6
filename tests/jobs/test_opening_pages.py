"""The openings pages: a recruiter writes, edits, publishes and closes an opening; the alliance
posts for an employer; nobody else sees another employer's openings."""

from __future__ import annotations

from django.test import Client

from skillstack.accounts.roles import OrgKind, Role
from skillstack.jobs.models import Opening, OpeningStatus
from tests.conftest import World
from tests.factories import grant, make_org, make_user, sign_in
from tests.jobs.helpers import lab_skills, later, make_opening


def _client(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _form(skills: dict, **extra: object) -> dict:
    data = {
        "title": "QC associate",
        "description": "Run release assays with aseptic technique under GMP.",
        "occupation_scheme": "onet",
        "occupation_code": "19-4021.00",
        "location": "Thousand Oaks, CA",
        "remote": "on_site",
        "shift": "night",
        "positions": "2",
        "wage_min": "24",
        "wage_max": "31.5",
        "wage_unit": "hour",
        "degree_requirement": "none",
        "closing_date": later().isoformat(),
        "skill": [str(skills["aseptic"].pk), str(skills["gmp"].pk)],
        f"kind_{skills['aseptic'].pk}": "required",
        f"level_{skills['aseptic'].pk}": "2",
        f"kind_{skills['gmp'].pk}": "preferred",
        f"level_{skills['gmp'].pk}": "1",
    }
    data.update(extra)
    return data


def test_recruiter_writes_publishes_and_closes_an_opening(world: World) -> None:
    skills = lab_skills()
    client = _client(world, "recruiter")
    response = client.post("/orgs/plant/openings/new/", _form(skills))
    assert response.status_code == 302, response.content.decode()[:2000]
    opening = Opening.objects.get()
    assert response["Location"] == f"/orgs/plant/openings/{opening.pk}/"
    assert (opening.employer, opening.shift, opening.positions) == (world.employer, "night", 2)
    asks = {(s.skill_id, s.required, s.min_level) for s in opening.skills.all()}
    assert asks == {(skills["aseptic"].pk, True, 2), (skills["gmp"].pk, False, 1)}
    page = client.get(f"/orgs/plant/openings/{opening.pk}/").content.decode()
    assert "aseptic technique" in page and "Publish on the job board" in page
    assert client.get(f"/jobs/{opening.pk}/").status_code == 404  # a draft is not public

    client.post(f"/orgs/plant/openings/{opening.pk}/publish/")
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.OPEN
    public = Client().get(f"/jobs/{opening.pk}/").content.decode()
    assert "QC associate" in public and '"@type": "JobPosting"' in public

    client.post(f"/orgs/plant/openings/{opening.pk}/close/")
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.CLOSED
    assert Client().get(f"/jobs/{opening.pk}/").status_code == 404


def test_edit_changes_fields_and_skills(world: World) -> None:
    opening = make_opening(world)
    skills = lab_skills()
    client = _client(world, "recruiter")
    form = _form(skills, title="Senior QC associate", skill=[str(skills["pipetting"].pk)])
    response = client.post(f"/orgs/plant/openings/{opening.pk}/edit/", form)
    assert response.status_code == 302
    opening.refresh_from_db()
    assert opening.title == "Senior QC associate"
    assert [s.skill_id for s in opening.skills.all()] == [skills["pipetting"].pk]


def test_wrong_wage_range_is_shown_next_to_the_field_and_nothing_saved(world: World) -> None:
    client = _client(world, "recruiter")
    response = client.post("/orgs/plant/openings/new/", _form(lab_skills(), wage_min="40"))
    assert response.status_code == 400
    assert "The highest wage must be at least the lowest." in response.content.decode()
    assert not Opening.objects.exists()


def test_publishing_without_skills_says_why(world: World) -> None:
    opening = make_opening(world, skills=[])
    client = _client(world, "recruiter")
    response = client.post(f"/orgs/plant/openings/{opening.pk}/publish/", follow=True)
    assert "Ask for at least one skill" in response.content.decode()
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.DRAFT


def test_another_employer_neither_sees_nor_edits_our_opening(world: World) -> None:
    opening = make_opening(world)
    rival = make_org(kind=OrgKind.EMPLOYER, slug="rival")
    recruiter = make_user()
    grant(recruiter, rival, Role.RECRUITER)
    client = Client()
    sign_in(client, recruiter)
    assert client.get("/orgs/rival/openings/").status_code == 200
    assert "Lab technician" not in client.get("/orgs/rival/openings/").content.decode()
    assert client.get(f"/orgs/rival/openings/{opening.pk}/").status_code == 404
    assert client.post(f"/orgs/rival/openings/{opening.pk}/close/").status_code == 404
    assert client.get(f"/orgs/plant/openings/{opening.pk}/").status_code == 403


def test_a_learner_and_an_issuer_designer_may_not_manage_openings(world: World) -> None:
    for persona in ("learner", "designer", "navigator"):
        assert _client(world, persona).get("/orgs/plant/openings/").status_code == 403


def test_alliance_recruiter_posts_for_an_employer_from_the_alliance_pages(world: World) -> None:
    staff = make_user()
    grant(staff, world.coalition, Role.RECRUITER)
    client = Client()
    sign_in(client, staff)
    form = _form(lab_skills(), employer=str(world.employer.pk))
    response = client.post("/orgs/alliance/openings/new/", form)
    assert response.status_code == 302
    opening = Opening.objects.get()
    assert opening.employer == world.employer
    listing = client.get("/orgs/alliance/openings/").content.decode()
    assert "QC associate" in listing and world.employer.name in listing


def test_suggestions_come_back_unticked_with_the_matched_phrase(world: World) -> None:
    skills = lab_skills()
    client = _client(world, "recruiter")
    text = "You keep cultures clean with sterile technique and follow cGMP every day."
    response = client.post("/orgs/plant/openings/suggest-skills/", {"description": text})
    body = response.content.decode()
    assert f'name="skill" value="{skills["aseptic"].pk}"' in body and "sterile technique" in body
    assert f'name="skill" value="{skills["gmp"].pk}"' in body and "cGMP" in body
    assert " checked" not in body
    assert f'name="skill" value="{skills["pipetting"].pk}"' not in body
    chosen = client.post(
        "/orgs/plant/openings/suggest-skills/",
        {"description": text, "skill": [str(skills["gmp"].pk)]},
    ).content.decode()
    assert f'name="skill" value="{skills["gmp"].pk}"' not in chosen  # already ticked above


def test_skill_search_finds_alternative_labels(world: World) -> None:
    skills = lab_skills()
    body = _client(world, "recruiter").get("/orgs/plant/openings/skill-search/?q=micropip")
    assert f'name="skill" value="{skills["pipetting"].pk}"' in body.content.decode()
