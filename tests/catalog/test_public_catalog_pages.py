"""The public catalog: published micro-credentials of every issuer; drafts are never shown."""

from __future__ import annotations

import json

from obcore.schema import schema_errors

from skillstack.catalog import services
from skillstack.catalog.models import Skill
from tests.catalog.catalog_factories import make_micro_credential


def test_the_catalog_lists_published_ones_of_every_issuer_and_no_draft(client, world) -> None:
    make_micro_credential(world, name="Micropipetting")
    make_micro_credential(world, name="Cleanroom gowning", issuer=world.other_issuer)
    make_micro_credential(world, name="Secret draft", publish=False)
    page = client.get("/catalog/").content.decode()
    assert "Micropipetting" in page and "Cleanroom gowning" in page
    assert "Secret draft" not in page


def test_search_by_name_and_by_skill(client, world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="aseptic", label="Aseptic work")
    make_micro_credential(world, name="Micropipetting")
    make_micro_credential(world, name="Streak plating", skills=[skill])
    by_name = client.get("/catalog/?q=pipet").content.decode()
    assert "Micropipetting" in by_name and "Streak plating" not in by_name
    by_skill = client.get("/catalog/?skill=aseptic").content.decode()
    assert "Streak plating" in by_skill and "Micropipetting" not in by_skill
    by_skill_label = client.get("/catalog/?q=aseptic").content.decode()
    assert "Streak plating" in by_skill_label


def test_the_issuer_page_lists_only_that_issuer(client, world) -> None:
    make_micro_credential(world, name="Micropipetting")
    make_micro_credential(world, name="Cleanroom gowning", issuer=world.other_issuer)
    page = client.get("/catalog/bioskills/").content.decode()
    assert "Micropipetting" in page and "Cleanroom gowning" not in page


def test_the_detail_page_shows_what_a_learner_needs_to_know(client, world) -> None:
    skill = Skill.objects.create(
        framework="onet",
        code="2.A.1.f",
        label="Science",
        uri="https://www.onetonline.org/find/descriptor/result/2.A.1.f",
    )
    make_micro_credential(
        world, skills=[skill], level="Foundation", validity_months=36, credits_available=1
    )
    page = client.get("/catalog/bioskills/micropipetting/").content.decode()
    for text in (
        "Micropipetting",
        "BioSkills Institute",
        "Foundation",
        "36 months",
        "1 credits",
        "Put on gloves and lab coat",
        "Explains each step",
        'href="https://www.onetonline.org/find/descriptor/result/2.A.1.f"',
    ):
        assert text in page, text
    assert "min_level" not in page and "Proficient" not in page  # not the scoring rule


def test_a_draft_is_not_found(client, world) -> None:
    make_micro_credential(world, publish=False)
    assert client.get("/catalog/bioskills/micropipetting/").status_code == 404
    assert client.get("/catalog/bioskills/micropipetting/v1/").status_code == 404


def test_a_new_draft_version_of_a_published_one_stays_private(client, world) -> None:
    mc = make_micro_credential(world)
    services.micro_credential_revise(
        micro_credential=mc, actor=world.people["designer"], name="Micropipetting II"
    )
    assert (
        "Micropipetting II" not in client.get("/catalog/bioskills/micropipetting/").content.decode()
    )
    assert client.get("/catalog/bioskills/micropipetting/v2/").status_code == 404


def test_a_retired_one_shows_a_notice_and_leaves_the_list(client, world) -> None:
    mc = make_micro_credential(world)
    services.micro_credential_retire(micro_credential=mc, actor=world.people["designer"])
    page = client.get("/catalog/bioskills/micropipetting/").content.decode()
    assert "Retired." in page and "Credentials already earned stay valid." in page
    assert "Micropipetting" not in client.get("/catalog/").content.decode()


def test_an_old_version_keeps_its_page_and_points_to_the_current(client, world) -> None:
    mc = make_micro_credential(world)
    services.micro_credential_revise(
        micro_credential=mc, actor=world.people["designer"], name="Micropipetting II"
    )
    services.micro_credential_publish(micro_credential=mc, actor=world.people["designer"])
    page = client.get("/catalog/bioskills/micropipetting/v1/").content.decode()
    assert "This is version 1." in page and "/catalog/bioskills/micropipetting/v2/" in page


def test_a_version_answers_an_ob3_achievement_as_json(client, world, settings) -> None:
    settings.SITE_URL = "https://skills.example.org"
    skill = Skill.objects.create(organization=world.issuer, code="pip", label="Pipetting")
    make_micro_credential(world, skills=[skill], credits_available=2, tags=["lab"])
    response = client.get("/catalog/bioskills/micropipetting/v1/", HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/json"
    achievement = json.loads(response.content)
    assert achievement["id"] == "https://skills.example.org/catalog/bioskills/micropipetting/v1/"
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["criteria"] == {"narrative": "Performs every step under observation"}
    assert achievement["creditsAvailable"] == 2
    assert achievement["alignment"][0]["targetName"] == "Pipetting"
    assert achievement["alignment"][0]["targetCode"] == "pip"
    assert achievement["alignment"][0]["targetUrl"].startswith(
        "https://skills.example.org/catalog/"
    )
    assert achievement["creator"]["name"] == "BioSkills Institute"
    credential = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:8a1b5b9e-7e0d-4c4b-9c53-3c4f1e2f0a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://skills.example.org/issuers/bioskills", "type": ["Profile"]},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Micropipetting",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": achievement,
        },
    }
    assert schema_errors(credential) == []


def test_a_browser_gets_the_page_of_a_version(client, world) -> None:
    make_micro_credential(world)
    response = client.get("/catalog/bioskills/micropipetting/v1/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("text/html")
    assert "Permanent link of this version" in response.content.decode()
