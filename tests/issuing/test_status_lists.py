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
    revocation = second.document["credentialStatus"]
    assert revocation["statusListCredential"].endswith("/status/revocation/2")
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
    assert StatusAllocation.objects.count() == 200


@pytest.mark.django_db(transaction=True)
def test_allocation_outside_a_transaction_is_refused(world):
    with pytest.raises(RuntimeError, match="inside a transaction"):
        status_slots_allocate(organization=world.issuer, count=1)


def test_two_processes_opening_the_first_list_share_it(world, monkeypatch):
    """The loser of the race to create list 1 uses the winner's list instead of failing."""
    from skillstack.issuing import status_lists

    real_publish = status_lists._publish

    def publish_while_another_process_wins(status_list, bits, signer):
        real_publish(status_list, bits, signer)
        if not StatusList.objects.filter(purpose=status_list.purpose).exists():
            StatusList.objects.create(
                organization=status_list.organization,
                purpose=status_list.purpose,
                number=status_list.number,
                bits=status_list.bits,
                published=status_list.published,
            )

    monkeypatch.setattr(status_lists, "_publish", publish_while_another_process_wins)
    with transaction.atomic():
        (slot,) = status_lists.status_slots_allocate(organization=world.issuer, count=1)
    assert StatusList.objects.filter(purpose="revocation").count() == 1
    assert slot.revocation.status_list.number == 1
