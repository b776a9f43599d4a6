"""The page a retention check-in e-mail links to: no sign-in, the signed token is the key.

Opening the link changes nothing (mail scanners open links too); the answer is one POST from
the page, preselected by the link the person clicked. A tampered, expired or used link gets
a page that says so in plain words, never an error page.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from skillstack.accounts.forms import add_service_errors
from skillstack.core.access import requires
from skillstack.hiring.forms import CheckinForm
from skillstack.hiring.models import CheckinAnswer
from skillstack.hiring.services.checkins import checkin_answer, checkin_from_token

PROBLEM_STATUS = {"invalid": 404, "expired": 410, "used": 200}


@never_cache
@requires("hiring.check_in.answer")
def check_in(request: HttpRequest, checkin_token: str) -> HttpResponse:
    found = checkin_from_token(checkin_token)
    if found.problem or found.check_in is None:
        return render(
            request,
            "hiring/check_in_problem.html",
            {"problem": found.problem, "check_in": found.check_in},
            status=PROBLEM_STATUS[found.problem],
        )
    row = found.check_in
    preset = request.GET.get("answer", "")
    form = CheckinForm(
        request.POST or None,
        initial={"answer": preset if preset in CheckinAnswer.values else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            answered = checkin_answer(
                check_in=row,
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(request, "hiring/check_in_thanks.html", {"check_in": answered})
    placement = row.placement
    context: dict[str, Any] = {
        "check_in": row,
        "placement": placement,
        "employer": placement.application.opening.employer,
        "worker": placement.application.candidate,
        "form": form,
    }
    return render(request, "hiring/check_in.html", context, status=422 if form.errors else 200)
