"""The independent Node peer (Digital Bazaar's reference libraries) verifies what we issue.

The peer works offline: it derives did:key documents and is handed our issuer's did:web
document with ``--add-doc`` (the same document /orgs/<slug>/did.json serves), so it checks
the eddsa-rdfc-2022 proof, that the key is listed under ``assertionMethod`` and that the
issuer controls it. It does not fetch status lists (it reports them not checked).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from skillstack.issuing.dids import did_document
from skillstack.issuing.services import credential_issue_for_attempt
from tests.issuing.helpers import passed_attempt
from tests.locking import cache_lock

SHARED = Path(os.environ.get("SKILLSTACK_SHARED", Path(settings.PROJECT_DIR).parent / "shared"))


def _missing(reason: str) -> None:
    pytest.fail(f"the Node peer cannot run: {reason}")


@pytest.fixture(scope="session")
def peer() -> Path:
    """A writable, installed copy of the peer, cached in the temp dir across runs."""
    source = SHARED / "interop" / "peer"
    if shutil.which("node") is None or not source.is_dir():
        _missing(f"Node.js or the peer at {source} is missing")
    lock = hashlib.sha256((source / "package-lock.json").read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"obcore-peer-{lock}"
    with cache_lock(target):  # one worker installs, the others wait and reuse it
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


def peer_verify(peer: Path, document: dict[str, Any], did_doc: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        credential_file, did_file = Path(folder) / "cred.json", Path(folder) / "did.json"
        credential_file.write_text(json.dumps(document))
        did_file.write_text(json.dumps(did_doc))
        run = subprocess.run(
            ["node", "verify.mjs", "--add-doc", str(did_file), str(credential_file)],
            cwd=peer,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the peer answered nothing: {run.stderr[-500:]}"
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def test_the_peer_verifies_our_credential(world, peer):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    result = peer_verify(peer, credential.document, did_document(organization=world.issuer))
    assert result["verified"] is True, result
    assert result["cryptosuites"] == ["eddsa-rdfc-2022"]


def test_the_peer_rejects_an_altered_credential(world, peer):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    altered = json.loads(json.dumps(credential.document))
    altered["credentialSubject"]["achievement"]["name"] = "Advanced Pipetting"
    result = peer_verify(peer, altered, did_document(organization=world.issuer))
    assert result["verified"] is False


def test_the_peer_rejects_a_key_the_issuer_does_not_list(world, peer):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    did_doc = did_document(organization=world.issuer)
    did_doc["assertionMethod"] = []
    result = peer_verify(peer, credential.document, did_doc)
    assert result["verified"] is False
