"""Byte-for-byte reproduction of the W3C vc-di-eddsa and 1EdTech OB 3.0 proof vectors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from obcore import _di_eddsa as suites
from obcore.keys import Ed25519KeyPair, key_pair_from_json
from obcore.proofs import proof_add, proof_set_verify
from obcore.report import Outcome


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def vectors(shared: Path) -> Path:
    return shared / "standards" / "vectors" / "vc-di-eddsa" / "TestVectors"


CASES = [
    ("eddsa-rdfc-2022", "unsigned.json", "eddsa-rdfc-2022", "DataInt", "signedDataInt.json"),
    (
        "eddsa-rdfc-2022",
        "employmentAuth.json",
        "eddsa-rdfc-2022/employ",
        "DataInt",
        "signedDataInt.json",
    ),
    ("eddsa-jcs-2022", "unsigned.json", "eddsa-jcs-2022", "JCS", "signedJCS.json"),
]


@pytest.mark.parametrize(("suite", "unsigned", "folder", "tag", "signed"), CASES)
def test_w3c_vector_every_intermediate_value_matches(
    vectors: Path, suite: str, unsigned: str, folder: str, tag: str, signed: str
) -> None:
    base = vectors / folder
    document = _load(vectors / unsigned)
    options = _load(base / f"proofConfig{tag}.json")
    options.pop("@context", None)
    canonical = suites.canonicalize(suite=suite, document=document, proof_options=options)
    assert canonical.document == (base / f"canonDoc{tag}.txt").read_text()
    assert canonical.proof_config == (base / f"proofCanon{tag}.txt").read_text()
    assert canonical.document_hash.hex() == (base / f"docHash{tag}.txt").read_text().strip()
    assert canonical.proof_config_hash.hex() == (base / f"proofHash{tag}.txt").read_text().strip()
    assert canonical.hash_data.hex() == (base / f"combinedHash{tag}.txt").read_text().strip()
    key = key_pair_from_json(_load(vectors / "keyPair.json"))
    signature = key.sign(canonical.hash_data)
    assert signature.hex() == (base / f"sigHex{tag}.txt").read_text().strip()
    assert suites.encode_proof_value(signature) == (base / f"sigBTC58{tag}.txt").read_text().strip()


@pytest.mark.parametrize(("suite", "unsigned", "folder", "tag", "signed"), CASES)
def test_w3c_vector_signed_document_is_reproduced_and_verifies(
    vectors: Path, suite: str, unsigned: str, folder: str, tag: str, signed: str
) -> None:
    key = key_pair_from_json(_load(vectors / "keyPair.json"))
    expected = _load(vectors / folder / signed)
    made = proof_add(
        _load(vectors / unsigned), key=key, cryptosuite=suite, created=expected["proof"]["created"]
    )
    assert made == expected
    results = proof_set_verify(expected)
    assert [r.verified for r in results] == [True]


def test_w3c_proof_set_vector_is_reproduced_and_each_proof_verifies(vectors: Path) -> None:
    folder = vectors / "proof-set-chain"
    pairs = _load(folder / "multiKeyPairs.json")
    document = _load(folder / "unsigned.json")
    for number, pair in ((1, "keyPair1"), (2, "keyPair2")):
        config = _load(folder / f"proofSetConfig{number}.json")
        document = proof_add(
            {**document, "proof": document["proof"]} if "proof" in document else document,
            key=key_pair_from_json(pairs[pair]),
            created=config["created"],
            proof_id=config["id"],
        )
    if not isinstance(document["proof"], list):
        document["proof"] = [document["proof"]]
    assert document == _load(folder / "signedProofSet2.json")
    assert [r.verified for r in proof_set_verify(document)] == [True, True]


def test_w3c_proof_chain_vector_verifies_each_proof_including_previous_proof(
    vectors: Path,
) -> None:
    folder = vectors / "proof-set-chain"
    signed = _load(folder / "signedProofChain2.json")
    results = proof_set_verify(signed)
    assert [r.verified for r in results] == [True, True, True, True]
    pairs = _load(folder / "multiKeyPairs.json")
    config = _load(folder / "proofChainConfig2.json")
    previous = {k: v for k, v in signed.items()}
    previous["proof"] = signed["proof"][:3]
    remade = proof_add(
        previous,
        key=key_pair_from_json(pairs["keyPair4"]),
        created=config["created"],
        previous_proof=config["previousProof"],
    )
    assert remade["proof"][3]["proofValue"] == signed["proof"][3]["proofValue"]


def test_proof_chain_with_a_broken_previous_proof_reference_fails(vectors: Path) -> None:
    signed = _load(vectors / "proof-set-chain" / "signedProofChain2.json")
    signed["proof"][3]["previousProof"] = "urn:uuid:not-there"
    results = proof_set_verify(signed)
    assert results[3].verified is False
    assert "previousProof" in results[3].checks[0].message


SEED_1EDTECH = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"
PROOF_VALUE_1EDTECH = (
    "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr"
)


def test_1edtech_ob3_vector_canonical_forms_and_proof_value_match(shared: Path) -> None:
    peer_vectors = shared / "interop" / "peer" / "vectors" / "1edtech-ob3"
    canon_dir = shared / "standards" / "vectors" / "ob3-1edtech" / "obv3p0"
    signed = _load(peer_vectors / "signed.json")
    assert signed["proof"]["proofValue"] == PROOF_VALUE_1EDTECH  # as printed in the guide
    document = {k: v for k, v in signed.items() if k != "proof"}
    options = {k: v for k, v in signed["proof"].items() if k != "proofValue"}
    canonical = suites.canonicalize(suite=suites.RDFC, document=document, proof_options=options)
    assert canonical.document == (canon_dir / "document-canon.txt").read_text()
    assert canonical.proof_config == (canon_dir / "proof-canon.txt").read_text()
    assert canonical.document_hash == hashlib.sha256(canonical.document.encode()).digest()
    key = Ed25519KeyPair.from_seed(bytes.fromhex(SEED_1EDTECH))
    assert key.public_key_multibase == "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
    remade = proof_add(
        document,
        key=key,
        created=options["created"],
        verification_method=options["verificationMethod"],
    )
    assert remade["proof"]["proofValue"] == PROOF_VALUE_1EDTECH


def test_legacy_ed25519signature2020_vector_is_not_verified_but_reported(vectors: Path) -> None:
    signed = _load(vectors / "Ed25519Signature2020" / "signedEdSig.json")
    (result,) = proof_set_verify(signed)
    assert result.checks[0].outcome is Outcome.NOT_CHECKED
    assert "Ed25519Signature2020" in result.checks[0].message
