"""Independent wallets receive a credential from a live Skillstack, and the independent Node peer
verifies it: over OpenID4VCI 1.0 (OpenWallet Foundation's oid4vc-ts client), and over a VC-API
exchange with DIDAuth (a presentation signed with Digital Bazaar's reference libraries, as the
Learner Credential Wallet signs one).

The client is ``interop/oid4vci-client``, installed with ``npm ci`` into a temporary copy (the
registry lock pins every package); the peer is the one ``tests/issuing/test_peer_interop.py``
sets up. Missing Node, npm or registry is a failure, never a skip.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from skillstack.issuing.dids import did_document
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.oid4vci.models import WalletOffer
from skillstack.oid4vci.services import wallet_offer_create
from tests.issuing.helpers import passed_attempt
from tests.issuing.test_peer_interop import peer, peer_verify  # noqa: F401 - the fixture
from tests.locking import cache_lock

CLIENT = Path(settings.PROJECT_DIR) / "interop" / "oid4vci-client"


@pytest.fixture(scope="session")
def node_wallet() -> Path:
    """A writable copy of the client with its locked packages installed (cached per lock)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("the Node wallet cannot run: Node.js or npm is missing")
    lock = hashlib.sha256((CLIENT / "package-lock.json").read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"skillstack-oid4vci-client-{lock}"
    with cache_lock(target):  # one worker installs, the others wait and reuse it
        if not (target / "node_modules" / "@openid4vc" / "openid4vci").is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(CLIENT, target, ignore=shutil.ignore_patterns("node_modules"))
            run = subprocess.run(
                ["npm", "ci", "--no-audit", "--no-fund"],
                cwd=target,
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
            if run.returncode != 0:
                pytest.fail(f"npm ci for the Node wallet failed: {run.stderr.strip()[-500:]}")
    for script in CLIENT.glob("*.mjs"):  # the scripts as they are now
        shutil.copy2(script, target / script.name)
    return target


def _receive(node_wallet: Path, link: str, pin: str) -> dict[str, Any]:
    run = subprocess.run(
        ["node", "run.mjs", link, pin, "--insecure"],
        cwd=node_wallet,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and lines, f"the Node wallet failed: {run.stderr[-1500:]}"
    result: dict[str, Any] = json.loads(lines[-1])
    return result


@pytest.mark.django_db(transaction=True)
def test_an_independent_wallet_receives_a_credential_the_peer_verifies(
    world,
    live_server,
    settings,
    node_wallet,
    peer,  # noqa: F811 - peer is the imported fixture
):
    settings.SITE_URL = live_server.url  # the credential issuer identifier the wallet checks
    learner = world.people["learner"]
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    created = wallet_offer_create(actor=learner, credential=credential, channel="oid4vci")

    received = _receive(node_wallet, created.link, created.tx_code)

    document = received["credential"]
    assert document["credentialSubject"]["id"] == received["holder"]
    assert received["holder"].startswith("did:key:z6Mk")
    assert (
        document["credentialSubject"]["achievement"]["id"]
        == (credential.document["credentialSubject"]["achievement"]["id"])
    )
    offer = WalletOffer.objects.get(pk=created.offer.pk)
    assert offer.issued is not None and offer.issued.credential_id == document["id"]
    verdict = peer_verify(peer, document, did_document(organization=world.issuer))
    assert verdict["verified"] is True, verdict
    assert verdict["cryptosuites"] == ["eddsa-rdfc-2022"]


@pytest.mark.django_db(transaction=True)
def test_the_independent_wallet_is_refused_with_a_wrong_pin(
    world, live_server, settings, node_wallet
):
    settings.SITE_URL = live_server.url
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    created = wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="oid4vci"
    )
    wrong = "000000" if created.tx_code != "000000" else "111111"
    run = subprocess.run(
        ["node", "run.mjs", created.link, wrong, "--insecure"],
        cwd=node_wallet,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode != 0
    assert "invalid_grant" in run.stderr + run.stdout
    assert WalletOffer.objects.get(pk=created.offer.pk).issued is None


@pytest.mark.django_db(transaction=True)
def test_a_reference_library_wallet_completes_a_vc_api_exchange(
    world,
    live_server,
    settings,
    node_wallet,
    peer,  # noqa: F811 - peer is the imported fixture
):
    settings.SITE_URL = live_server.url
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    created = wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="vcapi"
    )
    exchange_url = f"{live_server.url}/mobile/exchanges/{created.secret}"
    run = subprocess.run(
        ["node", "didauth.mjs", exchange_url],
        cwd=node_wallet,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert run.returncode == 0 and lines, f"the DIDAuth wallet failed: {run.stderr[-1500:]}"
    received = json.loads(lines[-1])
    document = received["response"]["verifiablePresentation"]["verifiableCredential"][0]
    assert document["credentialSubject"]["id"] == received["holder"]
    assert WalletOffer.objects.get(pk=created.offer.pk).holder_did == received["holder"]
    verdict = peer_verify(peer, document, did_document(organization=world.issuer))
    assert verdict["verified"] is True, verdict
