"""A learner's own results: passed or not, what to practise, where to be assessed again."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillstack.assessment import selectors
from skillstack.core.access import requires


@requires("assessment.attempt.mine")
def my_attempts(request: HttpRequest) -> HttpResponse:
    results = selectors.learner_results(learner=request.user)
    return render(request, "assessment/my_attempts.html", {"results": results})
