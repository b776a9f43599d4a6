"""Home, dashboard and health pages, and the friendly error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from skillstack.core.access import requires
from skillstack.core.selectors import dashboard_sections


@requires("core.home.view")
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/home.html")


@requires("accounts.dashboard.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    """What this person can do next, one section per role they hold."""
    sections = dashboard_sections(user=request.user)
    return render(request, "core/dashboard.html", {"sections": sections})


@requires("core.health.view")
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
