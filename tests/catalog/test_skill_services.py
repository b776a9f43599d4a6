"""An issuer's own skills: created and changed by designers, unique codes, audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from skillstack.audit.models import AuditEntry
from skillstack.catalog.models import Skill
from skillstack.catalog.skill_services import skill_create, skill_update


def test_a_skill_is_created_and_audited(world) -> None:
    skill = skill_create(
        organization=world.issuer, actor=world.people["designer"], code="ppe", label="PPE"
    )
    assert (skill.organization, skill.framework) == (world.issuer, "own")
    assert AuditEntry.objects.filter(action="catalog.skill.created", object_id=str(skill.pk))


def test_the_same_code_twice_is_refused_but_another_issuer_may_use_it(world) -> None:
    skill_create(organization=world.issuer, actor=world.people["designer"], code="ppe", label="A")
    with pytest.raises(ValidationError) as err:
        skill_create(
            organization=world.issuer, actor=world.people["designer"], code="ppe", label="B"
        )
    assert "already has a skill with the code 'ppe'" in err.value.message_dict["code"][0]
    skill_create(
        organization=world.other_issuer, actor=world.people["outsider"], code="ppe", label="C"
    )


def test_a_skill_cannot_be_broader_than_itself(world) -> None:
    skill = skill_create(
        organization=world.issuer, actor=world.people["designer"], code="ppe", label="PPE"
    )
    with pytest.raises(ValidationError):
        skill_update(skill=skill, actor=world.people["designer"], broader=skill)


def test_taxonomy_skills_change_only_through_an_import(world) -> None:
    shared = Skill.objects.create(
        framework="onet", code="2.A.1.f", label="Science", uri="https://x.test"
    )
    with pytest.raises(ValidationError):
        skill_update(skill=shared, actor=world.people["designer"], label="Mine now")


def test_only_issuers_keep_skills(world) -> None:
    with pytest.raises(ValidationError):
        skill_create(
            organization=world.employer, actor=world.people["recruiter"], code="x", label="X"
        )
