"""A pathway certificate verifies with the independent Node peer (Digital Bazaar's libraries)
and is part of ``skillstack credentials export``."""

from __future__ import annotations

import io
import json

from django.core.management import call_command

from skillstack.issuing.dids import did_document
from skillstack.pathways.certificates import learner_pathways_check
from skillstack.pathways.models import PathwayCompletion
from tests.conftest import World
from tests.issuing.test_peer_interop import peer, peer_verify  # noqa: F401 - the fixture
from tests.pathways.helpers import cred, earn, make_mc, published


def _certificate(world: World) -> PathwayCompletion:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    a, b = make_mc(world.issuer, "Lab Safety"), make_mc(world.issuer, "Pipetting")
    published(
        world.issuer,
        world.people["designer"],
        "vertical",
        {"kind": "sequence", "items": [cred(a), cred(b)]},
        title="Lab Skills",
    )
    earn(learner, a, evaluator)
    earn(learner, b, evaluator)
    learner_pathways_check(learner=learner)
    return PathwayCompletion.objects.get(learner=learner)


def test_the_peer_verifies_a_pathway_certificate(world: World, peer) -> None:  # noqa: F811
    completion = _certificate(world)
    result = peer_verify(
        peer, completion.certificate.document, did_document(organization=world.issuer)
    )
    assert result["verified"] is True, result


def test_the_certificate_is_in_the_credentials_export(world: World) -> None:
    completion = _certificate(world)
    out = io.StringIO()
    call_command("credentials", "export", "--org", world.issuer.slug, stdout=out)
    exported = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert completion.certificate.document in exported
    types = [d["credentialSubject"]["achievement"].get("achievementType") for d in exported]
    assert types.count("Certificate") == 1
