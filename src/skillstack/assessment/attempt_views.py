"""Pages of one attempt: what was observed, co-signing, and corrections (a new attempt)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.assessment import selectors
from skillstack.assessment.forms import CorrectionForm
from skillstack.assessment.models import Attempt, AttemptStatus
from skillstack.assessment.services.attempts import Observation, attempt_correct, attempt_cosign
from skillstack.assessment.services.rules import NotAllowed
from skillstack.core.access import requires
from skillstack.core.permissions import can


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _attempt(request: HttpRequest, attempt_id: int) -> Attempt:
    return selectors.attempt_visible(
        user=request.user, organization=_org(request), attempt_id=attempt_id
    )


def _correction_form(attempt: Attempt, data: object = None) -> CorrectionForm:
    return CorrectionForm(
        data,
        test=selectors.performance_test(attempt.micro_credential_version),
        initial_obs=attempt.observations,
    )


def _page(
    request: HttpRequest, attempt: Attempt, form: CorrectionForm | None = None, status: int = 200
) -> HttpResponse:
    org = _org(request)
    titles = selectors.step_titles(attempt.micro_credential_version)
    context = {
        "org": org,
        "attempt": attempt,
        "titles": titles,
        "done": [titles.get(k, k) for k in attempt.observations.get("checks_done", [])],
        "practise": [titles.get(k, k) for k in attempt.to_practise],
        "notes": [(titles.get(k, k), v) for k, v in attempt.observations.get("notes", {}).items()],
        "may_cosign": attempt.status == AttemptStatus.AWAITING_COSIGN
        and can(request.user, "assessment.attempt.cosign", org=org)
        and attempt.evaluator_id != request.user.pk,
        "may_correct": attempt.status != AttemptStatus.SUPERSEDED
        and can(request.user, "assessment.attempt.correct", org=org),
        "form": form or _correction_form(attempt),
    }
    return render(request, "assessment/attempt.html", context, status=status)


@requires("assessment.session.view", org_kwarg="org_slug")
def attempt_detail(request: HttpRequest, org_slug: str, attempt_id: int) -> HttpResponse:
    return _page(request, _attempt(request, attempt_id))


@requires("assessment.attempt.cosign", org_kwarg="org_slug")
@require_POST
def attempt_cosign_view(request: HttpRequest, org_slug: str, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, attempt_id)
    try:
        attempt_cosign(attempt=attempt, evaluator=request.user)
    except NotAllowed as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"You co-signed the attempt of {attempt.learner}; it is final.")
    return redirect("assessment:attempt", org_slug=org_slug, attempt_id=attempt.pk)


@requires("assessment.attempt.correct", org_kwarg="org_slug")
@require_POST
def attempt_correct_view(request: HttpRequest, org_slug: str, attempt_id: int) -> HttpResponse:
    attempt = _attempt(request, attempt_id)
    form = _correction_form(attempt, request.POST)
    if form.is_valid():
        checks, levels = form.observation_parts()
        observation = Observation(
            checks_done=checks,
            rubric_levels=levels,
            notes=attempt.observations.get("notes", {}),
            elapsed_s=attempt.elapsed_s,
        )
        try:
            new = attempt_correct(
                attempt=attempt,
                actor=request.user,
                is_admin=selectors.is_admin(user=request.user, organization=_org(request)),
                reason=form.cleaned_data["reason"],
                observation=observation,
            )
        except NotAllowed as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The corrected result is recorded; the original is kept.")
            return redirect("assessment:attempt", org_slug=org_slug, attempt_id=new.pk)
    return _page(request, attempt, form, status=400)
