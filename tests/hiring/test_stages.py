"""The stage rules, worked by hand: what an employer may move an application to from each
stage, and the sentence each refusal gives."""

from __future__ import annotations

import pytest

from skillstack.hiring import stages
from skillstack.hiring.models import Stage


@pytest.mark.parametrize(
    ("current", "moves"),
    [
        ("applied", ["screening", "interview", "not_selected"]),
        ("screening", ["interview", "not_selected"]),
        ("interview", ["offer", "not_selected"]),
        ("offer", ["not_selected"]),  # hired only by recording the placement
        ("hired", []),
        ("not_selected", []),
        ("withdrawn", []),
    ],
)
def test_employer_moves_from_each_stage(current: str, moves: list[str]) -> None:
    assert [s.value for s in stages.employer_moves(current)] == moves


def test_only_an_offer_can_be_hired_and_only_the_candidate_withdraws() -> None:
    assert [s for s in Stage if stages.can_hire(s)] == [Stage.OFFER]
    assert stages.refusal("offer", "hired") == (
        "Record the hire (start date, role, wage, employment type) to mark it hired."
    )
    assert (
        stages.refusal("screening", "withdrawn")
        == "Only the candidate can withdraw an application."
    )
    assert stages.refusal("hired", "screening") == "This application is hired: that is final."
    assert stages.refusal("applied", "offer") == (
        "An application at applied cannot move to offer. "
        "Next stages: screening, interview, not selected."
    )
    assert stages.refusal("applied", "bogus").startswith("“bogus” is not a stage.")
    assert stages.refusal("interview", "offer") is None
    assert [s for s in Stage if stages.can_withdraw(s)] == [
        Stage.APPLIED,
        Stage.SCREENING,
        Stage.INTERVIEW,
        Stage.OFFER,
    ]
