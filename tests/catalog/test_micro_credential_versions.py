"""Editing a published micro-credential makes a new version; the old one stays as earned."""

import pytest
from django.core.exceptions import ValidationError

from skillstack.audit.models import AuditEntry
from skillstack.catalog import services
from skillstack.catalog.models import MicroCredentialStatus, Skill

DEFINITION = {
    "steps": [
        {"key": "ppe", "title": "Wear gloves and lab coat", "critical": True},
        {"key": "label", "title": "Label the tube"},
    ]
}


@pytest.fixture
def draft(world):
    skill = Skill.objects.create(
        organization=world.issuer, code="pipetting", label="Micropipetting"
    )
    return services.micro_credential_create(
        issuer=world.issuer,
        actor=world.people["designer"],
        name="Pipetting",
        description="Accurate micropipetting",
        criteria="Performs the steps under observation",
        performance_test=DEFINITION,
        skills=[skill],
        validity_months=36,
    )


def test_a_draft_is_edited_in_place(draft, world) -> None:
    revised = services.micro_credential_revise(
        micro_credential=draft.micro_credential, actor=world.people["designer"], name="Pipetting I"
    )
    assert revised.pk == draft.pk
    assert revised.number == 1
    assert revised.name == "Pipetting I"


def test_revising_a_published_version_creates_the_next_one(draft, world) -> None:
    mc = draft.micro_credential
    services.micro_credential_publish(micro_credential=mc, actor=world.people["designer"])
    v2 = services.micro_credential_revise(
        micro_credential=mc, actor=world.people["designer"], criteria="Stricter criteria"
    )
    draft.refresh_from_db()
    assert (draft.number, draft.criteria) == (1, "Performs the steps under observation")
    assert (v2.number, v2.criteria, v2.published_at) == (2, "Stricter criteria", None)
    assert [s.code for s in v2.skills.all()] == ["pipetting"]
    mc.refresh_from_db()
    assert mc.status == MicroCredentialStatus.PUBLISHED
    actions = list(AuditEntry.objects.filter(object_id=str(mc.pk)).values_list("action", flat=True))
    assert "catalog.microcredential.published" in actions
    assert "catalog.microcredential.revised" in actions


def test_a_bad_performance_test_is_refused_with_the_step_named(draft, world) -> None:
    with pytest.raises(ValidationError) as err:
        services.micro_credential_revise(
            micro_credential=draft.micro_credential,
            actor=world.people["designer"],
            performance_test={"steps": [{"key": "x"}]},
        )
    assert err.value.message_dict["performance_test"] == [
        "steps[0].title: is required (what the learner must do)"
    ]


def test_only_issuers_define_micro_credentials(world) -> None:
    with pytest.raises(ValidationError) as err:
        services.micro_credential_create(
            issuer=world.employer,
            actor=world.people["recruiter"],
            name="X",
            description="X",
            criteria="X",
            performance_test=DEFINITION,
        )
    assert "issuer" in err.value.message_dict


def test_another_issuers_skill_cannot_be_aligned(world) -> None:
    foreign = Skill.objects.create(organization=world.other_issuer, code="x", label="Theirs")
    with pytest.raises(ValidationError) as err:
        services.micro_credential_create(
            issuer=world.issuer,
            actor=world.people["designer"],
            name="Y",
            description="Y",
            criteria="Y",
            performance_test=DEFINITION,
            skills=[foreign],
        )
    assert "Theirs" in err.value.message_dict["skills"][0]
