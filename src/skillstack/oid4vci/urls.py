"""Pages of the oid4vci app."""

from django.urls import path  # noqa: F401 - routes are added as the app grows

app_name = "oid4vci"

urlpatterns: list = []
