"""The catalog API: skills (list, create, import with dry run) and micro-credentials
(list, detail, create, revise, publish, retire)."""

from __future__ import annotations

import json
from pathlib import Path

from skillstack.catalog.models import MicroCredential, Skill
from tests.catalog.catalog_factories import DEFINITION, make_micro_credential
from tests.factories import sign_in

SAMPLE = Path(__file__).parents[2] / "src/skillstack/catalog/fixtures/lab-skills.csv"
BASE = "/api/orgs/bioskills"


def _designer(client, world):
    sign_in(client, world.people["designer"])
    return client


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_skills_are_created_and_listed(client, world) -> None:
    client = _designer(client, world)
    response = _post(client, f"{BASE}/skills", {"code": "gdp", "label": "Documentation"})
    assert response.status_code == 201
    listed = client.get(f"{BASE}/skills").json()
    assert listed["count"] == 1 and listed["items"][0]["code"] == "gdp"


def test_a_duplicate_skill_code_is_a_422_naming_the_field(client, world) -> None:
    client = _designer(client, world)
    _post(client, f"{BASE}/skills", {"code": "gdp", "label": "Documentation"})
    response = _post(client, f"{BASE}/skills", {"code": "gdp", "label": "Again"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "code"


def test_import_is_a_dry_run_unless_asked(client, world) -> None:
    client = _designer(client, world)
    with SAMPLE.open("rb") as f:
        dry = client.post(f"{BASE}/skills/import", {"file": f}).json()
    assert (dry["dry_run"], dry["applied"], len(dry["created"])) == (True, False, 12)
    assert Skill.objects.count() == 0
    with SAMPLE.open("rb") as f:
        done = client.post(f"{BASE}/skills/import?dry_run=false", {"file": f}).json()
    assert done["applied"] is True
    assert Skill.objects.count() == 12


def test_an_import_with_a_bad_row_names_row_and_column(client, world, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("framework,code,uri,label,description,broader_code\nown,x,,,,\n")
    with bad.open("rb") as f:
        response = _designer(client, world).post(f"{BASE}/skills/import?dry_run=false", {"file": f})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "row 2.label"
    assert Skill.objects.count() == 0


def test_a_micro_credential_is_created_revised_published_and_retired(client, world) -> None:
    Skill.objects.create(framework="onet", code="2.A.1.f", label="Science", uri="https://x.test")
    client = _designer(client, world)
    body = {
        "name": "Micropipetting",
        "description": "Accurate pipetting",
        "criteria": "Performs the steps",
        "performance_test": DEFINITION,
        "skills": ["onet:2.A.1.f"],
        "credits_available": 0.5,
        "validity_months": 24,
        "tags": ["lab"],
    }
    created = _post(client, f"{BASE}/micro-credentials", body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["slug"] == "micropipetting" and data["status"] == "draft"
    assert data["latest"]["skills"][0]["code"] == "2.A.1.f"
    assert data["latest"]["credits_available"] == 0.5
    url = f"{BASE}/micro-credentials/micropipetting"
    published = client.post(f"{url}/publish").json()
    assert published["latest"]["achievement_id"].endswith("/catalog/bioskills/micropipetting/v1/")
    revised = client.patch(
        url, json.dumps({"criteria": "Stricter"}), content_type="application/json"
    )
    assert revised.json()["versions"] == [1, 2]
    assert revised.json()["latest"]["published_at"] is None
    retired = client.post(f"{url}/retire").json()
    assert retired["status"] == "retired"
    assert client.get(f"{BASE}/micro-credentials").json()["items"][0]["latest_version"] == 2


def test_an_unknown_skill_and_a_bad_definition_are_named(client, world) -> None:
    client = _designer(client, world)
    body = {
        "name": "X1",
        "description": "d",
        "criteria": "c",
        "performance_test": DEFINITION,
        "skills": ["esco:nope"],
    }
    response = _post(client, f"{BASE}/micro-credentials", body)
    assert response.status_code == 422
    assert "No such skill: esco:nope" in response.json()["errors"][0]["message"]
    body = {**body, "skills": [], "performance_test": {"steps": [{"key": "a"}]}}
    response = _post(client, f"{BASE}/micro-credentials", body)
    assert response.json()["errors"][0] == {
        "field": "performance_test",
        "message": "steps[0].title: is required (what the learner must do)",
    }
    assert not MicroCredential.objects.exists()


def test_another_issuers_micro_credential_is_not_found(client, world) -> None:
    make_micro_credential(world, issuer=world.other_issuer, name="Theirs")
    response = _designer(client, world).get(f"{BASE}/micro-credentials/theirs")
    assert response.status_code == 404
