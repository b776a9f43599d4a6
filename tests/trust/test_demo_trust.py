"""The demo's trust section: recognised issuers, a pending applicant, endorsements and a
learner's verified external badge; a second run adds nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from skillstack.accounts.models import User
from skillstack.audit.models import AuditEntry
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.trust.models import Endorsement, ImportedCredential, RegistryEntry
from skillstack.trust.selectors import issuer_standing
from skillstack.wallet.holdings import verified_holdings


def _counts() -> tuple[int, ...]:
    return (
        RegistryEntry.objects.count(),
        Endorsement.objects.count(),
        ImportedCredential.objects.count(),
        AuditEntry.objects.filter(action__startswith="trust.").count(),
    )


@pytest.mark.django_db
def test_the_demo_has_a_registry_endorsements_and_an_imported_badge() -> None:
    call_command("demo", stdout=io.StringIO())
    first = _counts()
    call_command("demo", stdout=io.StringIO())
    assert _counts() == first

    statuses = dict(RegistryEntry.objects.values_list("name", "status"))
    assert statuses["Tidewater Bioscience Training"] == "pending"
    recognised = [n for n, s in statuses.items() if s == "recognised"]
    assert len(recognised) == 3
    assert Endorsement.objects.filter(endorser__slug="lsca", kind="achievement").count() >= 3

    learner = User.objects.get(email=learner_email(LEARNER_NAMES[0]))
    imported = ImportedCredential.objects.get(owner=learner)
    assert imported.state == "verified"
    assert imported.issuer_name == "Harbor Lab Academy"
    assert "imported" in {h.source for h in verified_holdings(user=learner)}
    assert issuer_standing(issuer_id=imported.issuer_id).kind == "unknown"
