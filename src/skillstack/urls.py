"""Top-level routes: pages per app, the JSON API at /api/, and health."""

from django.urls import include, path

from skillstack.api import api_urls

urlpatterns = [
    path("", include("skillstack.core.urls")),
    path("", include("skillstack.accounts.urls")),
    path("", include("skillstack.audit.urls")),
    path("", include("skillstack.issuing.urls")),
    path("", include("skillstack.catalog.urls")),
    path("", include("skillstack.wallet.urls")),
    path("", include("skillstack.verification.urls")),
    path("", include("skillstack.assessment.urls")),
    path("", include("skillstack.jobs.urls")),
    path("", include("skillstack.matching.urls")),
    path("", include("skillstack.hiring.urls")),
    path("", include("skillstack.pathways.urls")),
    path("", include("skillstack.trust.urls")),
    path("", include("skillstack.oid4vci.urls")),
    path("", include("skillstack.resume.urls")),
    path("", include("skillstack.obapi.urls")),
    path("", include("skillstack.outcomes.urls")),
    path("api/", api_urls()),
]

handler404 = "skillstack.api.not_found"
