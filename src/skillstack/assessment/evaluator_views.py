"""Pages under /orgs/<slug>/evaluators/: who is certified for what; grant and withdraw."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.assessment import selectors
from skillstack.assessment.forms import CertificationGrantForm, WithdrawForm
from skillstack.assessment.services.certifications import (
    certification_grant,
    certification_withdraw,
)
from skillstack.core.access import requires
from skillstack.core.permissions import can


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _list_page(
    request: HttpRequest, form: CertificationGrantForm, status: int = 200
) -> HttpResponse:
    org = _org(request)
    context = {
        "org": org,
        "certifications": selectors.certifications_of(organization=org),
        "form": form,
        "may_manage": can(request.user, "assessment.certification.manage", org=org),
    }
    return render(request, "assessment/evaluators.html", context, status=status)


@requires("assessment.certification.list", org_kwarg="org_slug")
def evaluators(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _list_page(request, CertificationGrantForm(organization=_org(request)))


@requires("assessment.certification.manage", org_kwarg="org_slug")
@require_POST
def certification_grant_view(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = CertificationGrantForm(request.POST, organization=_org(request))
    if form.is_valid():
        try:
            certification = certification_grant(
                issuer=_org(request), actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"{certification.evaluator} is certified for {certification.micro_credential} "
                f"until {certification.valid_until:%d %b %Y}; their credential is being issued.",
            )
            return redirect("assessment:evaluators", org_slug=org_slug)
    return _list_page(request, form, status=400)


def _detail_page(
    request: HttpRequest, certification_id: int, form: WithdrawForm, status: int = 200
) -> HttpResponse:
    org = _org(request)
    certification = selectors.certification_of(organization=org, certification_id=certification_id)
    context = {
        "org": org,
        "certification": certification,
        "form": form,
        "may_manage": can(request.user, "assessment.certification.manage", org=org),
        "attempts_to_review": selectors.attempts_after_withdrawal(certification=certification),
        "credentials_to_review": selectors.credentials_to_review(certification=certification),
    }
    return render(request, "assessment/certification.html", context, status=status)


@requires("assessment.certification.list", org_kwarg="org_slug")
def certification_detail(
    request: HttpRequest, org_slug: str, certification_id: int
) -> HttpResponse:
    return _detail_page(request, certification_id, WithdrawForm())


@requires("assessment.certification.manage", org_kwarg="org_slug")
@require_POST
def certification_withdraw_view(
    request: HttpRequest, org_slug: str, certification_id: int
) -> HttpResponse:
    certification = selectors.certification_of(
        organization=_org(request), certification_id=certification_id
    )
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            certification_withdraw(
                certification=certification,
                reason=form.cleaned_data["reason"],
                effective_on=form.cleaned_data["effective_on"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"The certification of {certification.evaluator} is withdrawn. "
                "Review the results listed below.",
            )
            return redirect(
                "assessment:certification", org_slug=org_slug, certification_id=certification.pk
            )
    return _detail_page(request, certification_id, form, status=400)
