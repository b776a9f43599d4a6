"""Certificates: issued once when a pathway is complete, verifiable, flagged (not changed) when a
component is revoked, and reviewed by the owner."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from skillstack.audit.models import AuditEntry
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.services import credential_revoke
from skillstack.pathways.certificates import (
    certificate_issue,
    certificate_key,
    completion_review,
    learner_pathways_check,
)
from skillstack.pathways.models import PathwayCompletion, ReviewState
from skillstack.verification.services import credential_verify
from tests.conftest import World
from tests.pathways.helpers import cred, earn, make_mc, published


@pytest.fixture
def foundations(world: World) -> dict:
    """Any 2 of 3 lab credentials of world.issuer."""
    versions = [make_mc(world.issuer, n) for n in ("Lab Safety", "Pipetting", "Aseptic Technique")]
    pathway = published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 2, "items": [cred(v) for v in versions]},
        title="Biomanufacturing Foundations",
    )
    return {"versions": versions, "pathway": pathway}


def test_completing_a_pathway_issues_one_verifiable_certificate(
    world: World, foundations: dict
) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    safety, pipetting, _ = foundations["versions"]
    first = earn(learner, safety, evaluator)
    assert learner_pathways_check(learner=learner) == 0
    assert not PathwayCompletion.objects.exists()
    second = earn(learner, pipetting, evaluator)
    assert learner_pathways_check(learner=learner) == 1
    assert learner_pathways_check(learner=learner) == 0  # a re-run issues nothing

    completion = PathwayCompletion.objects.get()
    certificate = completion.certificate
    assert certificate is not None and certificate.recipient == learner
    assert certificate.issuer == world.issuer
    assert certificate.idempotency_key == certificate_key(
        pathway_pk=foundations["pathway"].pk, learner_pk=learner.pk
    )
    document = certificate.document
    achievement = document["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Certificate"
    assert achievement["name"] == "Biomanufacturing Foundations"
    assert {e["id"] for e in document["evidence"]} == {first.credential_id, second.credential_id}
    related = {r["id"] for r in achievement["related"]}
    assert related == {
        c.document["credentialSubject"]["achievement"]["id"] for c in (first, second)
    }
    report = credential_verify(data=document)
    assert report.verified, [(c.id, c.message) for c in report.checks]


def test_the_certificate_is_in_the_wallet_listing(world: World, foundations: dict) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    for version in foundations["versions"][:2]:
        earn(learner, version, evaluator)
    learner_pathways_check(learner=learner)
    from skillstack.wallet.selectors import wallet_credentials

    names = [c.name for c in wallet_credentials(user=learner)]
    assert "Biomanufacturing Foundations" in names


def test_a_draft_pathway_does_not_count(world: World) -> None:
    from skillstack.pathways import services

    learner, evaluator = world.people["learner"], world.people["evaluator"]
    version = make_mc(world.issuer, "Lab Safety")
    services.pathway_create(
        owner=world.issuer,
        actor=world.people["designer"],
        title="Draft only",
        description="Not published yet.",
        kind="horizontal",
        definition={"kind": "any", "k": 1, "items": [cred(version)]},
    )
    earn(learner, version, evaluator)
    assert learner_pathways_check(learner=learner) == 0


def test_issuing_a_component_triggers_the_certificate_after_commit(
    world: World, foundations: dict, django_capture_on_commit_callbacks
) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    earn(learner, foundations["versions"][0], evaluator)
    with django_capture_on_commit_callbacks(execute=True):
        earn(learner, foundations["versions"][1], evaluator)
    completion = PathwayCompletion.objects.get(learner=learner)
    assert completion.certificate is not None


def test_a_revoked_component_does_not_count(world: World, foundations: dict) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    first = earn(learner, foundations["versions"][0], evaluator)
    credential_revoke(credential=first, actor=world.people["issuer_admin"], reason="Wrong learner")
    earn(learner, foundations["versions"][1], evaluator)
    assert learner_pathways_check(learner=learner) == 0


def test_an_expired_component_does_not_count(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    short = make_mc(world.issuer, "Short-lived", validity_months=1)
    other = make_mc(world.issuer, "Other")
    pathway = published(
        world.issuer,
        world.people["designer"],
        "hybrid",
        {"kind": "all", "items": [cred(short), cred(other)]},
    )
    earn(learner, short, evaluator, days_ago=60)  # valid one month from observation: expired
    earn(learner, other, evaluator)
    assert certificate_issue(pathway=pathway, learner=learner) is None


def test_recency_rule_on_a_pathway(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    version = make_mc(world.issuer, "Lab Safety")
    pathway = published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 1, "items": [cred(version, within_years=1)]},
    )
    earn(learner, version, evaluator, days_ago=400)
    assert certificate_issue(pathway=pathway, learner=learner) is None
    earn(learner, version, evaluator, days_ago=3)
    completion = certificate_issue(pathway=pathway, learner=learner)
    assert completion is not None and completion.certificate is not None


def test_cross_provider_equivalence_completes_the_pathway(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    ours = make_mc(world.issuer, "Cleanroom Gowning")
    theirs = make_mc(world.other_issuer, "Cleanroom Practices")
    pathway = published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {
            "kind": "any",
            "k": 1,
            "items": [cred(ours, accepts=[{"micro_credential": theirs.micro_credential_id}])],
        },
    )
    earn(learner, theirs, evaluator)
    completion = certificate_issue(pathway=pathway, learner=learner)
    assert completion is not None and completion.certificate is not None
    assert completion.components[0]["name"] == "Cleanroom Practices"


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_issue_one_certificate(world: World, foundations: dict) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    for version in foundations["versions"][:2]:
        earn(learner, version, evaluator)
    pathway = foundations["pathway"]
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait()
            certificate_issue(pathway=pathway, learner=learner)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert PathwayCompletion.objects.filter(pathway=pathway, learner=learner).count() == 1
    key = certificate_key(pathway_pk=pathway.pk, learner_pk=learner.pk)
    assert IssuedCredential.objects.filter(idempotency_key=key).count() == 1
    assert PathwayCompletion.objects.get().certificate.idempotency_key == key


def _completed(world: World, foundations: dict) -> tuple[PathwayCompletion, list[IssuedCredential]]:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    earned = [earn(learner, v, evaluator) for v in foundations["versions"][:2]]
    learner_pathways_check(learner=learner)
    return PathwayCompletion.objects.get(learner=learner), earned


def test_revoking_a_component_flags_the_certificate_and_leaves_it_valid(
    world: World, foundations: dict, django_capture_on_commit_callbacks
) -> None:
    completion, earned = _completed(world, foundations)
    signed_before = dict(completion.certificate.document)
    with django_capture_on_commit_callbacks(execute=True):
        credential_revoke(
            credential=earned[0], actor=world.people["issuer_admin"], reason="Misrecorded"
        )
    completion.refresh_from_db()
    assert completion.review_state == ReviewState.FLAGGED
    assert "Lab Safety" in completion.review_reason
    certificate = IssuedCredential.objects.get(pk=completion.certificate_id)
    assert certificate.state == CredentialState.ACTIVE
    assert certificate.document == signed_before
    assert AuditEntry.objects.filter(action="pathways.certificate.flagged").count() == 1


def test_the_owner_revokes_a_flagged_certificate(world: World, foundations: dict) -> None:
    completion, earned = _completed(world, foundations)
    credential_revoke(
        credential=earned[1], actor=world.people["issuer_admin"], reason="Misrecorded"
    )
    learner_pathways_check(learner=world.people["learner"])
    completion.refresh_from_db()
    done = completion_review(
        completion=completion,
        actor=world.people["issuer_admin"],
        decision="revoke",
        reason="The pipetting result was recorded against the wrong learner.",
    )
    assert done.review_state == ReviewState.REVOKED
    assert (
        IssuedCredential.objects.get(pk=completion.certificate_id).state == CredentialState.REVOKED
    )
    entry = AuditEntry.objects.get(action="pathways.certificate.revoked")
    assert entry.actor == world.people["issuer_admin"]


def test_the_owner_keeps_a_flagged_certificate_and_it_is_not_flagged_again(
    world: World, foundations: dict
) -> None:
    completion, earned = _completed(world, foundations)
    credential_revoke(
        credential=earned[0], actor=world.people["issuer_admin"], reason="Misrecorded"
    )
    learner_pathways_check(learner=world.people["learner"])
    completion.refresh_from_db()
    completion_review(
        completion=completion,
        actor=world.people["issuer_admin"],
        decision="keep",
        reason="Re-assessed in person.",
    )
    learner_pathways_check(learner=world.people["learner"])
    completion.refresh_from_db()
    assert completion.review_state == ReviewState.KEPT
    assert (
        IssuedCredential.objects.get(pk=completion.certificate_id).state == CredentialState.ACTIVE
    )


def test_a_review_needs_a_flag_and_a_reason(world: World, foundations: dict) -> None:
    from django.core.exceptions import ValidationError

    completion, _ = _completed(world, foundations)
    with pytest.raises(ValidationError) as not_flagged:
        completion_review(
            completion=completion, actor=world.people["issuer_admin"], decision="keep", reason="ok"
        )
    assert "decision" in not_flagged.value.message_dict
    with pytest.raises(ValidationError) as no_reason:
        completion_review(
            completion=completion, actor=world.people["issuer_admin"], decision="keep", reason=" "
        )
    assert "reason" in no_reason.value.message_dict


def test_a_coalition_pathway_needs_an_issuer_to_sign(world: World) -> None:
    from django.core.exceptions import ValidationError

    a = make_mc(world.issuer, "Lab Safety")
    with pytest.raises(ValidationError) as refused:
        published(
            world.coalition,
            world.people["coalition_admin"],
            "hybrid",
            {"kind": "all", "items": [cred(a)]},
        )
    assert "issued_by" in refused.value.message_dict


def test_a_coalition_pathway_is_signed_by_the_issuer_it_names(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    a = make_mc(world.issuer, "Lab Safety")
    b = make_mc(world.other_issuer, "GMP Basics")
    pathway = published(
        world.coalition,
        world.people["coalition_admin"],
        "hybrid",
        {"kind": "all", "items": [cred(a), cred(b)]},
        issued_by=world.issuer,
    )
    earn(learner, a, evaluator)
    earn(learner, b, evaluator)
    completion = certificate_issue(
        pathway=pathway, learner=learner, now=timezone.now() + timedelta(seconds=1)
    )
    assert completion is not None and completion.certificate.issuer == world.issuer
    assert credential_verify(data=completion.certificate.document).verified
