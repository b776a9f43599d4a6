"""/me/demographics/: a learner's optional self-identification and their separate consent."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.core.access import requires
from skillstack.outcomes import selectors, services
from skillstack.outcomes.forms import DemographicsForm
from skillstack.outcomes.models import CONSENT_WORDING, CONSENT_WORDING_VERSION

FIELDS = list(DemographicsForm.base_fields)


@requires("outcomes.demographics.edit")
def demographics(request: HttpRequest) -> HttpResponse:
    record = selectors.own_demographics(user=request.user)
    initial = {f: getattr(record, f) for f in FIELDS} if record else {}
    form = DemographicsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.demographics_save(
                user=request.user, actor=request.user, answers=form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your answers are saved. Only you can see them.")
            return redirect("outcomes:demographics")
    context = {
        "form": form,
        "consented": bool(record and record.consented),
        "history": selectors.consent_history(user=request.user),
        "wording": CONSENT_WORDING,
        "wording_version": CONSENT_WORDING_VERSION,
    }
    return render(
        request, "outcomes/demographics.html", context, status=400 if form.errors else 200
    )


@requires("outcomes.demographics.edit")
@require_POST
def consent(request: HttpRequest) -> HttpResponse:
    granted = request.POST.get("consent") == "grant"
    services.demographic_consent_set(user=request.user, actor=request.user, granted=granted)
    if granted:
        messages.success(request, "Thank you: your answers now count in group reports.")
    else:
        messages.success(request, "Consent withdrawn: your answers are left out of every report.")
    return redirect("outcomes:demographics")
