"""The demo's learners: most discoverable (to all employers or to one), a few hidden, with
preferences; a second run records nothing new."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from skillstack.accounts.models import Organization, User
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.matching import matches, selectors
from skillstack.matching.models import ConsentEvent, JobPreferences


@pytest.mark.django_db
def test_demo_learners_opt_in_with_preferences() -> None:
    call_command("demo", stdout=io.StringIO())
    learners = [User.objects.get(email__iexact=learner_email(n)) for n in LEARNER_NAMES]
    scopes = [selectors.consent_of(candidate=u).scope for u in learners]
    assert scopes.count("all") >= 15
    assert 2 <= scopes.count("chosen") <= 10
    assert 2 <= scopes.count("none") <= 6
    helix = Organization.objects.get(slug="helix-ridge")
    meridian = Organization.objects.get(slug="meridian-cell")
    only_helix = [u for u, s in zip(learners, scopes, strict=True) if s == "chosen"]
    assert any(
        selectors.candidate_is_discoverable_by(user=u, employer=helix)
        and not selectors.candidate_is_discoverable_by(user=u, employer=meridian)
        for u in only_helix
    )
    assert JobPreferences.objects.count() == scopes.count("all") + scopes.count("chosen")
    # Verified skills come from the credentials the assessment section issued.
    assert any(selectors.verified_skills_of(candidate=u) for u in learners)

    events = ConsentEvent.objects.count()
    call_command("demo", stdout=io.StringIO())
    assert ConsentEvent.objects.count() == events


@pytest.mark.django_db
def test_demo_openings_have_explained_candidates() -> None:
    from skillstack.jobs.models import Opening

    call_command("demo", stdout=io.StringIO())
    openings = Opening.objects.filter(status="open")
    if not openings.exists():  # the jobs section makes the openings
        pytest.fail("The demo has no open opening to match against")
    ranked = [m for o in openings for m in matches.opening_matches(opening=o)]
    assert ranked, "no demo opening ranks any demo learner"
    assert all(m.explanation.met for m in ranked if not m.explanation.missing_required)
