"""Status lists: random, never reused indexes; a full list rolls over to the next number."""

from __future__ import annotations

import pytest
from django.db import transaction
from obcore.verify import verify

from skillstack.issuing.models import StatusAllocation, StatusList
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.issuing.status_lists import status_slots_allocate
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


def test_a_full_list_rolls_over_to_the_next_number(world):
    first = credential_issue_for_attempt(attempt=passed_attempt(world))
    StatusList.objects.filter(purpose="revocation").update(allocated=131_072)
    attempt = first.attempt
    learner = new_learner("next@example.test")
    second = credential_issue_for_attempt(
        attempt=make_attempt(attempt.session, learner, attempt.certification)
    )
    revocation, suspension = second.document["credentialStatus"]
    assert revocation["statusListCredential"].endswith("/status/revocation/2")
    assert suspension["statusListCredential"].endswith("/status/suspension/1")
    report = verify(
        second.document,
        resolver=local_resolver(),
        get_status_list=local_status_list_getter(),
        check_schema=False,
    )
    assert report.verified, report.as_dict()


def test_indexes_are_random_and_unique(world):
    with transaction.atomic():
        slots = status_slots_allocate(organization=world.issuer, count=200)
    indexes = [s.revocation.index for s in slots]
    assert len(set(indexes)) == 200
    assert indexes != sorted(indexes)  # not handed out in order
    assert max(indexes) > 131_072 // 2 > min(indexes)
    assert StatusAllocation.objects.count() == 400


@pytest.mark.django_db(transaction=True)
def test_allocation_outside_a_transaction_is_refused(world):
    with pytest.raises(RuntimeError, match="inside a transaction"):
        status_slots_allocate(organization=world.issuer, count=1)
