"""OB 3.0 credential builders: shapes that pass the schema, errors that name the field."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from obcore.credentials import (
    OB3_CONTEXT,
    VC2_CONTEXT,
    achievement,
    achievement_credential,
    alignment,
    endorsement_credential,
    evidence,
    hashed_email_identifier,
    identifier_matches,
    open_badge_credential,
    presentation,
    profile,
    result,
    result_description,
    rubric_level,
)
from obcore.errors import CredentialError
from obcore.schema import schema_errors
from obcore.status import status_entry

ISSUER = profile(id="https://college.example/issuers/1", name="Example College")
LEVELS = [
    rubric_level(id="https://college.example/rubric/1/novice", name="Novice"),
    rubric_level(id="https://college.example/rubric/1/proficient", name="Proficient"),
]


def welding(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "https://college.example/achievements/mig-welding",
        "name": "MIG Welding, Level 1",
        "description": "Lays a sound fillet weld in the flat position.",
        "criteria_narrative": "Observed by a certified evaluator on three welds.",
        "achievement_type": "Competency",
        "alignments": [
            alignment(
                target_name="Gas metal arc welding",
                target_url="https://frameworks.example/weld/gmaw-1",
                target_framework="Example Welding Framework",
                target_code="GMAW-1",
                target_type="ceasn:Competency",
            )
        ],
        "result_descriptions": [
            result_description(
                id="https://college.example/achievements/mig-welding/rd/1",
                name="Performance rating",
                result_type="RubricCriterionLevel",
                rubric_levels=LEVELS,
                required_level=LEVELS[1]["id"],
            )
        ],
        "credits_available": 1.5,
    }
    fields.update(changes)
    return achievement(**fields)


def badge(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": "urn:uuid:2d1c5a3e-7a55-4c2d-9a7e-0b9e4c1f0a01",
        "issuer": ISSUER,
        "subject": "did:example:learner-42",
        "achievement": welding(),
        "valid_from": "2025-03-01T09:00:00Z",
    }
    fields.update(changes)
    return achievement_credential(**fields)


def test_minimal_badge_has_the_ob3_shape() -> None:
    credential = badge()
    assert credential["@context"] == [VC2_CONTEXT, OB3_CONTEXT]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["name"] == "MIG Welding, Level 1"
    assert credential["credentialSubject"]["id"] == "did:example:learner-42"
    assert credential["credentialSubject"]["type"] == ["AchievementSubject"]
    assert "proof" not in credential
    assert schema_errors(credential) == []


def test_full_badge_passes_the_schema() -> None:
    rd = "https://college.example/achievements/mig-welding/rd/1"
    status = status_entry(
        status_list_credential="https://college.example/status/1", index=7, purpose="revocation"
    )
    credential = badge(
        valid_until=datetime(2030, 1, 1, tzinfo=UTC),
        result=result(result_description=rd, achieved_level=LEVELS[1]["id"]),
        evidence=[
            evidence(id="https://college.example/evidence/9", name="Weld photos"),
            evidence(narrative="Three welds passed visual and bend tests."),
        ],
        credential_status=status,
        credential_schema=[
            {
                "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
                "ob_v3p0_achievementcredential_schema.json",
                "type": "1EdTechJsonSchemaValidator2019",
            }
        ],
        description="Awarded after an observed performance test.",
        credential_type="AchievementCredential",
    )
    assert schema_errors(credential) == []
    assert credential["validUntil"] == "2030-01-01T00:00:00Z"
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    subject = credential["credentialSubject"]
    assert subject["result"][0]["type"] == ["Result"]
    assert subject["achievement"]["alignment"][0]["targetCode"] == "GMAW-1"
    assert subject["achievement"]["creditsAvailable"] == 1.5
    levels = subject["achievement"]["resultDescription"][0]["rubricCriterionLevel"]
    assert [level["name"] for level in levels] == ["Novice", "Proficient"]


def test_open_badge_credential_is_the_same_builder() -> None:
    assert open_badge_credential is achievement_credential


def test_hashed_email_recipient() -> None:
    identity = hashed_email_identifier(email=" Ada@Example.org ", salt="pepper")
    expected = hashlib.sha256(b"ada@example.orgpepper").hexdigest()
    assert identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "pepper",
    }
    credential = badge(subject=identity)
    assert "id" not in credential["credentialSubject"]
    assert credential["credentialSubject"]["identifier"] == [identity]
    assert schema_errors(credential) == []


def test_identifier_matches_the_right_address_only() -> None:
    identity = hashed_email_identifier(email="ada@example.org")
    assert len(identity["salt"]) == 32  # a random salt by default
    assert identifier_matches(identity, value="ada@example.org")
    assert identifier_matches(identity, value="ADA@example.org")
    assert not identifier_matches(identity, value="bob@example.org")


def test_identifier_matches_reads_ob2_style_md5_and_unhashed() -> None:
    md5 = hashlib.md5(b"ada@example.orgsalt", usedforsecurity=False).hexdigest()
    legacy = {"identityHash": f"md5${md5.upper()}", "hashed": True, "salt": "salt"}
    assert identifier_matches(legacy, value="ada@example.org")
    plain = {"identityHash": "ada@example.org", "hashed": False, "identityType": "emailAddress"}
    assert identifier_matches(plain, value="Ada@Example.org")


def test_endorsement_credential_passes_the_schema() -> None:
    credential = endorsement_credential(
        id="urn:uuid:0e5e1f9a-1d2b-4a44-8c55-0f1e2d3c4b5a",
        issuer=profile(id="https://guild.example/", name="Welders' Guild"),
        endorsed_id="https://college.example/achievements/mig-welding",
        endorsement_comment="Meets the guild's entry standard.",
        valid_from="2025-01-01T00:00:00+01:00",
        name="Guild endorsement of MIG Welding, Level 1",
    )
    assert credential["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert credential["credentialSubject"]["type"] == ["EndorsementSubject"]
    assert schema_errors(credential) == []


def test_presentation_wraps_objects_and_envelopes_jwts() -> None:
    vp = presentation(
        credentials=[badge(), "eyJhbGciOiJFZERTQSJ9.e30.c2ln"],
        holder="did:example:learner-42",
        id="urn:uuid:5b9a",
    )
    assert vp["@context"] == [VC2_CONTEXT]
    assert vp["type"] == ["VerifiablePresentation"]
    assert vp["holder"] == "did:example:learner-42"
    first, second = vp["verifiableCredential"]
    assert first["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert second == {
        "@context": VC2_CONTEXT,
        "id": "data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2ln",
        "type": "EnvelopedVerifiableCredential",
    }
    assert "proof" not in vp


def test_aware_datetime_is_written_in_utc() -> None:
    start = datetime(2025, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert badge(valid_from=start)["validFrom"] == "2025-03-01T09:00:00Z"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "not a uri"}, "id must be an absolute URI"),
        ({"subject": "learner-42"}, "credentialSubject.id"),
        ({"subject": {"type": "Person"}}, "credentialSubject must be"),
        ({"valid_from": "2025-03-01"}, "validFrom must be a date-time"),
        ({"valid_from": datetime(2025, 3, 1)}, "validFrom needs a time zone"),
        ({"valid_until": "2024-01-01T00:00:00Z"}, "validUntil must be later"),
        ({"issuer": {"name": "No id"}}, "issuer.id"),
        ({"credential_type": "DiplomaCredential"}, "credential_type"),
        ({"achievement": {"name": "no id"}}, "achievement must be"),
        ({"credential_status": [{"id": "x"}]}, "credentialStatus"),
    ],
)
def test_bad_credential_input_names_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(CredentialError, match=field):
        badge(**changes)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: welding(name=""), "achievement.name"),
        (lambda: welding(criteria_narrative=None), "achievement.criteria"),
        (lambda: welding(achievement_type="Trophy"), "achievement.achievementType"),
        (lambda: welding(credits_available=-1), "achievement.creditsAvailable"),
        (lambda: alignment(target_name="x", target_url="nope"), "alignment.targetUrl"),
        (
            lambda: alignment(target_name="x", target_url="https://x.example", target_type="Y"),
            "alignment.targetType",
        ),
        (
            lambda: result_description(id="https://x.example/rd", name="R", result_type="Vibes"),
            "resultDescription.resultType",
        ),
        (
            lambda: result_description(
                id="https://x.example/rd",
                name="R",
                result_type="RubricCriterionLevel",
                required_level="https://x.example/other",
            ),
            "requiredLevel",
        ),
        (lambda: result(status="Great"), "result.status"),
        (lambda: evidence(), "evidence needs"),
        (lambda: hashed_email_identifier(email="nobody"), "email"),
        (lambda: presentation(credentials=[]), "credentials"),
        (lambda: presentation(credentials=[{"type": "Other"}]), r"credentials\[0\]"),
    ],
)
def test_bad_part_input_names_the_field(build: Any, field: str) -> None:
    with pytest.raises(CredentialError, match=field):
        build()


def test_extension_vocabulary_terms_are_allowed() -> None:
    assert welding(achievement_type="ext:Apprenticeship")["achievementType"] == (
        "ext:Apprenticeship"
    )
