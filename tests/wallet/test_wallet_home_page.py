"""/wallet/: a learner's own credentials with their state and live verdict."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.verification.credentials import issue, revoke, suspend

pytestmark = pytest.mark.django_db


def test_a_learner_sees_their_credentials_with_state_and_verdict(
    client: Client, world: World
) -> None:
    learner = world.people["learner"]
    issue(issuer=world.issuer, recipient=learner, name="Aseptic Technique")
    revoke(issue(issuer=world.issuer, recipient=learner, name="Pipetting"))
    suspend(issue(issuer=world.issuer, recipient=learner, name="Lab Safety"))
    issue(
        issuer=world.issuer,
        recipient=learner,
        name="Gel Electrophoresis",
        valid_from=timezone.now() - timedelta(days=500),
        valid_until=timezone.now() - timedelta(days=1),
    )
    sign_in(client, learner)
    page = client.get("/wallet/").content.decode()
    for name in ("Aseptic Technique", "Pipetting", "Lab Safety", "Gel Electrophoresis"):
        assert name in page
    assert page.count("BioSkills Institute") >= 4
    for state in ("Active", "Revoked", "Suspended", "Expired"):
        assert f">{state}</span>" in page
    assert "Verified" in page and "Not valid" in page


def test_another_learners_credentials_are_not_listed(client: Client, world: World) -> None:
    other = make_user(learner=True)
    issue(issuer=world.issuer, recipient=other, name="Someone Else's Badge")
    sign_in(client, world.people["learner"])
    page = client.get("/wallet/").content.decode()
    assert "Someone Else" not in page
    assert "You have no credentials yet" in page


def test_the_dashboard_links_learners_to_their_wallet(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    page = client.get("/dashboard/").content.decode()
    assert 'href="/wallet/"' in page and "My credentials" in page
