"""From a final passed attempt to a signed OB 3.0 credential that verifies offline."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from obcore.credentials import identifier_matches
from obcore.verify import verify

from skillstack.assessment.models import AttemptStatus
from skillstack.audit.models import AuditEntry
from skillstack.issuing import issuance
from skillstack.issuing.models import IssuedCredential, StatusAllocation
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.helpers import make_attempt, passed_attempt


def check_outcomes(document: dict) -> dict[str, str]:
    report = verify(
        document,
        resolver=local_resolver(),
        get_status_list=local_status_list_getter(),
    )
    return {c.id: c.outcome.value for c in report.checks}


def test_a_passed_attempt_earns_a_credential_that_verifies(world):
    attempt = passed_attempt(world)
    credential = credential_issue_for_attempt(attempt=attempt)
    outcomes = check_outcomes(credential.document)
    assert set(outcomes.values()) == {"pass"}, outcomes
    assert {"proof[0]", "issuer", "schema", "status.revocation"} <= set(outcomes)
    assert credential.recipient == world.people["learner"]
    assert credential.attempt == attempt


def test_the_credential_says_what_was_achieved_and_observed(world):
    attempt = passed_attempt(world)
    doc = credential_issue_for_attempt(attempt=attempt).document
    assert doc["type"] == ["VerifiableCredential", "AchievementCredential"]
    assert doc["issuer"]["id"] == "did:web:127.0.0.1%3A8000:orgs:bioskills"
    achievement = doc["credentialSubject"]["achievement"]
    assert achievement["id"].endswith("/catalog/bioskills/pipetting/v1/")
    assert achievement["achievementType"] == "MicroCredential"
    assert {a["targetCode"] for a in achievement["alignment"]} == {"S1.2.3", "aseptic"}
    assert achievement["creditsAvailable"] == 0.5
    rubric = [r for r in achievement["resultDescription"] if r["resultType"] != "Status"]
    assert [lvl["name"] for lvl in rubric[0]["rubricCriterionLevel"]][-1] == "Within 1 %"
    results = doc["credentialSubject"]["result"]
    assert results[0]["status"] == "Completed"
    assert results[1]["achievedLevel"].endswith("#rubric-accuracy-level-3")
    narrative = doc["evidence"][0]["narrative"]
    assert "Teaching lab 3, Boston" in narrative and "Evaluator" in narrative
    assert "- [ ] Pre-wet the tip" in narrative and "- [x] Fit a fresh tip" in narrative
    assert doc["evidence"][1]["id"].startswith("urn:sha256:")
    assert doc["validFrom"][:4] + str(int(doc["validFrom"][:4]) + 2) == (
        doc["validFrom"][:4] + doc["validUntil"][:4]
    )


def test_the_learners_email_is_hashed_with_one_salt_for_all_their_credentials(world):
    first = credential_issue_for_attempt(attempt=passed_attempt(world)).document
    identity = first["credentialSubject"]["identifier"][0]
    assert "learner@example.test" not in str(first)
    assert identifier_matches(identity, value="Learner@Example.test")
    world.people["learner"].learner_profile.refresh_from_db()
    assert identity["salt"] == world.people["learner"].learner_profile.identity_salt


def test_a_learner_with_a_did_is_named_by_it(world):
    profile = world.people["learner"].learner_profile
    profile.did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    profile.save()
    doc = credential_issue_for_attempt(attempt=passed_attempt(world)).document
    assert doc["credentialSubject"]["id"] == profile.did
    assert "identifier" not in doc["credentialSubject"]


def test_issuing_twice_gives_the_same_credential(world):
    attempt = passed_attempt(world)
    first = credential_issue_for_attempt(attempt=attempt)
    again = credential_issue_for_attempt(attempt=attempt)
    assert first.pk == again.pk
    assert IssuedCredential.objects.filter(attempt=attempt).count() == 1
    issued = AuditEntry.objects.filter(action="issuing.credential.issued")
    assert issued.count() == 2  # the learner's and the evaluator's certification


def test_one_revocation_entry_as_open_badges_allows(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    entry = credential.document["credentialStatus"]
    assert entry["statusPurpose"] == "revocation"
    assert int(entry["statusListIndex"]) == credential.revocation_index.index
    assert credential.revocation_index.status_list.length >= 131_072


@pytest.mark.parametrize(
    ("passed", "status"),
    [(False, AttemptStatus.FINAL), (True, AttemptStatus.AWAITING_COSIGN)],
)
def test_no_credential_for_a_failed_or_unfinished_attempt(world, passed, status):
    base = passed_attempt(world)
    attempt = make_attempt(
        base.session, world.people["learner"], base.certification, passed=passed, status=status
    )
    with pytest.raises(ValidationError, match=r"final|did not pass"):
        credential_issue_for_attempt(attempt=attempt)
    assert not IssuedCredential.objects.filter(attempt=attempt).exists()


def test_losing_a_race_returns_the_winners_credential_and_wastes_no_index(world):
    """Two workers pass the "not issued yet" check; the second insert hits the unique key."""
    attempt = passed_attempt(world)
    winner = credential_issue_for_attempt(attempt=attempt)
    allocations = StatusAllocation.objects.count()
    batch = issuance._Batch.of(world.issuer)
    (returned,) = issuance._issue_chunk(batch, [attempt])  # the loser, past the check
    assert returned.pk == winner.pk
    assert IssuedCredential.objects.filter(attempt=attempt).count() == 1
    assert StatusAllocation.objects.count() == allocations  # rolled back with the insert
