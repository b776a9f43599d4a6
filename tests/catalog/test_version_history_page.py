"""Version history: every version with what changed since the one before."""

from __future__ import annotations

from skillstack.catalog import services
from skillstack.catalog.models import Skill
from tests.catalog.catalog_factories import DEFINITION, make_micro_credential
from tests.factories import sign_in

HISTORY = "/orgs/bioskills/micro-credentials/micropipetting/history/"


def test_history_lists_versions_newest_first_with_their_changes(client, world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="gdp", label="Documentation")
    mc = make_micro_credential(world, validity_months=24)
    designer = world.people["designer"]
    steps = [*DEFINITION["steps"], {"key": "waste", "title": "Discard the tip"}]
    services.micro_credential_revise(
        micro_credential=mc,
        actor=designer,
        skills=[skill],
        validity_months=36,
        performance_test={**DEFINITION, "steps": steps},
    )
    sign_in(client, designer)
    page = client.get(HISTORY).content.decode()
    assert page.index("Version 2") < page.index("Version 1")
    assert "Validity: 24 → 36" in page
    assert "Skills: added Documentation (gdp)" in page
    assert "Performance test: steps now 4 (were 3)" in page
    assert "First version" in page
    assert "/catalog/bioskills/micropipetting/v1/" in page  # the published one links publicly
    assert "/catalog/bioskills/micropipetting/v2/" not in page  # the draft does not


def test_history_of_another_issuers_micro_credential_is_not_found(client, world) -> None:
    make_micro_credential(world, issuer=world.other_issuer, name="Theirs")
    sign_in(client, world.people["designer"])
    assert client.get("/orgs/bioskills/micro-credentials/theirs/history/").status_code == 404
