"""`skillstack credentials export`: each line is a signed credential that verifies."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from obcore.verify import verify

from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


def _export(*args: str) -> list[dict]:
    out, err = io.StringIO(), io.StringIO()
    call_command("credentials", "export", *args, stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_writes_every_credential_as_a_verifying_json_line(world):
    attempt = passed_attempt(world)
    credential_issue_for_attempt(attempt=attempt)
    other = make_attempt(attempt.session, new_learner("ada@example.test"), attempt.certification)
    credential_issue_for_attempt(attempt=other)
    lines = _export("--org", "bioskills")
    assert len(lines) == 3  # two learners and the evaluator's certification
    resolver, getter = local_resolver(), local_status_list_getter()
    for document in lines:
        report = verify(document, resolver=resolver, get_status_list=getter, check_schema=False)
        assert report.verified, report.as_dict()


def test_export_of_another_issuer_is_empty(world):
    credential_issue_for_attempt(attempt=passed_attempt(world))
    assert _export("--org", "other") == []
    assert len(_export()) == 2


def test_an_unknown_organization_is_named(world):
    with pytest.raises(CommandError, match="nope"):
        _export("--org", "nope")
