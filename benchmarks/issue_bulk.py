"""Issue 10,000 credentials end to end on SQLite, beside the Node peer's raw signing rate.

Run: ``.venv/bin/python benchmarks/issue_bulk.py [--n 10000] [--chunk 500]``

Set-up (not timed): a fresh SQLite database, one issuer with a published micro-credential,
a certified evaluator, a session, and ``n`` learners with a final passed attempt each, made
with ``bulk_create``. Timed: ``credentials_issue_for_attempts`` — the same code that issues a
single credential — from loading the attempts to every credential built with obcore's
builders, signed with eddsa-rdfc-2022, stored, audited, with two status entries allocated.
Then the results are checked (counts, unique indexes, a sample verified with obcore) and the
peer's ``issue.mjs --bench`` signs one of our unsigned credentials, in the same run. The last
line is JSON: ``credentials``, ``per_s``, ``peer_sign_per_s``, ``ratio`` (ours ÷ peer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLSTACK_SHARED", ROOT.parent / "shared"))
UNUSABLE = "!"  # Django's mark of an unusable password: these learners never sign in


def _django(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("SKILLSTACK_ENV", "development")
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillstack.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _setup(n: int) -> Any:
    """The issuer, its micro-credential, an evaluator and ``n`` passed attempts (bulk)."""
    from datetime import date, timedelta

    from django.utils import timezone

    from skillstack.accounts.models import LearnerProfile, Organization, User
    from skillstack.accounts.roles import IssuerType, OrgKind
    from skillstack.assessment.models import (
        AssessmentSession,
        Attempt,
        AttemptStatus,
        EvaluatorCertification,
    )
    from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill

    issuer = Organization.objects.create(
        kind=OrgKind.ISSUER,
        issuer_type=IssuerType.CERTIFYING_INSTITUTE,
        name="BioSkills Institute",
        slug="bioskills",
    )
    mc = MicroCredential.objects.create(issuer=issuer, slug="pipetting", status="published")
    version = MicroCredentialVersion.objects.create(
        micro_credential=mc,
        number=1,
        name="Accurate Pipetting",
        description="Dispenses volumes from 2 µl to 1 ml accurately.",
        criteria="Performs the pipetting steps in front of a certified evaluator.",
        validity_months=24,
        credits_available="0.5",
        performance_test={
            "steps": [
                {"key": "tip", "title": "Fit a fresh tip", "kind": "check", "critical": True},
                {"key": "prewet", "title": "Pre-wet the tip", "kind": "check"},
                {
                    "key": "accuracy",
                    "title": "Volume accuracy",
                    "kind": "rubric",
                    "levels": ["Outside tolerance", "Within 5 %", "Within 1 %"],
                    "min_level": 2,
                },
            ],
            "rule": {"min_other_checks": 1},
        },
        published_at=timezone.now(),
    )
    version.skills.add(
        Skill.objects.create(organization=issuer, code="pipetting", label="Use pipettes")
    )
    evaluator = User.objects.create_user(email="eva@bench.test", full_name="Eva Evaluator")
    certification = EvaluatorCertification.objects.create(
        evaluator=evaluator,
        micro_credential=mc,
        valid_from=date.today() - timedelta(days=1),
        valid_until=date.today() + timedelta(days=365),
    )
    session = AssessmentSession.objects.create(
        issuer=issuer, micro_credential_version=version, date=date.today(), place="Lab 3"
    )
    users = User.objects.bulk_create(
        User(email=f"learner{i}@bench.test", full_name=f"Learner {i}", password=UNUSABLE)
        for i in range(n)
    )
    LearnerProfile.objects.bulk_create(
        LearnerProfile(user=u, identity_salt=os.urandom(16).hex()) for u in users
    )
    now = timezone.now()
    photo = hashlib.sha256(b"photo").hexdigest()
    Attempt.objects.bulk_create(
        Attempt(
            session=session,
            learner=u,
            micro_credential_version=version,
            evaluator=evaluator,
            certification=certification,
            observed_at=now,
            elapsed_s=200 + i % 100,
            observations={"checks_done": ["tip", "prewet"], "rubric_levels": {"accuracy": 3}},
            evidence_hashes=[photo],
            passed=True,
            status=AttemptStatus.FINAL,
            attested_at=now,
        )
        for i, u in enumerate(users)
    )
    return session


def _issue(session: Any, chunk: int) -> tuple[float, list[Any]]:
    from skillstack.issuing.issuance import (
        credentials_issue_for_attempts,
        session_attempts_to_issue,
    )

    start = time.perf_counter()
    attempts = session_attempts_to_issue(session=session)
    credentials = credentials_issue_for_attempts(attempts=attempts, chunk_size=chunk)
    return time.perf_counter() - start, credentials


def _check(n: int, credentials: list[Any]) -> None:
    from obcore.verify import verify

    from skillstack.issuing.models import IssuedCredential, StatusAllocation
    from skillstack.issuing.verification import local_resolver, local_status_list_getter

    stored = IssuedCredential.objects.filter(idempotency_key__startswith="attempt:").count()
    assert stored == n == len(credentials), (stored, n, len(credentials))
    assert StatusAllocation.objects.count() == 2 * n + 2  # and the evaluator's certification
    resolver, getter = local_resolver(), local_status_list_getter()
    for credential in random.sample(credentials, min(20, n)):
        report = verify(
            credential.document, resolver=resolver, get_status_list=getter, check_schema=False
        )
        assert report.verified, report.as_dict()


def peer_dir() -> Path:
    source = SHARED / "interop" / "peer"
    lock = hashlib.sha256((source / "package-lock.json").read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"obcore-peer-{lock}"
    out = subprocess.run(
        ["bash", str(source / "setup-copy.sh"), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def _peer_sign_rate(document: dict[str, Any], repetitions: int) -> float:
    """The peer signing one of our credentials (unsigned), warm, sequentially."""
    peer = peer_dir()
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(unsigned, handle)
    try:
        out = subprocess.run(
            ["node", "issue.mjs", "--bench", str(repetitions), handle.name],
            cwd=peer,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(handle.name)
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    return float(json.loads(line)["signs_per_sec"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="credentials to issue")
    parser.add_argument("--chunk", type=int, default=500, help="credentials per transaction")
    parser.add_argument("--peer-n", type=int, default=1000, help="peer signatures to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _django(Path(folder) / "bench.sqlite3")
        session = _setup(args.n)
        print(f"set up {args.n} passed attempts (not timed)", flush=True)
        seconds, credentials = _issue(session, args.chunk)
        per_s = args.n / seconds
        print(f"issued {args.n} credentials in {seconds:.1f} s: {per_s:.0f} credentials/s")
        _check(args.n, credentials)
        print("checked: all stored, 2 status entries each, a sample verifies with obcore")
        peer = _peer_sign_rate(credentials[0].document, args.peer_n)
    print(f"peer (node issue.mjs --bench, eddsa-rdfc-2022, same credential): {peer:.0f} signs/s")
    ratio = per_s / peer
    print(f"ratio: {ratio:.2f}x the peer's raw signing rate")
    summary = {
        "credentials": args.n,
        "seconds": round(seconds, 2),
        "per_s": round(per_s, 1),
        "peer_sign_per_s": round(peer, 1),
        "ratio": round(ratio, 2),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
