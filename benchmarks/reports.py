"""Time the outcome reports at alliance scale, beside a naive in-Python reference.

Run: ``.venv/bin/python benchmarks/reports.py [--learners 500000] [--database-url postgres://…]``

Set-up (not timed; a second run on the same PostgreSQL database reuses the data): learners
with cohort enrolments in one funder's programs, ~30 % with consented demographics, assessment
attempts (1.2 per learner), credentials (0.8), openings with their skills (one per 25
learners), applications (2 per learner) and placements (one application in five), all with
``bulk_create`` in batches. SQLite is a file in a temporary folder.

Timed, each computed in the database (aggregation queries, window-function medians):
* the full funder report: every cohort of the funder's largest program, broken down by race
  and ethnicity, suppression applied;
* a training provider's curriculum-gap report (demand, coverage, near misses, trend);
* the largest employer's ROI summary.
Reference, same run: the funder report's counts computed naively, by loading the rows of a
10 % sample of learners into Python, scaled x10. The last line is JSON: ``learners``,
``backend``, ``funder_report_s``, ``gap_report_s``, ``roi_report_s``, ``naive_funder_s``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BATCH = 5000


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("SKILLSTACK_ENV", "development")
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillstack.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _bulk(model: Any, rows: Any) -> None:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            model.objects.bulk_create(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)


def _generate(n: int, rng: random.Random) -> None:
    from decimal import Decimal

    from django.utils import timezone

    from skillstack.accounts.models import Organization, User
    from skillstack.assessment.models import AssessmentSession, Attempt, EvaluatorCertification
    from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill
    from skillstack.hiring.models import Application, Placement
    from skillstack.issuing.models import IssuedCredential
    from skillstack.jobs.models import Opening, OpeningSkill
    from skillstack.outcomes.models import (
        Cohort,
        CohortEnrolment,
        FundedProgram,
        LearnerDemographics,
    )

    tz = timezone.get_current_timezone()
    start = datetime.date(2024, 1, 1)

    def day(offset: int) -> datetime.date:
        return start + datetime.timedelta(days=offset)

    def moment(offset: int) -> datetime.datetime:
        return datetime.datetime.combine(day(offset), datetime.time(10), tz)

    t0 = time.perf_counter()
    funder = Organization.objects.create(kind="funder", name="Bench Fund", slug="bench-fund")
    providers = [
        Organization.objects.create(kind="issuer", name=f"Provider {i}", slug=f"bench-prov-{i}")
        for i in range(4)
    ]
    employers = [
        Organization.objects.create(kind="employer", name=f"Employer {i}", slug=f"bench-emp-{i}")
        for i in range(50)
    ]
    skills = Skill.objects.bulk_create(
        [Skill(code=f"bench-{i}", label=f"Skill {i}", framework="own") for i in range(300)]
    )
    versions = []
    for p, provider in enumerate(providers):
        for m in range(5):
            mc = MicroCredential.objects.create(issuer=provider, slug=f"mc-{m}", status="published")
            v = MicroCredentialVersion.objects.create(
                micro_credential=mc,
                number=1,
                name=f"MC {p}.{m}",
                description="d",
                criteria="c",
                performance_test={},
                published_at=timezone.now(),
                achievement_type="Certificate" if m == 4 else "MicroCredential",
            )
            v.skills.set(rng.sample(skills[:200], 4))
            versions.append(v)
    evaluator = User.objects.create_user(email="bench.evaluator@example.test", full_name="E")
    certs = {
        v.pk: EvaluatorCertification.objects.create(
            evaluator=evaluator,
            micro_credential=v.micro_credential,
            valid_from=start,
            valid_until=day(3000),
        )
        for v in versions
    }
    programs = []
    for p, provider in enumerate(providers):
        program = FundedProgram.objects.create(
            funder=funder,
            provider=provider,
            name=f"Program {p}",
            starts_on=start,
            ends_on=day(1000),
        )
        program.micro_credentials.set([v.micro_credential for v in versions[p * 5 : p * 5 + 5]])
        programs.append(program)
    cohorts = [
        Cohort.objects.create(
            program=program, name=f"Cohort {c}", starts_on=day(c * 90), ends_on=day(c * 90 + 80)
        )
        for program in programs
        for c in range(6)
    ]
    sessions = {
        (v.pk, c): AssessmentSession.objects.create(
            issuer=v.micro_credential.issuer,
            micro_credential_version=v,
            date=day(c * 90 + 40),
            place="Lab",
        )
        for v in versions
        for c in range(6)
    }

    first_id = (User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    _bulk(
        User,
        (
            User(
                email=f"bench{i}@learners.example",
                full_name=f"Learner {i}",
                password="!",  # noqa: S106 - unusable: these learners never sign in
            )
            for i in range(n)
        ),
    )
    ids = list(
        User.objects.filter(email__endswith="@learners.example", pk__gte=first_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    # Weighted toward the first program (the timed "full" report covers ~55 % of learners).
    program_of = [0 if rng.random() < 0.55 else rng.randrange(1, 4) for _ in ids]
    cohort_of = [rng.randrange(6) for _ in ids]
    _bulk(
        CohortEnrolment,
        (
            CohortEnrolment(cohort=cohorts[program_of[i] * 6 + cohort_of[i]], learner_id=pk)
            for i, pk in enumerate(ids)
        ),
    )
    races = ["hispanic", "asian", "black", "white", "two_or_more", "american_indian"]
    _bulk(
        LearnerDemographics,
        (
            LearnerDemographics(
                user_id=pk,
                race_ethnicity=rng.choice(races),
                sex=rng.choice(["female", "male", "prefer_not"]),
                prior_degree=rng.choice(["none", "associate", "bachelor"]),
                consented=True,
            )
            for pk in ids
            if rng.random() < 0.3
        ),
    )
    print(f"learners, enrolments, demographics: {time.perf_counter() - t0:.0f} s", flush=True)

    def attempts() -> Any:
        for i, pk in enumerate(ids):
            p, c = program_of[i], cohort_of[i]
            v = versions[p * 5 + rng.randrange(5)]
            tries = 2 if rng.random() < 0.2 else 1
            for t in range(tries):
                yield Attempt(
                    session=sessions[(v.pk, c)],
                    learner_id=pk,
                    micro_credential_version=v,
                    evaluator=evaluator,
                    certification=certs[v.pk],
                    observed_at=moment(c * 90 + 40 + t * 10),
                    observations={},
                    passed=t == tries - 1 and rng.random() < 0.8,
                    status="final",
                    attested_at=moment(c * 90 + 40 + t * 10),
                )

    _bulk(Attempt, attempts())

    def credentials() -> Any:
        for i, pk in enumerate(ids):
            if rng.random() < 0.8:
                p, c = program_of[i], cohort_of[i]
                v = versions[p * 5 + rng.randrange(5)]
                yield IssuedCredential(
                    idempotency_key=f"bench:{pk}",
                    credential_id=f"urn:bench:{pk}",
                    issuer=v.micro_credential.issuer,
                    recipient_id=pk,
                    micro_credential_version=v,
                    document={},
                    name=v.name,
                    issued_at=moment(c * 90 + 45),
                    state="revoked" if rng.random() < 0.01 else "active",
                )

    _bulk(IssuedCredential, credentials())
    print(f"attempts, credentials: {time.perf_counter() - t0:.0f} s", flush=True)

    n_openings = max(n // 25, 10)
    locations = ["Raleigh, NC", "Durham, NC", "Boston, MA", "San Diego, CA", "Austin, TX"]
    _bulk(
        Opening,
        (
            Opening(
                employer=employers[i % len(employers)],
                title=f"Technician {i}",
                occupation_code=rng.choice(
                    ["51-9199.00", "19-4021.00", "51-9011.00", "17-3026.00"]
                ),
                location=rng.choice(locations),
                positions=rng.randint(1, 5),
                degree_requirement=rng.choice(["none", "none", "preferred", "required"]),
                status="open" if rng.random() < 0.4 else "closed",
                published_at=moment(rng.randrange(0, 1000)),
            )
            for i in range(n_openings)
        ),
    )
    openings = list(
        Opening.objects.filter(title__startswith="Technician ").values_list("pk", flat=True)
    )
    _bulk(
        OpeningSkill,
        (
            OpeningSkill(opening_id=o, skill=s, required=rng.random() < 0.7)
            for o in openings
            for s in rng.sample(skills, 5)
        ),
    )

    def applications() -> Any:
        for pk in ids:
            first = rng.randrange(len(openings))
            second = (first + 1 + rng.randrange(len(openings) - 1)) % len(openings)
            for o in (first, second):
                yield Application(
                    opening_id=openings[o],
                    candidate_id=pk,
                    source="candidate",
                    stage=rng.choice(["applied", "screening", "interview", "not_selected"]),
                )

    _bulk(Application, applications())
    print(f"openings, applications: {time.perf_counter() - t0:.0f} s", flush=True)
    apps = Application.objects.filter(candidate_id__in=ids[:1]).values_list("pk", flat=True)
    lowest = min(apps)
    _bulk(
        Placement,
        (
            Placement(
                application_id=lowest + k * 5,
                start_date=day(rng.randrange(100, 1000)),
                role_title="Technician",
                wage=Decimal(rng.randrange(1800, 3500)) / 100,
                employment_type="full_time",
                ended_on=day(rng.randrange(1000, 1100)) if rng.random() < 0.3 else None,
                promoted_on=day(1050) if rng.random() < 0.1 else None,
            )
            for k in range(len(ids) * 2 // 5)
        ),
    )
    print(f"placements: {time.perf_counter() - t0:.0f} s", flush=True)


def _timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def _naive_counts(program: Any, sample_mod: int = 10) -> dict[str, int]:
    """The report's main counts by loading rows into Python (a 10 % sample of learners)."""
    from skillstack.assessment.models import Attempt
    from skillstack.hiring.models import Application, Placement
    from skillstack.issuing.models import IssuedCredential
    from skillstack.outcomes.models import CohortEnrolment

    versions = set(program.micro_credentials.values_list("versions__pk", flat=True))
    joined: dict[int, datetime.date] = {}
    for learner, starts in CohortEnrolment.objects.filter(cohort__program=program).values_list(
        "learner_id", "cohort__starts_on"
    ):
        if learner % sample_mod == 0:
            joined[learner] = min(starts, joined.get(learner, starts))
    people = set(joined)
    assessed, passed, failed, earned, applied, placed = (set() for _ in range(6))
    for learner, version, ok in Attempt.objects.filter(status="final").values_list(
        "learner_id", "micro_credential_version_id", "passed"
    ):
        if learner in people and version in versions:
            assessed.add(learner)
            (passed if ok else failed).add(learner)
    for learner, version in IssuedCredential.objects.exclude(state="revoked").values_list(
        "recipient_id", "micro_credential_version_id"
    ):
        if learner in people and version in versions:
            earned.add(learner)
    for learner, created in Application.objects.values_list("candidate_id", "created_at"):
        if learner in people and created.date() >= joined[learner]:
            applied.add(learner)
    for learner, start in Placement.objects.values_list("application__candidate_id", "start_date"):
        if learner in people and start >= joined[learner]:
            placed.add(learner)
    return {
        "enrolled": len(people) * sample_mod,
        "assessed": len(assessed) * sample_mod,
        "passed": len(passed) * sample_mod,
        "earned": len(earned) * sample_mod,
        "applied": len(applied) * sample_mod,
        "placed": len(placed) * sample_mod,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=500_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="skillstack-reports-")
    url = args.database_url or f"sqlite:///{Path(tmp.name) / 'bench.sqlite3'}"
    _django(url)
    from django.db import connection
    from django.utils import timezone

    from skillstack.accounts.models import Organization
    from skillstack.outcomes import insights
    from skillstack.outcomes.models import FundedProgram
    from skillstack.outcomes.selectors import program_report

    backend = connection.vendor
    if not Organization.objects.filter(slug="bench-fund").exists():
        _generate(args.learners, random.Random(args.seed))
        if backend == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    else:
        print("reusing the data already in this database", flush=True)
    program = FundedProgram.objects.get(funder__slug="bench-fund", name="Program 0")
    as_of = datetime.date(2026, 11, 1)
    funder_s, table = _timed(
        lambda: program_report(program=program, dimension="race_ethnicity", as_of=as_of)
    )
    enrolled = table.cells[("__total__", "enrolled")]
    print(f"funder report ({enrolled} enrolled, by race/ethnicity): {funder_s:.2f} s", flush=True)
    provider = program.provider
    gap_s, gaps = _timed(
        lambda: insights.gap_report(provider_id=provider.pk, now=timezone.now(), months=24)
    )
    print(f"gap report ({gaps['openings']} openings): {gap_s:.2f} s", flush=True)
    employer = Organization.objects.get(slug="bench-emp-0")
    roi_s, roi = _timed(lambda: insights.roi_report(employer_id=employer.pk, as_of=as_of))
    print(f"ROI report ({roi['figures']['hires']} hires): {roi_s:.2f} s", flush=True)
    naive_s, naive = _timed(lambda: _naive_counts(program))
    print(
        f"reference: naive in-Python counts over a 10 % sample, x10: {naive_s * 10:.2f} s "
        f"(sample measured {naive_s:.2f} s; counts ≈ {naive})",
        flush=True,
    )
    print(
        json.dumps(
            {
                "learners": args.learners,
                "backend": backend,
                "funder_report_s": round(funder_s, 3),
                "gap_report_s": round(gap_s, 3),
                "roi_report_s": round(roi_s, 3),
                "naive_funder_s": round(naive_s * 10, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
