"""API operations of the outcomes app: a learner's own demographics and consent, and funded
programs' reports as shown on the pages (suppressed)."""

# No ``from __future__ import annotations``: ninja reads the annotations at import time.

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from skillstack.accounts.models import Organization
from skillstack.core.access import api_requires
from skillstack.outcomes import selectors, services
from skillstack.outcomes.report import ReportTable
from skillstack.outcomes.schemas import (
    ConsentChoice,
    ConsentOut,
    DemographicsIn,
    Dimension,
    PathId,
    ProgramOut,
    ReportOut,
)

router = Router(tags=["outcomes"])


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _report_out(table: ReportTable) -> dict[str, Any]:
    return {
        "title": table.title,
        "parameters": table.parameters,
        "threshold": table.threshold,
        "content_hash": table.content_hash(),
        "rows": [
            {
                "group": key,
                "label": label,
                "cells": [
                    {
                        "column": c.key,
                        "text": table.cells[(key, c.key)],
                        "suppressed": (key, c.key) in table.hidden,
                    }
                    for c in table.columns
                ],
            }
            for key, label in table.rows
        ],
    }


@router.get("/orgs/{org_slug}/outcomes/programs", response=list[ProgramOut])
@api_requires("outcomes.report.view", org_kwarg="org_slug")
def program_list(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    programs = selectors.programs_visible(organization=_org(request)).prefetch_related("cohorts")
    return [
        {
            "id": p.pk,
            "name": p.name,
            "funder": p.funder.slug,
            "provider": p.provider.slug,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "cohorts": [
                {"id": c.pk, "name": c.name, "starts_on": c.starts_on, "ends_on": c.ends_on}
                for c in p.cohorts.all()
            ],
        }
        for p in programs
    ]


@router.get("/orgs/{org_slug}/outcomes/programs/{program_pk}/report", response=ReportOut)
@api_requires("outcomes.report.view", org_kwarg="org_slug")
def program_report(
    request: HttpRequest,
    org_slug: str,
    program_pk: PathId,
    cohort: int | None = Query(None, ge=1, le=2**63 - 1),
    dimension: Dimension | None = None,
    as_of: datetime.date | None = None,
) -> dict[str, Any]:
    program = selectors.program_visible(organization=_org(request), program_pk=program_pk)
    chosen = selectors.cohort_of(program=program, cohort_pk=cohort) if cohort else None
    if cohort and chosen is None:
        from ninja.errors import HttpError

        raise HttpError(404, "No such cohort in this program")
    table = selectors.program_report(
        program=program,
        cohort=chosen,
        dimension=dimension,
        as_of=as_of or timezone.localdate(),
    )
    return _report_out(table)


@router.put("/me/demographics", response={204: None})
@api_requires("outcomes.demographics.edit")
def demographics_put(request: HttpRequest, payload: DemographicsIn) -> tuple[int, None]:
    answers = payload.dict()
    answers["races"] = [str(r) for r in answers["races"]]
    services.demographics_save(user=request.user, actor=request.user, answers=answers)
    return 204, None


@router.put("/me/demographics/consent", response=ConsentOut)
@api_requires("outcomes.demographics.edit")
def consent_put(request: HttpRequest, payload: ConsentChoice) -> Any:
    return services.demographic_consent_set(
        user=request.user, actor=request.user, granted=payload.granted
    )
