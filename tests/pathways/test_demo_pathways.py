"""The demo's pathways section: what a visitor of the demo finds, and a second run adds nothing."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from skillstack.accounts.models import User
from skillstack.audit.models import AuditEntry
from skillstack.demo.pathways import COMPLETER, ONE_SHORT
from skillstack.demo.people import learner_email
from skillstack.issuing.models import IssuedCredential
from skillstack.pathways.credit_selectors import incoming_learners, learner_credit
from skillstack.pathways.models import Pathway, PathwayCompletion
from skillstack.pathways.selectors import learner_pathways
from skillstack.verification.services import credential_verify


def _counts() -> tuple[int, ...]:
    return (
        Pathway.objects.count(),
        PathwayCompletion.objects.count(),
        IssuedCredential.objects.count(),
        AuditEntry.objects.filter(action__startswith="pathways.").count(),
    )


@pytest.mark.django_db
def test_the_demo_has_pathways_a_certificate_and_credit() -> None:
    call_command("demo", stdout=io.StringIO())
    first = _counts()
    call_command("demo", stdout=io.StringIO())
    assert _counts() == first

    assert set(Pathway.objects.values_list("slug", "kind")) == {
        ("lab-skills", "vertical"),
        ("biomanufacturing-foundations", "horizontal"),
    }
    completer = User.objects.get(email=learner_email(COMPLETER))
    completion = PathwayCompletion.objects.get(learner=completer)
    assert completion.pathway.slug == "biomanufacturing-foundations"
    assert "Cleanroom Practices (BIOT 115)" in {c["name"] for c in completion.components}
    assert credential_verify(data=completion.certificate.document).verified

    short = User.objects.get(email=learner_email(ONE_SHORT))
    rows = {r.pathway.slug: r for r in learner_pathways(user=short)}
    foundations = rows["biomanufacturing-foundations"].progress
    assert not foundations.complete and foundations.root.met == 2

    (program,) = learner_credit(user=completer)
    # Lab Safety 1 + Aseptic 3 + the Foundations certificate 4 = 8, the cap (half of 16)
    assert program.earned == Decimal("8") and program.awarded == Decimal("8")
    college = program.agreement.college
    assert [i.learner for i in incoming_learners(college=college)] == [completer]
