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
    path("api/", api_urls()),
]

handler404 = "skillstack.api.not_found"
