"""Selectors other apps use: the published version, search, and credentials for a skill."""

from __future__ import annotations

from skillstack.catalog import selectors, services
from skillstack.catalog.models import Skill
from tests.catalog.catalog_factories import make_micro_credential


def test_published_version_is_the_newest_published_not_a_newer_draft(world) -> None:
    mc = make_micro_credential(world)
    services.micro_credential_revise(
        micro_credential=mc, actor=world.people["designer"], name="Draft name"
    )
    version = selectors.published_version(micro_credential=mc)
    assert version is not None and (version.number, version.name) == (1, "Micropipetting")


def test_a_draft_has_no_published_version(world) -> None:
    mc = make_micro_credential(world, publish=False)
    assert selectors.published_version(micro_credential=mc) is None


def test_micro_credentials_for_a_skill_are_published_and_current(world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="aseptic", label="Aseptic")
    other = Skill.objects.create(organization=world.issuer, code="gdp", label="Docs")
    aligned = make_micro_credential(world, name="Plating", skills=[skill])
    make_micro_credential(world, name="Draft plating", skills=[skill], publish=False)
    dropped = make_micro_credential(world, name="Old plating", skills=[skill])
    services.micro_credential_revise(
        micro_credential=dropped, actor=world.people["designer"], skills=[other]
    )
    services.micro_credential_publish(micro_credential=dropped, actor=world.people["designer"])
    found = selectors.micro_credentials_for_skill(skill=skill)
    assert [v.micro_credential for v in found] == [aligned]


def test_catalog_search_by_query_and_skill_code(world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="aseptic", label="Aseptic")
    make_micro_credential(world, name="Plating", skills=[skill])
    make_micro_credential(world, name="Pipetting")
    assert [v.name for v in selectors.catalog_search(query="pip")] == ["Pipetting"]
    assert [v.name for v in selectors.catalog_search(query="", skill_code="aseptic")] == ["Plating"]
    assert [v.name for v in selectors.catalog_search(query="")] == ["Pipetting", "Plating"]
