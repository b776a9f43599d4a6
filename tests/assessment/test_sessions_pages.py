"""Planning sessions on the pages: only certified evaluators, evaluators see their own."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind, Role
from skillstack.assessment.models import AssessmentSession
from tests.assessment.helpers import certify, planned_session, published_version
from tests.factories import grant, make_user, sign_in


def _as(world, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _form(version, evaluators, **extra):
    return {
        "micro_credential_version": version.pk,
        "date": timezone.localdate().isoformat(),
        "place": "Lab 2",
        "cohort": "Spring",
        "evaluators": [e.pk for e in evaluators],
        **extra,
    }


def test_a_designer_plans_a_session_with_a_certified_evaluator(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    certify(world, world.people["evaluator"], version)
    provider = Organization.objects.create(kind=OrgKind.ISSUER, name="BioWorks", slug="bioworks")
    response = _as(world, "designer").post(
        "/orgs/bioskills/sessions/new/",
        _form(version, [world.people["evaluator"]], training_program=provider.pk),
        follow=True,
    )
    assert "The session is planned" in response.content.decode()
    session = AssessmentSession.objects.get()
    assert session.training_program == provider
    assert list(session.evaluators.all()) == [world.people["evaluator"]]


def test_an_uncertified_evaluator_cannot_be_assigned(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    response = _as(world, "designer").post(
        "/orgs/bioskills/sessions/new/", _form(version, [world.people["evaluator"]])
    )
    assert response.status_code == 400
    assert "Not currently certified for this micro-credential: evaluator@example.test" in (
        response.content.decode()
    )
    assert not AssessmentSession.objects.exists()


def test_editing_a_session_changes_its_place_and_cosigning(world, session) -> None:
    response = _as(world, "issuer_admin").post(
        f"/orgs/bioskills/sessions/{session.pk}/edit/",
        {
            "date": session.date.isoformat(),
            "place": "Teaching lab",
            "evaluators": [world.people["evaluator"].pk],
            "requires_cosign": "on",
        },
        follow=True,
    )
    assert "The session is saved" in response.content.decode()
    session.refresh_from_db()
    assert (session.place, session.requires_cosign) == ("Teaching lab", True)


def test_an_evaluator_sees_only_the_sessions_they_are_assigned_to(world, session) -> None:
    colleague = make_user()
    grant(colleague, world.issuer, Role.EVALUATOR)
    certify(world, colleague, session.micro_credential_version)
    other = planned_session(world, session.micro_credential_version, [colleague])
    page = _as(world, "evaluator").get("/orgs/bioskills/sessions/").content.decode()
    assert f"/orgs/bioskills/sessions/{session.pk}/checklist/" in page
    assert f"/orgs/bioskills/sessions/{other.pk}/" not in page
    assert _as(world, "evaluator").get(f"/orgs/bioskills/sessions/{other.pk}/").status_code == 404


def test_another_issuers_admin_cannot_open_our_session(world, session) -> None:
    client = _as(world, "outsider")
    assert client.get(f"/orgs/bioskills/sessions/{session.pk}/").status_code == 403
    assert client.get(f"/orgs/other/sessions/{session.pk}/").status_code == 404
