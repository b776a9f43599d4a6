"""Round trip with the independent Node.js peer (Digital Bazaar reference libraries).

Both directions, both suites: the peer verifies what ``python -m obcore sign`` makes, and
``python -m obcore verify`` accepts what the peer issues and rejects every alteration
``tamper.mjs`` makes (``reorder`` changes only key order and whitespace: still valid).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.peer
SUITES = ["rdfc", "jcs"]
TAMPERS = ["name", "issuer", "extra-term", "proofvalue", "created"]


def _missing(reason: str) -> None:
    pytest.fail(f"the Node peer cannot run: {reason}")


@pytest.fixture(scope="session")
def peer(shared: Path) -> Path:
    """A writable, installed copy of the peer, cached in the temp dir across runs."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        _missing("Node.js/npm is not installed")
    source = shared / "interop" / "peer"
    lock = hashlib.sha256((source / "package-lock.json").read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"obcore-peer-{lock}"
    run = subprocess.run(
        ["bash", str(source / "setup-copy.sh"), str(target)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if run.returncode != 0:
        _missing(f"setting up the peer failed: {run.stderr.strip()[-300:]}")
    return Path(run.stdout.strip().splitlines()[-1])


def node(peer: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["node", *args], cwd=peer, input=stdin, capture_output=True, check=False, timeout=120
    )


def obcore(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "obcore", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
    )


@pytest.fixture(scope="session")
def peer_signed(peer: Path) -> dict[str, bytes]:
    out = {}
    for suite in SUITES:
        result = node(
            peer,
            "issue.mjs",
            "--suite",
            suite,
            "--seed-text",
            "obcore-interop",
            "--issuer-from-key",
            "--created",
            "2025-01-15T09:00:00Z",
            "samples/ob3-achievement-unsigned.json",
        )
        assert result.returncode == 0, result.stderr
        out[suite] = result.stdout
    return out


@pytest.mark.parametrize("suite", SUITES)
def test_obcore_verifies_what_the_peer_issues(peer_signed: dict[str, bytes], suite: str) -> None:
    result = obcore("verify", "--json", "-", stdin=peer_signed[suite])
    record = json.loads(result.stdout)
    assert result.returncode == 0 and record["verified"] is True, record


@pytest.mark.parametrize("suite", SUITES)
@pytest.mark.parametrize("kind", TAMPERS)
def test_obcore_rejects_every_peer_tampering(
    peer: Path, peer_signed: dict[str, bytes], suite: str, kind: str
) -> None:
    tampered = node(peer, "tamper.mjs", kind, stdin=peer_signed[suite])
    assert tampered.returncode == 0, tampered.stderr
    result = obcore("verify", "--json", "-", stdin=tampered.stdout)
    record = json.loads(result.stdout)
    assert result.returncode == 1 and record["verified"] is False, (kind, record)


@pytest.mark.parametrize("suite", SUITES)
def test_reordered_keys_and_whitespace_still_verify(
    peer: Path, peer_signed: dict[str, bytes], suite: str
) -> None:
    reordered = node(peer, "tamper.mjs", "reorder", stdin=peer_signed[suite])
    result = obcore("verify", "--json", "-", stdin=reordered.stdout)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_the_peer_verifies_what_obcore_signs(peer: Path, tmp_path: Path, suite: str) -> None:
    key = obcore("keygen")
    key_path = tmp_path / "key.json"
    key_path.write_bytes(key.stdout)
    did = "did:key:" + json.loads(key.stdout)["publicKeyMultibase"]
    document = json.loads((peer / "samples" / "ob3-achievement-unsigned.json").read_text())
    document["issuer"]["id"] = did
    source = tmp_path / "unsigned.json"
    source.write_text(json.dumps(document))
    signed = obcore("sign", "--key", str(key_path), "--suite", suite, str(source))
    assert signed.returncode == 0, signed.stderr
    out = tmp_path / "signed.json"
    out.write_bytes(signed.stdout)
    verdict = node(peer, "verify.mjs", str(out))
    line = json.loads(verdict.stdout.decode().strip().splitlines()[0])
    assert verdict.returncode == 0 and line["verified"] is True, line


def test_the_peer_verifies_an_obcore_json_lines_batch(peer: Path, tmp_path: Path) -> None:
    key = obcore("keygen")
    key_path = tmp_path / "key.json"
    key_path.write_bytes(key.stdout)
    did = "did:key:" + json.loads(key.stdout)["publicKeyMultibase"]
    base = json.loads((peer / "samples" / "ob3-achievement-unsigned.json").read_text())
    lines = []
    for i in range(5):
        doc = json.loads(json.dumps(base))
        doc["issuer"]["id"] = did
        doc["id"] = f"urn:uuid:5e0c5a63-0000-4000-8000-00000000000{i}"
        lines.append(json.dumps(doc))
    signed = obcore("sign", "--key", str(key_path), "-", stdin=("\n".join(lines) + "\n").encode())
    assert signed.returncode == 0, signed.stderr
    verdict = node(peer, "verify.mjs", "-", stdin=signed.stdout)
    records = [json.loads(x) for x in verdict.stdout.decode().strip().splitlines()]
    assert len(records) == 5 and all(r["verified"] for r in records), records
