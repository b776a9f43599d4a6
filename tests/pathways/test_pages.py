"""The editor pages, the learner's progress page and the review page, through the client."""

from __future__ import annotations

import json

from django.test import Client

from skillstack.pathways.models import Pathway, PathwayStatus
from tests.conftest import World
from tests.factories import sign_in
from tests.issuing.helpers import make_session
from tests.pathways.helpers import cred, earn, future, make_mc, published


def _client(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def test_a_designer_previews_saves_and_publishes_a_pathway(world: World) -> None:
    a, b = make_mc(world.issuer, "Lab Safety"), make_mc(world.issuer, "Pipetting")
    client = _client(world, "designer")
    tree = {
        "kind": "sequence",
        "items": [{"kind": "all", "label": "Level 1", "items": [cred(a)]}, cred(b)],
    }
    body = {
        "title": "Lab Skills",
        "description": "Level 1 then level 2.",
        "kind": "vertical",
        "definition": json.dumps(tree),
    }
    preview = client.post("/orgs/bioskills/pathways/new/", {**body, "preview": "1"})
    assert preview.status_code == 200
    assert "Lab Safety (BioSkills Institute)" in preview.content.decode()
    assert not Pathway.objects.exists()

    saved = client.post("/orgs/bioskills/pathways/new/", {**body, "save": "1"})
    pathway = Pathway.objects.get()
    assert saved["Location"] == f"/orgs/bioskills/pathways/{pathway.pk}/"
    assert pathway.definition["items"][1]["label"] == "Pipetting (BioSkills Institute)"
    client.post(f"/orgs/bioskills/pathways/{pathway.pk}/publish/")
    pathway.refresh_from_db()
    assert pathway.status == PathwayStatus.PUBLISHED
    # a published pathway is frozen
    edit = client.get(f"/orgs/bioskills/pathways/{pathway.pk}/edit/")
    assert edit.status_code == 302


def test_a_bad_tree_is_named_and_nothing_is_saved(world: World) -> None:
    client = _client(world, "designer")
    body = {
        "title": "Broken",
        "description": "Shows errors.",
        "kind": "horizontal",
        "definition": json.dumps(
            {"kind": "any", "k": 1, "items": [{"kind": "credential", "micro_credential": 999999}]}
        ),
    }
    response = client.post("/orgs/bioskills/pathways/new/", body)
    assert response.status_code == 422
    assert (
        "items[0].micro_credential: no micro-credential has the id 999999"
        in response.content.decode()
    )
    not_json = client.post("/orgs/bioskills/pathways/new/", {**body, "definition": "{oops"})
    assert "This is not valid JSON" in not_json.content.decode()
    assert not Pathway.objects.exists()


def test_another_organizations_pathway_is_not_found(world: World) -> None:
    version = make_mc(world.other_issuer, "Lab Safety")
    theirs = published(
        world.other_issuer,
        world.people["outsider"],
        "horizontal",
        {"kind": "any", "k": 1, "items": [cred(version)]},
    )
    client = _client(world, "designer")
    assert client.get(f"/orgs/bioskills/pathways/{theirs.pk}/").status_code == 404
    assert client.post(f"/orgs/bioskills/pathways/{theirs.pk}/publish/").status_code == 404
    assert client.get(f"/orgs/other/pathways/{theirs.pk}/").status_code == 403


def test_an_evaluator_cannot_define_pathways(world: World) -> None:
    client = _client(world, "evaluator")
    assert client.get("/orgs/bioskills/pathways/new/").status_code == 403


def test_a_learner_sees_progress_and_where_to_earn_the_next_credential(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    safety, pipetting = make_mc(world.issuer, "Lab Safety"), make_mc(world.issuer, "Pipetting")
    published(
        world.issuer,
        world.people["designer"],
        "vertical",
        {"kind": "sequence", "items": [cred(safety), cred(pipetting)]},
        title="Lab Skills",
    )
    session = make_session(world.issuer, pipetting, evaluator)
    session.date = future(9)
    session.save(update_fields=["date"])
    earn(learner, safety, evaluator)
    page = _client(world, "learner").get("/me/pathways/").content.decode()
    assert "Lab Skills" in page
    assert "1 of 2 levels met" in page
    assert "Lab Safety" in page and "Pipetting" in page
    assert f"Assessment on {session.date.strftime('%-d %b %Y')}" in page


def test_a_pathway_that_touches_nothing_is_not_shown(world: World) -> None:
    version = make_mc(world.issuer, "Lab Safety")
    published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 1, "items": [cred(version)]},
        title="Untouched",
    )
    page = _client(world, "learner").get("/me/pathways/").content.decode()
    assert "Untouched" not in page


def test_the_certificates_achievement_id_is_a_public_page(world: World) -> None:
    from skillstack.pathways.certificates import pathway_url

    version = make_mc(world.issuer, "Lab Safety")
    pathway = published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 1, "items": [cred(version)]},
        title="Lab Basics",
    )
    path = pathway_url(pathway).split("://", 1)[1].split("/", 1)[1]
    page = Client().get(f"/{path}")
    assert page.status_code == 200
    assert "Lab Safety (BioSkills Institute)" in page.content.decode()
    from skillstack.pathways import services

    draft = services.pathway_create(
        owner=world.issuer,
        actor=world.people["designer"],
        title="Secret draft",
        description="Not yet.",
        kind="horizontal",
        definition={"kind": "any", "k": 1, "items": [cred(version)]},
    )
    assert Client().get(f"/pathways/bioskills/{draft.slug}/").status_code == 404
