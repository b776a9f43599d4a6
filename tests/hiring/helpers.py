"""Openings, applications and hires for the hiring tests, made through the services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.hiring.models import Application, Placement, Stage
from skillstack.hiring.services.applications import application_apply, application_move
from skillstack.hiring.services.placements import placement_record
from skillstack.jobs.models import Opening, OpeningStatus


def open_opening(employer: Organization, title: str = "Bioprocess Technician I") -> Opening:
    """An open opening (the jobs app owns openings; tests only need a published row)."""
    return Opening.objects.create(
        employer=employer,
        title=title,
        location="Holly Springs, NC",
        status=OpeningStatus.OPEN,
        published_at=timezone.now(),
        wage_min=22,
        wage_max=27,
    )


def applied(opening: Opening, candidate: Any, note: str = "") -> Application:
    return application_apply(opening=opening, candidate=candidate, actor=candidate, note=note)


def at_offer(application: Application, actor: Any) -> Application:
    for stage in (Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER):
        application = application_move(application=application, stage=stage, actor=actor)
    return application


def hired(application: Application, actor: Any, start: datetime.date | None = None) -> Placement:
    at_offer(application, actor)
    return placement_record(
        application=application,
        actor=actor,
        start_date=start or timezone.localdate(),
        role_title="Bioprocess Technician I",
        wage="24.50",
        employment_type="full_time",
    )
