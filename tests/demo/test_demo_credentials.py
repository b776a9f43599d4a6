"""The demo's credentials are real: the Node reference peer verifies every one, and our own
verification sees the revoked one as revoked."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from obcore.verify import verify

from skillstack.accounts.models import Organization
from skillstack.assessment.models import Attempt
from skillstack.demo.assessment import REVOKED_LEARNER
from skillstack.demo.builder import demo_load
from skillstack.demo.people import learner_email
from skillstack.issuing.dids import did_document
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.test_peer_interop import peer  # noqa: F401  (session fixture)


def test_demo_issues_credentials_for_passes_only_and_revokes_one(db) -> None:
    demo_load()
    passed = Attempt.objects.filter(passed=True)
    failed = Attempt.objects.filter(passed=False)
    assert failed.count() == 3 and all(a.to_practise for a in failed)
    learners = IssuedCredential.objects.exclude(attempt=None)
    assert learners.count() == passed.count() == 33
    revoked = IssuedCredential.objects.get(state=CredentialState.REVOKED)
    assert revoked.recipient.email == learner_email(REVOKED_LEARNER)
    report = verify(
        revoked.document, resolver=local_resolver(), get_status_list=local_status_list_getter()
    )
    assert not report.verified
    assert any(c.id.startswith("status") and c.outcome == "fail" for c in report.checks)


def test_the_node_peer_verifies_every_demo_credential(db, peer: Path) -> None:  # noqa: F811
    demo_load()
    issued = IssuedCredential.objects.values_list("issuer_id", flat=True).distinct()
    issuers = list(Organization.objects.filter(pk__in=issued))
    assert "northfield-institute" in {o.slug for o in issuers}
    documents = list(IssuedCredential.objects.values_list("document", flat=True))
    assert len(documents) >= 33
    with tempfile.TemporaryDirectory() as folder:
        docs: list[str] = []
        for organization in issuers:  # every issuer's did:web document, as if it were hosted
            did_file = Path(folder) / f"{organization.slug}.did.json"
            did_file.write_text(json.dumps(did_document(organization=organization)))
            docs += ["--add-doc", str(did_file)]
        run = subprocess.run(
            ["node", "verify.mjs", *docs],
            input="\n".join(json.dumps(d) for d in documents),
            cwd=peer,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(documents), run.stderr[-500:]
    refused = [r for r in results if r.get("verified") is not True]
    assert not refused, refused[:2]
