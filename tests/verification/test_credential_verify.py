"""The verification service: our credentials verify offline, and every way one can go wrong is
reported in a sentence a non-expert understands."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from obcore.baking import bake_png, bake_svg
from obcore.credentials import presentation

from skillstack.verification.selectors import report_as_json, report_present
from skillstack.verification.services import credential_verify
from skillstack.wallet.badge import badge_drawn
from tests.conftest import World
from tests.verification.credentials import did_key_jwt, issue, revoke, suspend, tampered

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("verification tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _present(data: object) -> object:
    return report_present(report=credential_verify(data=data))  # type: ignore[arg-type]


def test_a_credential_we_issued_is_valid_offline(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    report = credential_verify(data=credential.document)
    assert report.verified
    view = report_present(report=report)
    assert view.headline.startswith("Valid:"), view.headline  # no notes: OB 3.0's shape
    assert view.credentials[0].issuer_line == "Issued on this platform by BioSkills Institute."
    titles = {step.title: step.outcome for step in view.credentials[0].steps}
    assert titles["Signature"] == "pass"
    assert titles["Revocation"] == "pass"
    assert set(titles.values()) == {"pass"}, titles


def test_a_changed_credential_is_not_valid(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    view = report_present(report=credential_verify(data=tampered(credential.document)))
    assert view.verdict == "invalid"
    assert view.headline.startswith("Not valid")
    signature = next(s for s in view.credentials[0].steps if s.title == "Signature")
    assert signature.outcome == "fail"
    assert "changing even one letter" in signature.meaning


def test_a_revoked_credential_says_revoked(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    revoke(credential)
    view = report_present(report=credential_verify(data=credential.document))
    assert not view.verified
    assert view.credentials[0].state == "revoked"
    assert view.headline.startswith("REVOKED")


def test_a_suspended_credential_says_suspended(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    suspend(credential)
    view = report_present(report=credential_verify(data=credential.document))
    assert view.credentials[0].state == "suspended"
    assert view.headline.startswith("SUSPENDED")


def test_an_expired_credential_says_expired(world: World, no_network: None) -> None:
    credential = issue(
        issuer=world.issuer,
        recipient=world.people["learner"],
        valid_from=timezone.now() - timedelta(days=400),
        valid_until=timezone.now() - timedelta(days=30),
    )
    view = report_present(report=credential_verify(data=credential.document))
    assert view.credentials[0].state == "expired"
    assert view.headline.startswith("EXPIRED")


def test_baked_png_and_svg_verify_like_the_json(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    text = json.dumps(credential.document)
    png = bake_png(badge_drawn(name="Aseptic Technique", issuer="BioSkills"), text)
    svg = bake_svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', text)
    for data, source in ((png, "png+json"), (svg.encode(), "svg+json")):
        report = credential_verify(data=data)
        assert report.verified, report.checks
        assert report.source == source


def test_a_jwt_from_an_issuer_elsewhere_verifies_but_is_not_known(no_network: None) -> None:
    report = credential_verify(data=did_key_jwt())
    assert report.verified
    view = report_present(report=report)
    assert "is not known to this platform" in view.credentials[0].issuer_line
    assert "Elsewhere Academy" in view.credentials[0].issuer_line


def test_garbage_is_a_sentence_not_an_error(no_network: None) -> None:
    view = report_present(report=credential_verify(data=b"\x00\x01 not a credential"))
    assert view.verdict == "invalid"
    reading = view.credentials[0].steps[0]
    assert reading.title == "Reading" and reading.outcome == "fail"
    assert reading.message.endswith(".")


def test_a_did_web_issuer_elsewhere_is_not_fetched_by_default(
    world: World, no_network: None
) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    foreign = json.loads(
        json.dumps(credential.document).replace("127.0.0.1%3A8000", "issuer.example")
    )
    view = report_present(report=credential_verify(data=foreign))
    assert view.verdict in ("not-checked", "invalid")
    signature = next(s for s in view.credentials[0].steps if s.title == "Signature")
    assert signature.outcome == "not-checked"
    assert "does not contact other sites" in signature.message
    assert "issuer.example" in view.credentials[0].issuer_line


def test_a_presentation_is_reported_credential_by_credential(
    world: World, no_network: None
) -> None:
    good = issue(issuer=world.issuer, recipient=world.people["learner"])
    bad = issue(issuer=world.issuer, recipient=world.people["learner"], name="Pipetting")
    revoke(bad)
    vp = presentation(credentials=[good.document, bad.document])
    view = report_present(report=credential_verify(data=vp))
    assert view.is_presentation
    assert [c.name for c in view.credentials] == ["Aseptic Technique", "Pipetting"]
    assert view.credentials[0].verdict in ("valid", "warning")
    assert view.credentials[1].state == "revoked"
    assert "1 valid, 1 not valid" in view.headline


def test_the_api_answer_carries_checks_and_sentences(world: World, no_network: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    answer = report_as_json(report=credential_verify(data=credential.document))
    assert answer["verified"] is True
    assert {c["id"] for c in answer["checks"]} >= {"proof[0]", "status.revocation"}
    assert answer["credentials"][0]["issuer_known"] is True
