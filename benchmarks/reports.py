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

    from django.utils import timezone

    from skillstack.accounts.models import Organization, User
    from skillstack.assessment.models import AssessmentSession, EvaluatorCertification
    from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill
    from skillstack.jobs.models import Opening, OpeningSkill
    from skillstack.outcomes.models import (
        Cohort,
        FundedProgram,
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

    n_openings = max(n // 25, 10)
    locations = ["Raleigh, NC", "Durham, NC", "Boston, MA", "San Diego, CA", "Austin, TX"]
    codes = ["51-9199.00", "19-4021.00", "51-9011.00", "17-3026.00"]
    _bulk(
        Opening,
        (
            Opening(
                employer=employers[i % len(employers)],
                title=f"Technician {i}",
                occupation_code=rng.choice(codes),
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
        Opening.objects.filter(title__startswith="Technician ")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    _bulk(
        OpeningSkill,
        (
            OpeningSkill(opening_id=o, skill=s, required=rng.random() < 0.7)
            for o in openings
            for s in rng.sample(skills, 5)
        ),
    )
    print(f"organizations, catalog, openings: {time.perf_counter() - t0:.0f} s", flush=True)
    ids = {
        "cohort": _contiguous([c.pk for c in cohorts]),
        "version": _contiguous([v.pk for v in versions]),
        "cert": _contiguous([certs[v.pk].pk for v in versions]),
        "session": _contiguous([sessions[(v.pk, c)].pk for v in versions for c in range(6)]),
        "opening": _contiguous(openings),
        "n_openings": len(openings),
        "issuer": {v.pk: v.micro_credential.issuer_id for v in versions},
    }
    _generate_in_db(n, ids, evaluator_id=evaluator.pk, start=start, moment=moment)
    print(f"learners and their records (in the database): {time.perf_counter() - t0:.0f} s")


def _contiguous(pks: list[int]) -> int:
    """The first of ``pks``, which the in-database generation addresses by offset."""
    assert pks == list(range(pks[0], pks[0] + len(pks))), "ids are not contiguous"
    return pks[0]


def _fill(table: Any, given: dict[str, str], source: str, params: list[Any]) -> None:
    """INSERT INTO the model's table SELECT ``given`` expressions FROM ``source``; every other
    NOT NULL column gets its field's default (so a new column in another app does not break
    the benchmark)."""
    from django.db import connection

    columns, values, extra = [], [], []
    for field in table._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.column in given:
            values.append(given[field.column])
        elif field.null:
            values.append("NULL")
        else:
            default = field.get_default() if field.has_default() else ""
            values.append("%s")
            extra.append(field.get_db_prep_save(default, connection))
    sql = (
        f"INSERT INTO {table._meta.db_table} ({', '.join(columns)}) "  # noqa: S608 - our own SQL
        f"SELECT {', '.join(values)} FROM {source}"
    )
    # The given expressions come first in the statement's parameter order only when the
    # defaults follow them; build the parameter list in column order.
    ordered: list[Any] = []
    extra_iter = iter(extra)
    for column, value in zip(columns, values, strict=True):
        if column in given:
            ordered.extend(params.pop(0) for _ in range(value.count("%s")))
        elif value == "%s":
            ordered.append(next(extra_iter))
    sql = sql.replace("%", "%%").replace("%%s", "%s")  # modulo operators, then placeholders
    with connection.cursor() as cursor:
        cursor.execute(sql, ordered)


def _generate_in_db(
    n: int, ids: dict[str, Any], *, evaluator_id: int, start: Any, moment: Any
) -> None:
    """Learners, enrolments, demographics, attempts, credentials, applications, placements,
    made by INSERT … SELECT over a sequence table: millions of rows without Python objects.
    Spread is by multiplicative hashing of the row number (deterministic)."""
    from django.db import connection

    from skillstack.accounts.models import User
    from skillstack.assessment.models import Attempt
    from skillstack.hiring.models import Application, Placement
    from skillstack.issuing.models import IssuedCredential
    from skillstack.outcomes.models import CohortEnrolment, LearnerDemographics

    pg = connection.vendor == "postgresql"
    concat = "||"
    true, false = ("TRUE", "FALSE") if pg else ("1", "0")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_seq (i integer PRIMARY KEY)")
        cursor.execute(
            "INSERT INTO bench_seq (i) WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL "
            "SELECT i + 1 FROM s WHERE i < %s) SELECT i FROM s",
            [2 * n - 1],
        )
    now = moment(1060)
    _fill(
        User,
        {
            "password": "'!'",
            "email": f"'bench' {concat} i {concat} '@learners.example'",
            "full_name": f"'Learner ' {concat} i",
            "date_joined": "%s",
            "is_active": true,
            "is_staff": false,
            "is_superuser": false,
        },
        f"bench_seq WHERE i < {n}",
        [now],
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT MIN(id), MAX(id) FROM accounts_user WHERE email LIKE 'bench%%@learners.example'"
        )
        first, last = cursor.fetchone()
    assert last - first + 1 == n, "learner ids are not contiguous"
    # A learner's program: 0 for ~55 %, else 1-3; cohort 0-5; i = user id - first.
    learners = f"(SELECT id, id - {first} AS i FROM accounts_user WHERE id >= {first}) AS l"  # noqa: S608 - numbers we made
    program = "(CASE WHEN (l.i * 2654435761) % 100 < 55 THEN 0 ELSE 1 + l.i % 3 END)"
    cohort = "((l.i * 40503) % 6)"
    version = f"({program} * 5 + l.i % 5)"
    _fill(
        CohortEnrolment,
        {
            "cohort_id": f"{ids['cohort']} + {program} * 6 + {cohort}",
            "learner_id": "l.id",
            "enrolled_at": "%s",
        },
        learners,
        [now],
    )
    races = ["hispanic", "asian", "black", "white", "two_or_more", "american_indian"]
    race = "CASE l.i % 6 " + " ".join(f"WHEN {k} THEN '{r}'" for k, r in enumerate(races))
    _fill(
        LearnerDemographics,
        {
            "user_id": "l.id",
            "race_ethnicity": race + " END",
            "sex": "CASE l.i % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' ELSE 'prefer_not' END",
            "prior_degree": "CASE (l.i / 7) % 3 WHEN 0 THEN 'none' WHEN 1 THEN 'associate' "
            "ELSE 'bachelor' END",
            "consented": true,
            "updated_at": "%s",
            "races": "'[]'",
        },
        learners + " WHERE (l.i * 7919) % 10 < 3",
        [now],
    )
    uuid = "md5(l.i::text || '-' || r.k::text)::uuid" if pg else "lower(hex(randomblob(16)))"
    retakes = "(SELECT 0 AS k UNION ALL SELECT 1) AS r"
    _fill(
        Attempt,
        {
            "client_id": uuid,
            "session_id": f"{ids['session']} + {version} * 6 + {cohort}",
            "learner_id": "l.id",
            "micro_credential_version_id": f"{ids['version']} + {version}",
            "evaluator_id": str(evaluator_id),
            "certification_id": f"{ids['cert']} + {version}",
            "observed_at": "%s",
            "attested_at": "%s",
            "submitted_at": "%s",
            "passed": f"(CASE WHEN l.i % 5 = 0 AND r.k = 0 THEN {false} "
            f"WHEN (l.i * 31) % 10 < 8 THEN {true} ELSE {false} END)",
            "status": "'final'",
            "observations": "'{}'",
        },
        f"{learners} CROSS JOIN {retakes} WHERE r.k = 0 OR l.i % 5 = 0",
        [moment(400), moment(400), now],
    )
    issuer = "CASE " + " ".join(
        f"WHEN {ids['version']} + {version} = {v} THEN {org}" for v, org in ids["issuer"].items()
    )
    _fill(
        IssuedCredential,
        {
            "idempotency_key": f"'bench:' {concat} l.i",
            "credential_id": f"'urn:bench:' {concat} l.i",
            "issuer_id": issuer + " END",
            "recipient_id": "l.id",
            "micro_credential_version_id": f"{ids['version']} + {version}",
            "document": "'{}'",
            "name": "'Bench credential'",
            "issued_at": "%s",
            "state": "CASE WHEN l.i % 100 = 0 THEN 'revoked' ELSE 'active' END",
        },
        learners + " WHERE (l.i * 97) % 10 < 8",
        [moment(420)],
    )
    o = f"((l.i * 7) % {ids['n_openings']})"
    second = f"(({o} + 1 + l.i % ({ids['n_openings']} - 1)) % {ids['n_openings']})"
    stages = "CASE (l.i + r.k) % 4 WHEN 0 THEN 'applied' WHEN 1 THEN 'screening' "
    stages += "WHEN 2 THEN 'interview' ELSE 'not_selected' END"
    _fill(
        Application,
        {
            "opening_id": f"{ids['opening']} + CASE r.k WHEN 0 THEN {o} ELSE {second} END",
            "candidate_id": "l.id",
            "source": "'candidate'",
            "stage": stages,
            "created_at": "%s",
            "stage_changed_at": "%s",
        },
        f"{learners} CROSS JOIN {retakes}",
        [moment(500), moment(500)],
    )
    day = (
        "(%s::date + ((a.id * 13) % 900 + 100)::int)"
        if pg
        else "date(%s, '+' || ((a.id * 13) % 900 + 100) || ' days')"
    )
    ended = (
        "CASE WHEN a.id % 10 < 3 THEN (%s::date + (1000 + a.id % 100)::int) END"
        if pg
        else "CASE WHEN a.id % 10 < 3 THEN date(%s, '+' || (1000 + a.id % 100) || ' days') END"
    )
    _fill(
        Placement,
        {
            "application_id": "a.id",
            "start_date": day,
            "ended_on": ended,
            "promoted_on": "CASE WHEN a.id % 10 = 9 THEN %s END",
            "role_title": "'Technician'",
            "wage": "(1800 + (a.id * 7) % 1700) / 100.0",
            "wage_unit": "'hour'",
            "employment_type": "'full_time'",
            "created_at": "%s",
        },
        f"hiring_application a WHERE a.candidate_id >= {first} AND (a.id * 2654435761) % 5 = 0",
        [start, start, moment(1050).date(), now],
    )
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_seq")


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
    pick = random.Random(7)  # a random sample: the generated data is spread by arithmetic
    for learner, starts in CohortEnrolment.objects.filter(cohort__program=program).values_list(
        "learner_id", "cohort__starts_on"
    ):
        if pick.randrange(sample_mod) == 0:
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
