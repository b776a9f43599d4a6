"""Credit toward degrees: hand-worked sums with a cap, consent before a college sees anything,
the registrar's CSV, and bad agreements refused whole."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from skillstack.accounts.roles import Role
from skillstack.issuing.services import credential_revoke
from skillstack.pathways import credit
from skillstack.pathways.certificates import learner_pathways_check
from skillstack.pathways.credit_selectors import incoming_learners, learner_credit
from skillstack.pathways.models import ArticulationAgreement
from tests.conftest import World
from tests.factories import grant, make_user, sign_in
from tests.pathways.helpers import cred, earn, make_college, make_mc, published


@pytest.fixture
def setup(world: World) -> dict:
    college = make_college()
    registrar = make_user(email="registrar@cedar.example", full_name="Ray Registrar")
    grant(registrar, college, Role.ORG_ADMIN)
    safety, pipetting, aseptic = (
        make_mc(world.issuer, n) for n in ("Lab Safety", "Pipetting", "Aseptic Technique")
    )
    pathway = published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 2, "items": [cred(safety), cred(pipetting), cred(aseptic)]},
        title="Biomanufacturing Foundations",
    )
    agreement = credit.articulation_create(
        college=college,
        actor=registrar,
        program="Biotechnology Certificate",
        program_credits="16",
        cap_credits="8",
        items=[
            {"micro_credential": safety.micro_credential_id, "credits": "3", "course": "BIOT 101"},
            {
                "micro_credential": pipetting.micro_credential_id,
                "credits": "2.5",
                "course": "BIOT 102",
            },
            {"pathway": pathway.pk, "credits": "4", "course": "BIOT 110"},
        ],
    )
    return {
        "college": college,
        "registrar": registrar,
        "versions": (safety, pipetting, aseptic),
        "agreement": agreement,
    }


def test_credit_adds_verified_items_and_stops_at_the_cap(world: World, setup: dict) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    safety, pipetting, _ = setup["versions"]
    first = earn(learner, safety, evaluator)
    (program,) = learner_credit(user=learner)
    assert program.earned == Decimal("3") and program.awarded == Decimal("3")

    earn(learner, pipetting, evaluator)
    learner_pathways_check(learner=learner)  # 2 of 3: the pathway's certificate too
    (program,) = learner_credit(user=learner)
    assert program.earned == Decimal("9.5")  # 3 + 2.5 + 4
    assert program.awarded == Decimal("8") and program.capped

    credential_revoke(credential=first, actor=world.people["issuer_admin"], reason="Wrong learner")
    (program,) = learner_credit(user=learner)
    # safety no longer counts; the certificate stands (flagged for review, not revoked)
    assert program.earned == Decimal("6.5") and program.awarded == Decimal("6.5")


def test_a_college_sees_only_learners_who_consent(world: World, setup: dict) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    earn(learner, setup["versions"][0], evaluator)
    college = setup["college"]
    assert incoming_learners(college=college) == []

    client = Client()
    sign_in(client, learner)
    client.post("/me/credit/consent/", {"college": college.slug, "share": "yes"})
    (incoming,) = incoming_learners(college=college)
    assert incoming.learner == learner and incoming.programs[0].awarded == Decimal("3")

    registrar = Client()
    sign_in(registrar, setup["registrar"])
    page = registrar.get("/orgs/cedar/credit/").content.decode()
    assert learner.full_name in page
    rows = list(
        csv.reader(io.StringIO(registrar.get("/orgs/cedar/credit/incoming.csv").content.decode()))
    )
    assert rows[1][:5] == [
        learner.full_name,
        learner.email,
        "Biotechnology Certificate",
        "BIOT 101",
        "3.00",
    ]

    client.post("/me/credit/consent/", {"college": college.slug, "share": "no"})
    assert incoming_learners(college=college) == []
    assert learner.email not in registrar.get("/orgs/cedar/credit/incoming.csv").content.decode()


def test_the_learner_page_shows_credit_per_program(world: World, setup: dict) -> None:
    learner = world.people["learner"]
    earn(learner, setup["versions"][1], world.people["evaluator"])
    client = Client()
    sign_in(client, learner)
    page = client.get("/me/credit/").content.decode()
    assert "Biotechnology Certificate" in page
    assert "<strong>2.50</strong> of up to 8.00 credits" in page
    assert "Share with Cedar Valley Community College" in page


def test_an_employer_is_no_college(world: World, setup: dict) -> None:
    with pytest.raises(ValidationError) as refused:
        credit.credit_consent_set(
            learner=world.people["learner"], college=world.employer, share=True
        )
    assert "college" in refused.value.message_dict


def test_a_bad_agreement_is_refused_whole(world: World, setup: dict) -> None:
    before = ArticulationAgreement.objects.count()
    with pytest.raises(ValidationError) as too_much:
        credit.articulation_create(
            college=setup["college"],
            actor=setup["registrar"],
            program="Associate Degree",
            program_credits="60",
            cap_credits="61",
            items=[{"micro_credential": setup["versions"][0].micro_credential_id, "credits": 3}],
        )
    assert "cap_credits" in too_much.value.message_dict
    with pytest.raises(ValidationError) as bad_item:
        credit.articulation_create(
            college=setup["college"],
            actor=setup["registrar"],
            program="Associate Degree",
            program_credits="60",
            cap_credits="30",
            items=[
                {"micro_credential": setup["versions"][0].micro_credential_id, "credits": 3},
                {"credits": 1},
            ],
        )
    assert "items[1]" in bad_item.value.messages[0]
    with pytest.raises(ValidationError):
        credit.articulation_create(
            college=world.issuer,
            actor=setup["registrar"],
            program="Associate Degree",
            program_credits="60",
            cap_credits="30",
            items=[{"micro_credential": setup["versions"][0].micro_credential_id, "credits": 3}],
        )
    assert ArticulationAgreement.objects.count() == before


def test_a_credit_recommendation_names_its_body(world: World, setup: dict) -> None:
    safety = setup["versions"][0].micro_credential
    rec = credit.credit_recommendation_record(
        micro_credential=safety,
        actor=world.people["designer"],
        recommending_body="NCCRS",
        credits="1.5",
        level="Lower division",
    )
    again = credit.credit_recommendation_record(
        micro_credential=safety,
        actor=world.people["designer"],
        recommending_body="NCCRS",
        credits="2",
    )
    assert rec.pk == again.pk and again.credits == Decimal("2")
    with pytest.raises(ValidationError) as bad:
        credit.credit_recommendation_record(
            micro_credential=safety, actor=None, recommending_body="X", credits="lots"
        )
    assert "credits" in bad.value.message_dict


def test_a_college_admin_writes_an_agreement_on_the_page(world: World, setup: dict) -> None:
    client = Client()
    sign_in(client, setup["registrar"])
    safety = setup["versions"][0]
    body = {
        "program": "Lab Technician Certificate",
        "program_credits": "12",
        "cap_credits": "6",
        "items": f'[{{"micro_credential": {safety.micro_credential_id}, "credits": 2}}]',
    }
    bad = client.post("/orgs/cedar/credit/agreements/new/", {**body, "cap_credits": "13"})
    assert bad.status_code == 422
    assert "The cap cannot be more than the program" in bad.content.decode()
    done = client.post("/orgs/cedar/credit/agreements/new/", body)
    assert done["Location"] == "/orgs/cedar/credit/"
    agreement = ArticulationAgreement.objects.get(program="Lab Technician Certificate")
    assert agreement.cap_credits == Decimal("6") and agreement.items.count() == 1
