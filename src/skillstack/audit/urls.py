from django.urls import path

from skillstack.audit import views

app_name = "audit"

urlpatterns = [
    path("orgs/<slug:org_slug>/audit/", views.audit_log, name="log"),
]
