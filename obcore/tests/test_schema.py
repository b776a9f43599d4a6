"""Shape validation against the bundled 1EdTech OB 3.0 JSON Schemas."""

from __future__ import annotations

import copy
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from obcore.schema import schema_errors, schema_for

PINNED = {
    "achievementcredential.json": "5753fb3ecf7d024ed273dd364bd683f4"
    "83eb47257e718e6618832cf89eb2083a",
    "endorsementcredential.json": "4627e1878848d0192c3f9e26f09ef88a"
    "96ad48a46f5fca11b80b679ece0de345",
    "profile.json": "9b05049f720b8ad9bd7aed358ca59c643c34bf1cec0b29fd7baa8bf98efed164",
}


def load(corpus: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus / name).read_text("utf-8"))
    return data


@pytest.mark.parametrize(("name", "digest"), sorted(PINNED.items()))
def test_bundled_schemas_are_the_published_files(name: str, digest: str) -> None:
    data = resources.files("obcore.schemas").joinpath(name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest


def test_bundled_schemas_match_the_shared_copy(shared: Path) -> None:
    for name in PINNED:
        source = shared / "standards" / "schemas" / "ob_v3p0" / name
        bundled = resources.files("obcore.schemas").joinpath(name).read_bytes()
        assert bundled == source.read_bytes()


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["VerifiableCredential", "OpenBadgeCredential"], "achievementcredential.json"),
        (["VerifiableCredential", "AchievementCredential"], "achievementcredential.json"),
        (["VerifiableCredential", "EndorsementCredential"], "endorsementcredential.json"),
        ("Profile", "profile.json"),
        (["VerifiableCredential", "OtherCredential"], None),
    ],
)
def test_schema_is_chosen_by_type(types: Any, expected: str | None) -> None:
    assert schema_for({"type": types}) == expected


@pytest.mark.parametrize(
    "name",
    [
        "ob30/simple.json",
        "ob30/simple_v1.json",
        "ob30/simple-did-web-method.json",
        "ob30/simple-multiple-proofs.json",
        "ob30/endorsement-valid.json",
        "ob30/credential-status-revoked.json",
        "ob30/bit-string-list/credential-status-revoked.json",
        "ob30/complete.json",
    ],
)
def test_well_formed_corpus_samples_have_no_shape_errors(corpus: Path, name: str) -> None:
    assert schema_errors(load(corpus, name)) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "ob30/simple-err-credential-subject-type.json",
            "credentialSubject.type: must contain 'AchievementSubject'",
        ),
        (
            "ob30/simple-err-credential-subject-result-type.json",
            "credentialSubject.result[1].type: must contain 'Result'",
        ),
        (
            "ob30/simple-err-credential-subject-achievement-result-description-type.json",
            (
                "credentialSubject.achievement.resultDescription[2].type: "
                "must contain 'ResultDescription'"
            ),
        ),
        (
            "ob30/simple-err-credential-subject-identifier-type.json",
            "credentialSubject.identifier[0].type: must be one of 'IdentityObject'",
        ),
        (
            "ob30/simple-err-credential-subject-profile-type.json",
            "credentialSubject.source.type: must contain 'Profile'",
        ),
        ("ob30/simple-err-evidence-type.json", "evidence[1].type: must contain 'Evidence'"),
        ("ob30/simple-err-issuer-type.json", "issuer.type: must contain 'Profile'"),
        (
            "ob30/simple-err-issuer-parentorg-type.json",
            "issuer.parentOrg.type: must contain 'Profile'",
        ),
        (
            "ob30/simple-err-issuer-otheridentifier-type.json",
            "issuer.otherIdentifier[1].type: must be one of 'IdentifierEntry'",
        ),
        ("ob30/simple-err-issuer.json", "(document): missing required property 'issuer'"),
    ],
)
def test_corpus_shape_errors_name_the_path_and_reason(
    corpus: Path, name: str, expected: str
) -> None:
    assert expected in schema_errors(load(corpus, name))


def test_unknown_type_is_reported(corpus: Path) -> None:
    errors = schema_errors(load(corpus, "ob30/simple-err-type.json"))
    assert errors == [
        "type: no Open Badges 3.0 schema for type 'VerifiableCredential', 'OtherCredential'"
    ]


def test_single_type_string_counts_as_a_set_of_one(corpus: Path) -> None:
    credential = load(corpus, "ob30/simple.json")
    credential["credentialSubject"]["type"] = "AchievementSubject"
    assert schema_errors(credential) == []
    credential["credentialSubject"]["type"] = "Person"
    assert schema_errors(credential) == [
        "credentialSubject.type: must contain 'AchievementSubject'"
    ]


def test_vcdm1_dates_are_read_as_vcdm2_names(corpus: Path) -> None:
    credential = load(corpus, "ob30/simple_v1.json")
    assert "issuanceDate" in credential
    broken = copy.deepcopy(credential)
    del broken["issuanceDate"]
    assert "(document): missing required property 'validFrom'" in schema_errors(broken)


def test_non_object_is_an_error() -> None:
    assert schema_errors([]) == ["(document): must be a JSON object"]  # type: ignore[arg-type]
