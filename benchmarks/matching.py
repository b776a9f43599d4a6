"""Rank 100,000 candidates for an opening (and 10,000 openings for a candidate) on SQLite,
beside a straightforward ORM implementation measured in the same run.

Run: ``.venv/bin/python benchmarks/matching.py [--candidates 100000] [--openings 10000]
[--database-url sqlite:////tmp/x.db]``

Set-up (not timed): a fresh database with a 5,000-skill taxonomy (500 broad skills, each with
narrower ones, and 200 declared equivalences), ``--candidates`` learners who are discoverable
(most to every employer, some to chosen employers; a third with preferences), about 15
verified skills each (bulk-inserted into matching's derived table, skills drawn with a
popularity skew, some credentials expiring or expired), and ``--openings`` open openings
asking 4 required and 2 preferred skills each. Then the index is built once (timed and
printed, not part of the query figures).

Timed, warm: ``matching.matches.ranked_candidates`` — the production code path of the
recruiter's page and API, including its freshness checks against the database — for 200
openings; ``matching.matches.ranked_openings`` for 200 candidates (it reads the candidate's
skills and preferences from the database each time, as the learner's page does). The
reference is what one would write first with the ORM: count each candidate's verified skills
among those asked (level at least the minimum, not expired), weigh required ones double, keep
those with every required skill, order by score and id, take 50. It does less (no taxonomy, no
expiry or recency weighting, no preference filters), so the ratio flatters it.

The last line is JSON: ``candidates``, ``openings``, ``opening_top50_median_ms``,
``opening_top50_p95_ms``, ``candidate_top50_median_ms``, ``ratio`` (straightforward ÷ ours,
medians, opening side).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CITIES = [
    "Boston",
    "Cambridge",
    "Worcester",
    "Lowell",
    "Framingham",
    "Springfield",
    "Providence",
    "Thousand Oaks",
    "Durham",
    "Raleigh",
    "San Diego",
    "Seattle",
]
SHIFTS = ["day", "evening", "night", "rotating", "weekend", "flexible"]


def _django(database_url: str | None) -> None:
    if database_url is None:
        path = Path(tempfile.mkdtemp(prefix="matching-bench-")) / "bench.db"
        database_url = f"sqlite:///{path}"
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


def _popular(rng: random.Random, n: int, k: int) -> list[int]:
    """``k`` distinct indexes below ``n``, the low ones more likely (a mild Zipf-like skew)."""
    chosen: set[int] = set()
    while len(chosen) < k:
        chosen.add(min(n - 1, int(n * rng.random() ** 1.6)))
    return list(chosen)


class Skills:
    """The bench taxonomy: broad skills (one per field of work), each with narrower ones."""

    def __init__(self, broad: list[int], narrower: dict[int, list[int]]) -> None:
        self.broad = broad
        self.narrower = narrower
        self.all_narrower = [s for group in narrower.values() for s in group]

    def field(self, rng: random.Random) -> int:
        """A field of work, popular ones more often (a shuffled popularity order)."""
        return self.broad[_popular(rng, len(self.broad), 1)[0]]


def _candidate_skills(rng: random.Random, skills: Skills) -> set[int]:
    """About 15: five in each of two fields of work, five from anywhere."""
    held: set[int] = set()
    for _ in range(2):
        held.update(rng.sample(skills.narrower[skills.field(rng)], 5))
    while len(held) < 15:
        held.add(rng.choice(skills.all_narrower))
    return held


def _taxonomy(rng: random.Random, size: int) -> Skills:
    from skillstack.accounts.models import Organization
    from skillstack.catalog.models import Skill, SkillEquivalence

    fields = size // 10
    Skill.objects.bulk_create(
        Skill(framework="esco", code=f"b{i}", label=f"Broad skill {i}") for i in range(fields)
    )
    broad = list(Skill.objects.order_by("pk").values_list("pk", flat=True))
    Skill.objects.bulk_create(
        (
            Skill(framework="esco", code=f"n{i}", label=f"Skill {i}", broader_id=broad[i % fields])
            for i in range(size - fields)
        ),
        batch_size=2000,
    )
    narrower: dict[int, list[int]] = {b: [] for b in broad}
    for pk, parent in Skill.objects.filter(broader__isnull=False).values_list("pk", "broader_id"):
        narrower[parent].append(pk)
    all_narrower = sorted(pk for group in narrower.values() for pk in group)
    coalition = Organization.objects.get(slug="bench-alliance")
    pairs = set()
    while len(pairs) < 200:
        a, b = sorted(rng.sample(all_narrower, 2))
        pairs.add((a, b))
    SkillEquivalence.objects.bulk_create(
        SkillEquivalence(skill_a_id=a, skill_b_id=b, declared_by=coalition) for a, b in pairs
    )
    rng.shuffle(broad)  # popularity of fields independent of their ids
    return Skills(broad, narrower)


def _candidates(rng: random.Random, n: int, skills: Skills, employers: list[Any]) -> None:
    from django.db import connection

    from skillstack.accounts.models import User
    from skillstack.matching.models import Discoverability

    User.objects.bulk_create(
        (
            User(email=f"c{i}@bench.test", full_name=f"Candidate {i}", password="!")  # noqa: S106 - unusable password
            for i in range(n)
        ),
        batch_size=5000,
    )
    users = list(User.objects.filter(email__endswith="@bench.test").values_list("pk", flat=True))
    now = datetime.now(UTC)
    table = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # set-up only: a throwaway database
            cursor.execute("PRAGMA synchronous = OFF")
        disc_rows = []
        for pk in users:
            disc_rows.append((pk, "chosen" if rng.random() < 0.1 else "all", "bench", now))
        cursor.executemany(
            f"INSERT INTO {table(Discoverability._meta.db_table)} "  # noqa: S608
            "(candidate_id, scope, wording_version, updated_at) VALUES (%s, %s, %s, %s)",
            disc_rows,
        )
        chosen = list(Discoverability.objects.filter(scope="chosen").values_list("pk", flat=True))
        through = Discoverability.employers.through._meta.db_table
        cursor.executemany(
            f"INSERT INTO {table(through)} "  # noqa: S608 - table names from our models
            "(discoverability_id, organization_id) VALUES (%s, %s)",
            [(pk, rng.choice(employers).pk) for pk in chosen],
        )
        prefs = []
        for pk in users:
            if rng.random() < 0.33:
                prefs.append(
                    (
                        pk,
                        json.dumps(rng.sample(CITIES, 2)),
                        rng.random() < 0.7,
                        json.dumps(rng.sample(SHIFTS[:5], 3) if rng.random() < 0.5 else []),
                        rng.choice([None, 18, 22, 26, 30]),
                        "hour",
                        now,
                    )
                )
        cursor.executemany(
            "INSERT INTO matching_jobpreferences (candidate_id, locations, remote_ok, shifts, "
            "wage_floor, wage_unit, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            prefs,
        )
        batch = []
        for pk in users:
            for skill_id in _candidate_skills(rng, skills):
                earned = now - timedelta(days=rng.randint(1, 1100))
                lasting = rng.random()
                until = None if lasting < 0.4 else earned + timedelta(days=rng.randint(200, 1200))
                batch.append(
                    (
                        pk,
                        skill_id,
                        rng.randint(1, 4),
                        earned,
                        until,
                        "platform",
                        f"urn:uuid:bench-{pk}-{skill_id}",
                        pk,
                        "Bench credential",
                        "Bench Institute",
                        "",
                    )
                )
            if len(batch) > 50_000:
                _insert_skills(cursor, batch)
                batch = []
        _insert_skills(cursor, batch)


def _insert_skills(cursor: Any, rows: list[tuple[Any, ...]]) -> None:
    cursor.executemany(
        "INSERT INTO matching_verifiedskill (candidate_id, skill_id, level, earned_at, "
        "valid_until, source, credential_ref, credential_pk, credential_name, issuer_name, "
        "credential_url) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        rows,
    )


def _openings(rng: random.Random, n: int, skills: Skills, employers: list[Any]) -> None:
    from django.utils import timezone

    from skillstack.jobs.models import Opening, OpeningSkill

    Opening.objects.bulk_create(
        (
            Opening(
                employer=rng.choice(employers),
                title=f"Opening {i}",
                description="Bench opening.",
                location=f"{rng.choice(CITIES)}, MA",
                remote=rng.choice(["on_site"] * 8 + ["hybrid", "remote"]),
                shift=rng.choice(SHIFTS),
                wage_max=rng.choice([None, 24, 28, 35, 45]),
                status="open",
                published_at=timezone.now(),
            )
            for i in range(n)
        ),
        batch_size=2000,
    )
    asks = []
    for pk in Opening.objects.values_list("pk", flat=True):
        field = skills.field(rng)
        required = [field, *rng.sample(skills.narrower[field], 3)]  # the broad one via narrower
        preferred = set()
        while len(preferred) < 2:
            other = rng.choice(skills.all_narrower)
            if other not in required:
                preferred.add(other)
        for skill_id in required:
            asks.append(
                OpeningSkill(
                    opening_id=pk, skill_id=skill_id, required=True, min_level=rng.randint(1, 2)
                )
            )
        for skill_id in preferred:
            asks.append(
                OpeningSkill(
                    opening_id=pk, skill_id=skill_id, required=False, min_level=rng.randint(1, 3)
                )
            )
    OpeningSkill.objects.bulk_create(asks, batch_size=5000)


def _straightforward_for_opening(opening: Any) -> list[int]:
    """The first thing one would write: one grouped query over the verified skills."""
    from django.db.models import Case, Count, Q, Sum, Value, When
    from django.utils import timezone

    from skillstack.matching.models import VerifiedSkill

    asks = list(opening.skills.all())
    wanted = Q()
    for ask in asks:
        wanted |= Q(skill_id=ask.skill_id, level__gte=ask.min_level)
    required = [a.skill_id for a in asks if a.required]
    shown = Q(candidate__discoverability__scope="all") | Q(
        candidate__discoverability__scope="chosen",
        candidate__discoverability__employers=opening.employer_id,
    )
    now = timezone.now()
    rows = (
        VerifiedSkill.objects.filter(wanted)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
        .filter(shown)
        .values("candidate_id")
        .annotate(
            score=Sum(Case(When(skill_id__in=required, then=Value(2)), default=Value(1))),
            met=Count("skill_id", filter=Q(skill_id__in=required), distinct=True),
        )
        .filter(met=len(required))
        .order_by("-score", "candidate_id")[:50]
    )
    return [r["candidate_id"] for r in rows]


def _straightforward_for_candidate(user: Any) -> list[int]:
    from django.db.models import Case, Count, F, Q, Sum, Value, When
    from django.utils import timezone

    from skillstack.jobs.models import OpeningSkill
    from skillstack.matching.models import VerifiedSkill

    held = dict(
        VerifiedSkill.objects.filter(candidate=user)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=timezone.now()))
        .values_list("skill_id", "level")
    )
    wanted = Q()
    for skill_id, level in held.items():
        wanted |= Q(skill_id=skill_id, min_level__lte=level)
    rows = (
        OpeningSkill.objects.filter(opening__status="open")
        .filter(wanted)
        .values("opening_id")
        .annotate(
            score=Sum(Case(When(required=True, then=Value(2)), default=Value(1))),
            met=Count("pk", filter=Q(required=True)),
            asked=Count("opening__skills", filter=Q(opening__skills__required=True), distinct=True),
        )
        .filter(met=F("asked"))
        .order_by("-score", "opening_id")[:50]
    )
    return [r["opening_id"] for r in rows]


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _timed(run: Any, items: list[Any]) -> list[float]:
    times = []
    for item in items:
        start = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - start)
    return times


def _setup(rng: random.Random, args: Any) -> None:
    from skillstack.accounts.models import Organization
    from skillstack.matching.services import candidate_changed

    Organization.objects.create(kind="coalition", name="Bench Alliance", slug="bench-alliance")
    employers = [
        Organization.objects.create(kind="employer", name=f"Employer {i}", slug=f"bench-emp-{i}")
        for i in range(20)
    ]
    skills = _taxonomy(rng, args.skills)
    _candidates(rng, args.candidates, skills, employers)
    _openings(rng, args.openings, skills, employers)
    candidate_changed(candidate_pk=None)  # bulk writes bypassed the services: rebuild


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--openings", type=int, default=10_000)
    parser.add_argument("--skills", type=int, default=5_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--reference-queries", type=int, default=50)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the bench data already in --database-url"
    )
    args = parser.parse_args()
    _django(args.database_url)

    from skillstack.accounts.models import User
    from skillstack.jobs.models import Opening
    from skillstack.jobs.selectors import _with_skills
    from skillstack.matching import matches
    from skillstack.matching.index import MATCHER

    rng = random.Random(args.seed)
    started = time.perf_counter()
    if args.reuse and User.objects.filter(email__endswith="@bench.test").exists():
        print("set-up: reusing the database's bench data", flush=True)
    else:
        _setup(rng, args)
    MATCHER.reset()
    print(f"set-up: {time.perf_counter() - started:.1f} s", flush=True)

    start = time.perf_counter()
    MATCHER.candidate_side(datetime.now(UTC))
    print(f"candidate index built in {time.perf_counter() - start:.1f} s", flush=True)
    start = time.perf_counter()
    MATCHER.opening_side(datetime.now(UTC))
    print(f"opening index built in {time.perf_counter() - start:.1f} s", flush=True)

    opening_pks = rng.sample(list(Opening.objects.values_list("pk", flat=True)), args.queries)
    openings = list(_with_skills(Opening.objects.filter(pk__in=opening_pks)).order_by("pk"))
    users = list(
        User.objects.filter(
            pk__in=rng.sample(
                list(
                    User.objects.filter(email__endswith="@bench.test").values_list("pk", flat=True)
                ),
                args.queries,
            )
        ).order_by("pk")
    )

    def ours(opening: Any) -> Any:
        return matches.ranked_candidates(opening=opening, limit=50)

    def ours_candidate(user: Any) -> Any:
        return matches.ranked_openings(candidate=user, limit=50)

    for opening in openings[:5]:  # warm-up (caches of the taxonomy, SQLite pages)
        ours(opening)
        _straightforward_for_opening(opening)
    found = [len(ours(o)) for o in openings]
    our_times = _timed(ours, openings)
    reference = openings[: args.reference_queries]
    ref_times = _timed(_straightforward_for_opening, reference)
    cand_times = _timed(ours_candidate, users)
    cand_ref_times = _timed(_straightforward_for_candidate, users[: args.reference_queries])

    median, p95 = _ms(our_times)
    ref_median, ref_p95 = _ms(ref_times)
    cand_median, cand_p95 = _ms(cand_times)
    cand_ref_median, _ = _ms(cand_ref_times)
    print(
        f"top 50 candidates for one opening ({args.candidates:,} candidates, "
        f"{len(openings)} openings): median {median:.2f} ms, p95 {p95:.2f} ms; "
        f"{statistics.mean(found):.0f} ranked on average"
    )
    print(
        f"  straightforward ORM ({len(reference)} openings): median {ref_median:.1f} ms, "
        f"p95 {ref_p95:.1f} ms -> {ref_median / median:.1f}x slower"
    )
    print(
        f"top 50 openings for one candidate ({args.openings:,} openings, {len(users)} "
        f"candidates): median {cand_median:.2f} ms, p95 {cand_p95:.2f} ms"
    )
    print(
        f"  straightforward ORM: median {cand_ref_median:.1f} ms "
        f"-> {cand_ref_median / cand_median:.1f}x slower"
    )
    print(
        json.dumps(
            {
                "candidates": args.candidates,
                "openings": args.openings,
                "opening_top50_median_ms": round(median, 3),
                "opening_top50_p95_ms": round(p95, 3),
                "candidate_top50_median_ms": round(cand_median, 3),
                "straightforward_opening_median_ms": round(ref_median, 3),
                "straightforward_candidate_median_ms": round(cand_ref_median, 3),
                "ratio": round(ref_median / median, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
