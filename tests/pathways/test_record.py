"""The learner's CLR 2.0 record: every credential as signed, the stack as associations, the
learner named as in their credentials; downloaded signed by one of the record's issuers, and
verified by obcore as a whole."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from obcore.clr import clr_problems

from skillstack.pathways.certificates import learner_pathways_check
from skillstack.pathways.models import PathwayCompletion
from skillstack.pathways.record import learner_record_unsigned
from skillstack.verification.services import credential_verify
from tests.conftest import World
from tests.pathways.helpers import cred, earn, make_mc, published


def test_the_record_bundles_the_credentials_and_how_they_stack(world: World) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    a, b = make_mc(world.issuer, "Lab Safety"), make_mc(world.issuer, "Pipetting")
    published(
        world.issuer,
        world.people["designer"],
        "hybrid",
        {"kind": "all", "items": [cred(a), cred(b)]},
        title="Lab Skills",
    )
    components = [earn(learner, a, evaluator), earn(learner, b, evaluator)]
    learner_pathways_check(learner=learner)
    certificate = PathwayCompletion.objects.get().certificate

    record = learner_record_unsigned(user=learner, issuer=world.issuer)
    assert clr_problems(record) == []
    bundled = record["credentialSubject"]["verifiableCredential"]
    assert bundled == [c.document for c in (*components, certificate)]
    for document in bundled:  # each part keeps its own issuer's proof
        assert credential_verify(data=document).verified
    parent = certificate.document["credentialSubject"]["achievement"]["id"]
    targets = {
        x["targetId"] for x in record["credentialSubject"]["association"] if x["sourceId"] == parent
    }
    assert targets == {c.document["credentialSubject"]["achievement"]["id"] for c in components}
    assert (
        record["credentialSubject"]["identifier"]
        == components[0].document["credentialSubject"]["identifier"]
    )


def test_the_signer_must_be_one_of_the_records_issuers(world: World) -> None:
    learner = world.people["learner"]
    earn(learner, make_mc(world.issuer, "Lab Safety"), world.people["evaluator"])
    with pytest.raises(ValidationError) as refused:
        learner_record_unsigned(user=learner, issuer=world.other_issuer)
    assert "issuer" in refused.value.message_dict


def test_the_learner_downloads_the_record_signed_and_it_verifies(world: World) -> None:
    from django.test import Client

    from tests.factories import sign_in

    learner = world.people["learner"]
    earn(learner, make_mc(world.issuer, "Lab Safety"), world.people["evaluator"])
    client = Client()
    sign_in(client, learner)
    response = client.get("/me/record.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    record = response.json()
    assert "ClrCredential" in record["type"]
    report = credential_verify(data=record)
    assert report.verified, report.as_dict()
    record["credentialSubject"]["verifiableCredential"] = []
    assert not credential_verify(data=record).verified  # the signature covers the bundle


def test_without_credentials_the_record_page_says_so(world: World) -> None:
    from django.test import Client

    from tests.factories import sign_in

    client = Client()
    sign_in(client, world.people["learner"])
    response = client.get("/me/record.json")
    assert response.status_code == 200 and b"nothing to put in it" in response.content
