"""The demo has a learner with a published resume, built once however often the demo runs."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from skillstack.resume.models import Resume


@pytest.mark.django_db
def test_the_demo_publishes_one_resume_with_summary_entry_and_credentials() -> None:
    call_command("demo", stdout=io.StringIO())
    resume = Resume.objects.get()
    assert resume.public_token and resume.summary and resume.headline
    assert resume.experiences.count() == 1
    assert resume.credentials.exists()
    page = Client().get(f"/r/{resume.public_token}/").content.decode()
    assert resume.owner.get_full_name() in page
    assert "Media preparation assistant (internship)" in page
    shown = list(resume.credentials.values_list("ref", flat=True))
    call_command("demo", stdout=io.StringIO())
    again = Resume.objects.get()
    assert again.public_token == resume.public_token
    assert list(again.credentials.values_list("ref", flat=True)) == shown
    assert again.experiences.count() == 1
