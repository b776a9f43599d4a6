"""CLR 2.0 ClrCredential builder: signed components bundled as they are, problems named."""

from __future__ import annotations

from typing import Any

import pytest

from obcore.clr import CLR_CONTEXT, clr_credential, clr_problems
from obcore.credentials import achievement, achievement_credential, hashed_email_identifier
from obcore.errors import CredentialError
from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add, proof_set_verify

KEY = Ed25519KeyPair.from_seed(bytes(range(32)))
ISSUER = KEY.did
LEARNER = "did:example:learner-42"


def _badge(n: int, achievement_id: str | None = None) -> dict[str, Any]:
    unsigned = achievement_credential(
        id=f"urn:uuid:00000000-0000-4000-8000-00000000000{n}",
        issuer={"id": ISSUER, "type": ["Profile"], "name": "Northfield Institute"},
        subject=LEARNER,
        achievement=achievement(
            id=achievement_id or f"https://northfield.example/achievements/{n}",
            name=f"Lab skill {n}",
            description="Performs the skill in front of an evaluator.",
            criteria_narrative="Every critical step observed.",
        ),
        valid_from=f"2026-01-0{n}T09:00:00Z",
        credential_type="AchievementCredential",
    )
    return proof_add(unsigned, key=KEY, created="2026-01-10T09:00:00Z")


def test_a_clr_bundles_signed_credentials_untouched() -> None:
    first, second = _badge(1), _badge(2)
    clr = clr_credential(
        id="urn:uuid:11111111-1111-4111-8111-111111111111",
        issuer={"id": ISSUER, "type": ["Profile"], "name": "Northfield Institute"},
        subject=LEARNER,
        credentials=[first, second],
        valid_from="2026-02-01T00:00:00Z",
        name="Learning record of learner 42",
        partial=True,
    )
    assert clr["@context"][1] == CLR_CONTEXT
    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    subject = clr["credentialSubject"]
    assert subject["type"] == ["ClrSubject"] and subject["id"] == LEARNER
    assert subject["verifiableCredential"] == [first, second]
    assert [a["id"] for a in subject["achievement"]] == [
        "https://northfield.example/achievements/1",
        "https://northfield.example/achievements/2",
    ]
    assert clr["partial"] is True
    # each component still verifies on its own inside the bundle
    for component in subject["verifiableCredential"]:
        assert all(r.verified for r in proof_set_verify(component))
    assert clr_problems(clr) == []


def test_an_achievement_earned_twice_is_listed_once() -> None:
    clr = clr_credential(
        id="urn:uuid:22222222-2222-4222-8222-222222222222",
        issuer=ISSUER,
        subject=[hashed_email_identifier(email="learner@example.test", salt="s")],
        credentials=[_badge(1, "https://x.example/a"), _badge(2, "https://x.example/a")],
        valid_from="2026-02-01T00:00:00Z",
        name="Record",
    )
    assert len(clr["credentialSubject"]["achievement"]) == 1
    assert "identifier" in clr["credentialSubject"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"credentials": []}, "at least one credential"),
        (
            {"credentials": [{"type": ["VerifiableCredential"], "id": "urn:x:1", "proof": {}}]},
            "verifiableCredential[0] must be an AchievementCredential",
        ),
        ({"credentials": ["a string"]}, "verifiableCredential[0] must be a signed credential"),
        ({"subject": "not a uri"}, "credentialSubject.id must be an absolute URI"),
        ({"name": " "}, "name must be non-empty text"),
    ],
)
def test_bad_input_is_named(change: dict[str, Any], message: str) -> None:
    arguments: dict[str, Any] = {
        "id": "urn:uuid:33333333-3333-4333-8333-333333333333",
        "issuer": ISSUER,
        "subject": LEARNER,
        "credentials": [_badge(1)],
        "valid_from": "2026-02-01T00:00:00Z",
        "name": "Record",
    } | change
    with pytest.raises(CredentialError, match=message.replace("[", r"\[").replace("]", r"\]")):
        clr_credential(**arguments)


def test_an_unsigned_component_is_refused() -> None:
    unsigned = dict(_badge(1))
    del unsigned["proof"]
    with pytest.raises(CredentialError, match="has no proof"):
        clr_credential(
            id="urn:uuid:44444444-4444-4444-8444-444444444444",
            issuer=ISSUER,
            subject=LEARNER,
            credentials=[unsigned],
            valid_from="2026-02-01T00:00:00Z",
            name="Record",
        )


def test_problems_of_documents_that_are_not_clrs() -> None:
    assert clr_problems([]) == ["a ClrCredential is a JSON object"]
    badge = _badge(1)
    problems = clr_problems(badge)
    assert "@context must include the CLR 2.0 context" in problems
    assert "type must include VerifiableCredential and ClrCredential" in problems
    assert "credentialSubject.type must include ClrSubject" in problems


def _signed_clr(*components: dict[str, Any]) -> dict[str, Any]:
    clr = clr_credential(
        id="urn:uuid:22222222-2222-4222-8222-222222222222",
        issuer={"id": ISSUER, "type": ["Profile"], "name": "Northfield Institute"},
        subject=LEARNER,
        credentials=list(components),
        valid_from="2026-02-01T00:00:00Z",
        name="Learning record of learner 42",
    )
    return proof_add(clr, key=KEY, created="2026-02-01T00:00:00Z")


def test_verify_checks_the_record_and_each_credential_in_it() -> None:
    from obcore.verify import verify

    report = verify(_signed_clr(_badge(1), _badge(2)))
    assert report.verified, report.as_dict()
    ids = {c.id for c in report.checks}
    assert {"schema", "proof[0]", "credential[0].proof[0]", "credential[1].proof[0]"} <= ids


def test_a_tampered_component_fails_even_under_a_valid_record_signature() -> None:
    from obcore.verify import verify

    component = _badge(1)
    component["name"] = "Something never earned"
    report = verify(_signed_clr(component))  # the record is signed over the tampered copy
    assert not report.verified
    failed = [c.id for c in report.checks if c.outcome.value == "fail"]
    assert failed == ["credential[0].proof[0]"]
