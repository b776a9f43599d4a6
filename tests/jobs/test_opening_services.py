"""The opening services: who an opening belongs to, the rules of its fields, publish and close."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from skillstack.audit.models import AuditEntry
from skillstack.catalog.models import Occupation
from skillstack.jobs import selectors, services
from skillstack.jobs.models import OpeningStatus
from tests.conftest import World
from tests.jobs.helpers import lab_skills, make_opening


def test_an_employer_opening_is_a_draft_with_its_skills_and_an_audit_entry(world: World) -> None:
    opening = make_opening(world)
    assert opening.employer == world.employer
    assert opening.status == OpeningStatus.DRAFT
    asks = selectors.opening_skill_asks(opening=opening)
    assert [(a.label, a.required, a.min_level) for a in asks] == [
        ("aseptic technique", True, 1),
        ("apply good manufacturing practices", False, 2),
    ]
    assert AuditEntry.objects.filter(action="jobs.opening.created").count() == 1


def test_the_alliance_posts_for_a_named_employer_only(world: World) -> None:
    admin = world.people["coalition_admin"]
    with pytest.raises(ValidationError) as missing:
        services.opening_create(organization=world.coalition, actor=admin, title="Tech")
    assert "employer" in missing.value.message_dict
    with pytest.raises(ValidationError):
        services.opening_create(
            organization=world.coalition, actor=admin, title="Tech", employer=world.issuer
        )
    opening = services.opening_create(
        organization=world.coalition, actor=admin, title="Tech", employer=world.employer
    )
    assert opening.employer == world.employer
    found = selectors.opening_for_employer(organization=world.coalition, pk=opening.pk)
    assert found == opening


def test_an_issuer_posts_no_openings(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.opening_create(
            organization=world.issuer, actor=world.people["issuer_admin"], title="Tech"
        )
    assert "organization" in refused.value.message_dict


def test_wage_range_must_not_be_upside_down(world: World) -> None:
    with pytest.raises(ValidationError) as wrong:
        make_opening(world, wage_min="30", wage_max="20")
    assert "wage_max" in wrong.value.message_dict


def test_occupation_code_is_checked_against_loaded_occupations(world: World) -> None:
    with pytest.raises(ValidationError) as shape:
        make_opening(world, occupation_code="lab tech")
    assert "occupation_code" in shape.value.message_dict
    assert make_opening(world, occupation_code="19-4021.00", title="A").occupation_code
    Occupation.objects.create(framework="onet", code="19-4021.00", title="Biological Technicians")
    with pytest.raises(ValidationError) as unknown:
        make_opening(world, occupation_code="19-4099.00", title="B")
    assert "19-4099.00" in unknown.value.message_dict["occupation_code"][0]


def test_publish_needs_skills_and_a_future_closing_date_then_close(world: World) -> None:
    recruiter = world.people["recruiter"]
    bare = make_opening(world, skills=[], title="Bare")
    with pytest.raises(ValidationError) as no_skills:
        services.opening_publish(opening=bare, actor=recruiter)
    assert "skills" in no_skills.value.message_dict
    opening = make_opening(world)
    services.opening_publish(opening=opening, actor=recruiter)
    assert opening.status == OpeningStatus.OPEN
    assert list(selectors.openings_open()) == [opening]
    tomorrow_after_closing = opening.closing_date + datetime.timedelta(days=1)
    assert list(selectors.openings_open(today=tomorrow_after_closing)) == []
    services.opening_close(opening=opening, actor=recruiter)
    assert list(selectors.openings_open()) == []
    with pytest.raises(ValidationError):
        services.opening_close(opening=opening, actor=recruiter)


def test_update_replaces_skills_and_refuses_unknown_fields(world: World) -> None:
    opening = make_opening(world)
    skills = lab_skills()
    services.opening_update(
        opening=opening,
        actor=world.people["recruiter"],
        title="Senior lab technician",
        skills=[services.SkillAsk(skills["pipetting"], True, 3)],
    )
    assert opening.title == "Senior lab technician"
    assert [a.label for a in selectors.opening_skill_asks(opening=opening)] == ["use micropipettes"]
    with pytest.raises(ValidationError):
        services.opening_update(opening=opening, actor=None, employer_id=3)


def test_a_published_opening_cannot_lose_all_its_skills(world: World) -> None:
    opening = make_opening(world, publish=True)
    with pytest.raises(ValidationError):
        services.opening_update(opening=opening, actor=None, skills=[])
    assert opening.skills.count() == 2
    assert opening.closing_date > timezone.localdate()
