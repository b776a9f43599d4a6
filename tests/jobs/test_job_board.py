"""The public job board: only open openings before their closing date, filters, pages, and each
opening's page with the micro-credentials that prove its skills and JobPosting JSON-LD."""

from __future__ import annotations

import datetime
import json
import re

from django.test import Client
from django.utils import timezone

from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, SkillEquivalence
from skillstack.jobs.models import Opening
from skillstack.jobs.services import SkillAsk
from tests.conftest import World
from tests.jobs.helpers import lab_skills, make_opening, taxonomy_skill


def _titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/jobs/\d+/">([^<]+)</a></h2>', html)


def test_board_shows_only_open_openings_before_their_closing_date(world: World) -> None:
    make_opening(world, title="Draft job")
    make_opening(world, title="Open job", publish=True)
    expired = make_opening(world, title="Expired job", publish=True)
    Opening.objects.filter(pk=expired.pk).update(
        closing_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    html = Client().get("/jobs/").content.decode()
    assert _titles(html) == ["Open job"]
    assert Client().get(f"/jobs/{expired.pk}/").status_code == 404


def test_filters_by_skill_location_and_no_degree(world: World) -> None:
    skills = lab_skills()
    make_opening(world, title="Lab tech", publish=True)  # aseptic + gmp, Thousand Oaks
    make_opening(
        world,
        title="Pipetting tech",
        location="Camarillo, CA",
        degree_requirement="required",
        skills=[SkillAsk(skills["pipetting"])],
        publish=True,
    )
    client = Client()
    assert _titles(client.get(f"/jobs/?skill={skills['pipetting'].pk}").content.decode()) == [
        "Pipetting tech"
    ]
    assert _titles(client.get("/jobs/?location=camarillo").content.decode()) == ["Pipetting tech"]
    assert _titles(client.get("/jobs/?no_degree=1").content.decode()) == ["Lab tech"]
    assert _titles(client.get("/jobs/?skill=abc&location=%00").content.decode()) != []


def test_board_is_paginated_and_keeps_its_filters(world: World) -> None:
    for n in range(23):
        make_opening(world, title=f"Job {n:02d}", publish=True)
    first = Client().get("/jobs/?location=Thousand").content.decode()
    assert len(_titles(first)) == 20 and "Page 1 of 2" in first
    assert "location=Thousand&amp;page=2" in first
    second = Client().get("/jobs/?location=Thousand&page=2").content.decode()
    assert len(_titles(second)) == 3


def test_public_page_names_credentials_proving_each_skill_even_through_equivalence(
    world: World,
) -> None:
    skills = lab_skills()
    own = taxonomy_skill("own-aseptic", "Aseptic work", framework="own")
    mc = MicroCredential.objects.create(issuer=world.issuer, slug="aseptic", status="published")
    version = MicroCredentialVersion.objects.create(
        micro_credential=mc,
        number=1,
        name="Aseptic Technique",
        description="d",
        criteria="c",
        performance_test={},
        published_at=timezone.now(),
    )
    version.skills.add(own)
    low, high = sorted([own, skills["aseptic"]], key=lambda s: s.pk)
    SkillEquivalence.objects.create(skill_a=low, skill_b=high, declared_by=world.coalition)
    opening = make_opening(world, publish=True)
    html = Client().get(f"/jobs/{opening.pk}/").content.decode()
    assert "Aseptic Technique</a> (BioSkills Institute)" in html
    assert "No micro-credential proves it yet." in html  # GMP: nobody teaches it
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block is not None
    posting = json.loads(block.group(1))
    assert posting["@type"] == "JobPosting"
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "unitText": "HOUR",
        "minValue": 21.0,
        "maxValue": 26.5,
    }
    assert posting["educationRequirements"] == "no requirements"
    assert [s["name"] for s in posting["skills"]] == [
        "aseptic technique",
        "apply good manufacturing practices",
    ]


def test_json_ld_cannot_break_out_of_its_script(world: World) -> None:
    opening = make_opening(world, title="Tech </script><script>alert(1)</script>", publish=True)
    html = Client().get(f"/jobs/{opening.pk}/").content.decode()
    assert "<script>alert(1)" not in html


def test_public_api_lists_open_openings_with_provers(world: World) -> None:
    make_opening(world, title="Open job", publish=True)
    make_opening(world, title="Draft job")
    data = Client().get("/api/jobs?no_degree=true").json()
    assert [item["title"] for item in data["items"]] == ["Open job"]
    assert data["items"][0]["skills"][0]["proven_by"] == []
