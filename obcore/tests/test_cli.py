"""The command line, run as a user would (subprocess): output shapes and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from obcore.keys import key_pair_from_json


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "obcore", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = run("keygen")
    assert result.returncode == 0 and result.stderr == b""
    path = tmp_path_factory.mktemp("key") / "key.json"
    path.write_bytes(result.stdout)
    return path


def unsigned(did: str, name: str = "Badge") -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:00000000-0000-4000-8000-{abs(hash(name)) % 10**12:012d}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": did, "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/a",
                "type": ["Achievement"],
                "name": name,
                "description": "d",
                "criteria": {"narrative": "n"},
            },
        },
    }


def test_keygen_prints_exactly_one_json_object_with_both_keys() -> None:
    result = run("keygen")
    data = json.loads(result.stdout)
    assert set(data) == {"publicKeyMultibase", "secretKeyMultibase"}
    assert data["publicKeyMultibase"].startswith("z6Mk")
    assert data["secretKeyMultibase"].startswith("z3u2")
    assert result.stdout.count(b"\n") == 1


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_sign_then_verify_exits_0(key_file: Path, tmp_path: Path, suite: str) -> None:
    did = key_pair_from_json(json.loads(key_file.read_text())).did
    source = tmp_path / "c.json"
    source.write_text(json.dumps(unsigned(did), indent=2))
    signed = run(
        "sign",
        "--key",
        str(key_file),
        "--suite",
        suite,
        "--created",
        "2025-01-01T00:00:00Z",
        str(source),
    )
    assert signed.returncode == 0, signed.stderr
    assert json.loads(signed.stdout)["proof"]["cryptosuite"] == suite
    out = tmp_path / "s.json"
    out.write_bytes(signed.stdout)
    verified = run("verify", str(out))
    assert verified.returncode == 0, verified.stdout
    assert b"VALID" in verified.stdout


def test_sign_refuses_a_credential_whose_issuer_is_not_the_key(key_file: Path) -> None:
    result = run(
        "sign",
        "--key",
        str(key_file),
        "-",
        stdin=json.dumps(unsigned("did:example:someone-else")).encode(),
    )
    assert result.returncode == 2
    assert b"issuer" in result.stderr and b"Traceback" not in result.stderr


def test_json_lines_in_json_lines_out_one_line_per_credential(key_file: Path) -> None:
    did = key_pair_from_json(json.loads(key_file.read_text())).did
    lines = "\n".join(json.dumps(unsigned(did, f"Badge {i}")) for i in range(3)) + "\n"
    signed = run("sign", "--key", str(key_file), "-", stdin=lines.encode())
    assert signed.returncode == 0, signed.stderr
    out_lines = signed.stdout.decode().strip().split("\n")
    assert len(out_lines) == 3
    tampered = json.loads(out_lines[1])
    tampered["name"] = "Changed"
    body = (
        "\n".join(
            [
                out_lines[0],
                json.dumps(tampered),
                "{not json",
                out_lines[2],
                json.dumps(
                    {
                        **json.loads(out_lines[0]),
                        "@context": [
                            "https://www.w3.org/ns/credentials/v2",
                            "https://example.org/unknown",
                        ],
                    }
                ),
            ]
        )
        + "\n"
    )
    result = run("verify", "--json", "-", stdin=body.encode())
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode().strip().split("\n")]
    assert [r["verified"] for r in records] == [True, False, False, True, False]
    assert all("checks" in r for r in records)
    assert "not valid JSON" in records[2]["error"]
    assert "unknown" in records[4]["error"]


def test_verify_exit_codes_for_missing_file_and_bad_options(tmp_path: Path) -> None:
    missing = run("verify", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and b"cannot read" in missing.stderr
    bad_option = run("verify", "--frobnicate", "x")
    assert bad_option.returncode == 2 and b"Traceback" not in bad_option.stderr
    bad_now = run("verify", "--now", "yesterday", str(tmp_path))
    assert bad_now.returncode == 2
    no_command = run()
    assert no_command.returncode == 2


def test_verify_accepts_jwt_png_and_svg_from_the_corpus(corpus: Path) -> None:
    for name in ("ob30/simple-jwt.png", "ob30/simple-jwt.svg"):
        result = run("verify", "--json", str(corpus / name))
        record = json.loads(result.stdout)
        assert record["verified"] is True and result.returncode == 0, record


def test_verify_with_now_before_valid_from_exits_1(key_file: Path, tmp_path: Path) -> None:
    did = key_pair_from_json(json.loads(key_file.read_text())).did
    signed = run("sign", "--key", str(key_file), "-", stdin=json.dumps(unsigned(did)).encode())
    path = tmp_path / "s.json"
    path.write_bytes(signed.stdout)
    result = run("verify", "--json", "--now", "2024-01-01T00:00:00Z", str(path))
    assert result.returncode == 1
    assert "not valid yet" in json.loads(result.stdout)["error"]


def test_main_is_callable_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    from obcore.cli import main

    assert main(["keygen"]) == 0
    assert json.loads(capsys.readouterr().out)["publicKeyMultibase"].startswith("z6Mk")
    assert main(["verify"]) == 2


def test_parallel_verification_gives_the_same_lines_in_the_same_order(
    key_file: Path, tmp_path: Path
) -> None:
    from obcore.cli import PARALLEL_MIN
    from obcore.proofs import proof_add

    key = key_pair_from_json(json.loads(key_file.read_text()))
    lines = []
    for i in range(PARALLEL_MIN + 10):
        signed = proof_add(unsigned(key.did, f"Badge {i}"), key=key, cryptosuite="eddsa-jcs-2022")
        if i % 37 == 0:
            signed["name"] = "changed"
        lines.append(json.dumps(signed))
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n")
    one = run("verify", "--json", "--jobs", "1", str(path))
    many = run("verify", "--json", "--jobs", "2", str(path))
    assert one.returncode == many.returncode == 1
    assert one.stdout == many.stdout
    records = [json.loads(x) for x in many.stdout.decode().splitlines()]
    assert [r["input"] for r in records] == [f"{path}:{i}" for i in range(1, len(lines) + 1)]
    assert sum(not r["verified"] for r in records) == len(range(0, len(lines), 37))
