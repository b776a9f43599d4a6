"""Demo: learners who opted in to be discoverable, with their preferences.

Most of the thirty learners let every employer find them, some only Helix Ridge or only
Meridian Cell, and the last few stay hidden (the default). Their verified skills are derived
from the credentials the assessment section issued. Idempotent: a learner whose choice is
already in place is left alone (no second consent event).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.matching import selectors, services

PLACES: tuple[list[str], ...] = (
    ["Worcester", "Boston"],
    ["Framingham"],
    ["Boston", "Cambridge"],
    ["Worcester"],
    [],
)
SHIFTS: tuple[list[str], ...] = (
    ["day"],
    ["day", "evening"],
    [],
    ["night", "rotating"],
    ["flexible"],
)
WAGE_FLOORS = (None, "22.00", "25.00", "52000", None)
HIDDEN_FROM = 26  # learners from this index on stay not discoverable


def _scope(index: int, organizations: dict[str, Organization]) -> tuple[str, list[Organization]]:
    if index >= HIDDEN_FROM:
        return "none", []
    if index % 5 == 3:
        return "chosen", [organizations["helix-ridge"]]
    if index % 7 == 4:
        return "chosen", [organizations["meridian-cell"]]
    return "all", []


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    today = timezone.localdate()
    for index, full_name in enumerate(LEARNER_NAMES):
        learner = User.objects.filter(email__iexact=learner_email(full_name)).first()
        if learner is None:
            continue
        services.verified_skills_refresh(candidate=learner)
        scope, employers = _scope(index, organizations)
        if scope == "none":
            continue  # the default: nothing to record
        consent = selectors.consent_of(candidate=learner)
        if consent.scope != scope or set(consent.employers) != set(employers):
            services.discoverability_set(
                candidate=learner, scope=scope, employers=employers, actor=learner
            )
        if selectors.job_preferences_of(candidate=learner).pk is not None:
            continue  # already chosen: a second run changes nothing
        floor = WAGE_FLOORS[index % len(WAGE_FLOORS)]
        services.job_preferences_update(
            candidate=learner,
            actor=learner,
            locations=PLACES[index % len(PLACES)],
            remote_ok=index % 3 != 0,
            shifts=SHIFTS[index % len(SHIFTS)],
            wage_floor=floor,
            wage_unit="year" if floor and float(floor) > 1000 else "hour",
            earliest_start=today + datetime.timedelta(days=14 * (index % 4)),
        )
