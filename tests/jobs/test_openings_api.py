"""The openings API: the same services as the pages, JSON errors naming fields, 404 for others'."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from skillstack.jobs.models import Opening, OpeningStatus
from tests.conftest import World
from tests.factories import sign_in
from tests.jobs.helpers import lab_skills, later, make_opening


def _client(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _send(client: Client, method: str, url: str, body: Any = None) -> Any:
    return client.generic(
        method,
        url,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
    )


def test_create_get_update_publish_close_through_the_api(world: World) -> None:
    skills = lab_skills()
    client = _client(world, "recruiter")
    body = {
        "title": "Manufacturing associate",
        "description": "Operate bioreactors under cGMP.",
        "shift": "rotating",
        "wage_min": "22",
        "wage_max": "27.50",
        "closing_date": later().isoformat(),
        "skills": [{"skill_id": skills["gmp"].pk, "min_level": 2}],
    }
    created = _send(client, "POST", "/api/orgs/plant/openings", body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["status"] == "draft" and data["employer"] == "plant"
    assert data["skills"][0]["label"] == "apply good manufacturing practices"
    assert data["skills"][0]["min_level"] == 2 and data["wage_max"] == "27.50"
    url = f"/api/orgs/plant/openings/{data['id']}"
    assert client.get(url).json()["title"] == "Manufacturing associate"
    patched = _send(client, "PATCH", url, {"positions": 3, "remote": "hybrid"})
    assert (patched.json()["positions"], patched.json()["remote"]) == (3, "hybrid")
    assert patched.json()["title"] == "Manufacturing associate"  # untouched
    assert _send(client, "POST", url + "/publish").json()["status"] == "open"
    board = Client().get("/api/jobs").json()
    assert [item["title"] for item in board["items"]] == ["Manufacturing associate"]
    assert _send(client, "POST", url + "/close").json()["status"] == "closed"
    assert Client().get("/api/jobs").json()["count"] == 0


def test_wage_range_error_names_the_field(world: World) -> None:
    client = _client(world, "recruiter")
    response = _send(
        client,
        "POST",
        "/api/orgs/plant/openings",
        {"title": "Tech", "wage_min": "30", "wage_max": "20"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "wage_max", "message": "The highest wage must be at least the lowest."}
    ]
    assert not Opening.objects.exists()


def test_unknown_skill_id_is_a_field_error(world: World) -> None:
    client = _client(world, "recruiter")
    body = {"title": "Tech", "skills": [{"skill_id": 987654}]}
    response = _send(client, "POST", "/api/orgs/plant/openings", body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "skills"


def test_another_employer_gets_404_and_an_outsider_403(world: World) -> None:
    opening = make_opening(world)
    admin = _client(world, "coalition_admin")
    # the alliance reaches every employer's openings from its own organization
    assert admin.get(f"/api/orgs/alliance/openings/{opening.pk}").status_code == 200
    # but an issuer's pages hold no employer's opening
    assert admin.get(f"/api/orgs/bioskills/openings/{opening.pk}").status_code == 404
    outsider = _client(world, "outsider")
    assert outsider.get(f"/api/orgs/plant/openings/{opening.pk}").status_code == 403
    assert (
        _send(outsider, "POST", f"/api/orgs/plant/openings/{opening.pk}/close").status_code == 403
    )
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.DRAFT


def test_the_alliance_must_name_an_existing_employer(world: World) -> None:
    admin = _client(world, "coalition_admin")
    missing = _send(admin, "POST", "/api/orgs/alliance/openings", {"title": "Tech"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "employer"
    wrong = _send(
        admin, "POST", "/api/orgs/alliance/openings", {"title": "Tech", "employer": "nope"}
    )
    assert wrong.json()["errors"][0]["field"] == "employer"
    made = _send(
        admin, "POST", "/api/orgs/alliance/openings", {"title": "Tech", "employer": "plant"}
    )
    assert made.status_code == 201 and made.json()["employer"] == "plant"


def test_suggest_skills_api_explains_each_match(world: World) -> None:
    skills = lab_skills()
    client = _client(world, "recruiter")
    typo = "aseptic tecnique"  # codespell:ignore tecnique
    text = f"Daily micropipetting and {typo}; GMP training provided."
    found = _send(
        client, "POST", "/api/orgs/plant/openings/suggest-skills", {"posting_text": text}
    ).json()
    by_id = {item["skill_id"]: item for item in found}
    assert set(by_id) == {skills["pipetting"].pk, skills["aseptic"].pk, skills["gmp"].pk}
    assert by_id[skills["aseptic"].pk]["how"] == "similar wording"
    assert by_id[skills["aseptic"].pk]["phrase"] == typo
    assert by_id[skills["gmp"].pk]["phrase"] == "GMP"
    assert not Opening.objects.exists()
    unrelated = "Friendly cashier for our bakery; weekend shifts, must love bread."
    none = _send(
        client, "POST", "/api/orgs/plant/openings/suggest-skills", {"posting_text": unrelated}
    )
    assert none.json() == []


def test_equivalences_only_for_the_coalition_admin(world: World) -> None:
    skills = lab_skills()
    body = {"skill_a_id": skills["gmp"].pk, "skill_b_id": skills["aseptic"].pk, "note": "demo"}
    assert (
        _send(_client(world, "recruiter"), "POST", "/api/skill-equivalences", body).status_code
        == 403
    )
    admin = _client(world, "coalition_admin")
    made = _send(admin, "POST", "/api/skill-equivalences", body)
    assert made.status_code == 201, made.content
    again = _send(admin, "POST", "/api/skill-equivalences", body)
    assert again.status_code == 422
    assert admin.get("/api/skill-equivalences").json()["count"] == 1
    gone = _send(admin, "DELETE", f"/api/skill-equivalences/{made.json()['id']}")
    assert gone.status_code == 204
    assert admin.get("/api/skill-equivalences").json()["count"] == 0
