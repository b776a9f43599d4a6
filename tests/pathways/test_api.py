"""The pathways API: define and publish, progress, consent, articulation; errors name the field."""

from __future__ import annotations

import json

from django.test import Client

from skillstack.accounts.roles import Role
from skillstack.pathways.models import Pathway
from tests.conftest import World
from tests.factories import grant, make_user, sign_in
from tests.pathways.helpers import cred, earn, make_college, make_mc


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    sign_in(client, user)
    return client


def _post(client: Client, url: str, body: dict) -> object:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_a_designer_defines_and_publishes_through_the_api(world: World) -> None:
    a, b = make_mc(world.issuer, "Lab Safety"), make_mc(world.other_issuer, "GMP Basics")
    client = _client(world.people["designer"])
    body = {
        "title": "Foundations",
        "description": "Any one of two.",
        "pathway_kind": "horizontal",
        "requirements": {"kind": "any", "k": 1, "items": [cred(a), cred(b)]},
    }
    created = _post(client, "/api/orgs/bioskills/pathways", body)
    assert created.status_code == 201, created.content
    pathway_id = created.json()["id"]
    assert created.json()["requirements"]["items"][1]["label"] == "GMP Basics (Other Institute)"
    published = _post(client, f"/api/orgs/bioskills/pathways/{pathway_id}/publish", {})
    assert published.json()["status"] == "published"

    earn(world.people["learner"], b, world.people["evaluator"])
    mine = _client(world.people["learner"]).get("/api/me/pathways").json()
    assert mine[0]["title"] == "Foundations"
    assert mine[0]["tree"]["children"][1]["satisfied"] is True


def test_a_bad_tree_answers_422_naming_the_place(world: World) -> None:
    client = _client(world.people["designer"])
    body = {
        "title": "Broken",
        "description": "Wrong k.",
        "pathway_kind": "horizontal",
        "requirements": {"kind": "any", "k": 3, "items": [{"kind": "skill", "skill": 1}]},
    }
    response = _post(client, "/api/orgs/bioskills/pathways", body)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert (
        error["field"] == "definition"
        and "k: must be a whole number from 1 to 1" in error["message"]
    )
    vertical_as_any = {
        **body,
        "pathway_kind": "vertical",
        "requirements": {"kind": "any", "k": 1, "items": [cred(make_mc(world.issuer, "X"))]},
    }
    response = _post(client, "/api/orgs/bioskills/pathways", vertical_as_any)
    assert "a vertical pathway's top group is 'sequence'" in response.json()["errors"][0]["message"]
    assert not Pathway.objects.exists()


def test_consent_and_a_colleges_incoming_credit(world: World) -> None:
    college = make_college()
    registrar = make_user(email="registrar@cedar.example", full_name="Ray Registrar")
    grant(registrar, college, Role.ORG_ADMIN)
    version = make_mc(world.issuer, "Lab Safety")
    registrar_client = _client(registrar)
    agreement = _post(
        registrar_client,
        "/api/orgs/cedar/articulations",
        {
            "program_name": "Biotechnology Associate Degree",
            "program_credits": 60,
            "cap_credits": 30,
            "articulated": [
                {
                    "micro_credential": version.micro_credential_id,
                    "credits": 3,
                    "course": "BIOT 101",
                }
            ],
        },
    )
    assert agreement.status_code == 201, agreement.content
    learner = world.people["learner"]
    earn(learner, version, world.people["evaluator"])
    assert registrar_client.get("/api/orgs/cedar/credit/incoming").json() == []

    learner_client = _client(learner)
    consent = _post(
        learner_client, "/api/me/credit/consent", {"college_slug": "cedar", "share_credit": True}
    )
    assert consent.json() == {"college_slug": "cedar", "sharing": True}
    (row,) = registrar_client.get("/api/orgs/cedar/credit/incoming").json()
    assert row["email"] == learner.email and row["programs"][0]["awarded"] == "3.00"
    assert learner_client.get("/api/me/credit").json()[0]["earned"] == "3.00"

    not_college = _post(
        learner_client, "/api/me/credit/consent", {"college_slug": "plant", "share_credit": True}
    )
    assert (
        not_college.status_code == 422
        and not_college.json()["errors"][0]["field"] == "college_slug"
    )


def test_another_issuers_micro_credential_cannot_get_our_recommendation(world: World) -> None:
    theirs = make_mc(world.other_issuer, "GMP Basics")
    client = _client(world.people["designer"])
    response = _post(
        client,
        "/api/orgs/bioskills/credit-recommendations",
        {
            "micro_credential_id": theirs.micro_credential_id,
            "recommending_body": "NCCRS",
            "recommended_credits": 1,
        },
    )
    assert response.status_code == 404
