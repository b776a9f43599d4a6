"""Consent: discoverable to nobody by default, to all employers or to chosen ones; withdrawal
hides the candidate from every employer at once and the history keeps every choice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from skillstack.accounts.roles import OrgKind
from skillstack.audit.models import AuditEntry
from skillstack.matching import selectors, services
from skillstack.matching.models import CONSENT_WORDING_VERSION
from tests.conftest import World
from tests.factories import make_org


def test_a_learner_is_not_discoverable_until_they_choose(world: World) -> None:
    learner = world.people["learner"]
    assert not selectors.candidate_is_discoverable_by(user=learner, employer=world.employer)
    assert selectors.consent_of(candidate=learner).scope == "none"


def test_all_employers_then_withdrawal_hides_at_once(world: World) -> None:
    learner = world.people["learner"]
    other = make_org(kind=OrgKind.EMPLOYER, name="Meridian Cell", slug="meridian")
    services.discoverability_set(candidate=learner, scope="all", actor=learner)
    assert selectors.candidate_is_discoverable_by(user=learner, employer=world.employer)
    assert selectors.candidate_is_discoverable_by(user=learner, employer=other)

    services.discoverability_withdraw(candidate=learner, actor=learner)

    assert not selectors.candidate_is_discoverable_by(user=learner, employer=world.employer)
    assert not selectors.candidate_is_discoverable_by(user=learner, employer=other)
    history = list(selectors.consent_history(candidate=learner))
    assert [e.scope for e in history] == ["none", "all"]
    assert all(e.wording_version == CONSENT_WORDING_VERSION for e in history)
    assert all(e.actor == learner for e in history)
    assert AuditEntry.objects.filter(action="matching.consent.changed").count() == 2


def test_chosen_employers_only(world: World) -> None:
    learner = world.people["learner"]
    other = make_org(kind=OrgKind.EMPLOYER, name="Meridian Cell", slug="meridian")
    services.discoverability_set(
        candidate=learner, scope="chosen", employers=[world.employer], actor=learner
    )
    assert selectors.candidate_is_discoverable_by(user=learner, employer=world.employer)
    assert not selectors.candidate_is_discoverable_by(user=learner, employer=other)
    event = selectors.consent_history(candidate=learner).first()
    assert event is not None and event.employer_names == [world.employer.name]


def test_chosen_needs_an_employer_and_only_employers(world: World) -> None:
    learner = world.people["learner"]
    with pytest.raises(ValidationError) as empty:
        services.discoverability_set(candidate=learner, scope="chosen", actor=learner)
    assert "employers" in empty.value.message_dict
    with pytest.raises(ValidationError) as issuer:
        services.discoverability_set(
            candidate=learner, scope="chosen", employers=[world.issuer], actor=learner
        )
    assert "employers" in issuer.value.message_dict
    assert not selectors.consent_history(candidate=learner).exists()


def test_staff_without_a_learner_profile_cannot_opt_in(world: World) -> None:
    recruiter = world.people["recruiter"]
    with pytest.raises(ValidationError):
        services.discoverability_set(candidate=recruiter, scope="all", actor=recruiter)


def test_preferences_are_checked_and_saved(world: World) -> None:
    learner = world.people["learner"]
    with pytest.raises(ValidationError) as bad:
        services.job_preferences_update(candidate=learner, actor=learner, shifts=["dawn"])
    assert "shifts" in bad.value.message_dict
    with pytest.raises(ValidationError) as wage:
        services.job_preferences_update(candidate=learner, actor=learner, wage_floor="lots")
    assert "wage_floor" in wage.value.message_dict
    services.job_preferences_update(
        candidate=learner,
        actor=learner,
        locations=[" Boston ", "boston", "Worcester"],
        shifts=["day", "day", "evening"],
        wage_floor="24.5",
        remote_ok=False,
    )
    prefs = selectors.job_preferences_of(candidate=learner)
    assert prefs.locations == ["Boston", "Worcester"]
    assert prefs.shifts == ["day", "evening"]
    assert str(prefs.wage_floor) == "24.50"
    assert prefs.remote_ok is False
