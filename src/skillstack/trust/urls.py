"""Pages of the trust app: /wallet/imports/, /registry/, /orgs/<org>/endorsements/."""

from django.urls import path

from skillstack.trust import views

app_name = "trust"

urlpatterns = [
    path("wallet/imports/", views.import_list, name="imports"),
    path("wallet/imports/add/", views.import_add, name="import_add"),
    path("wallet/imports/<int:import_pk>/", views.import_detail, name="import_detail"),
    path("wallet/imports/<int:import_pk>/remove/", views.import_remove, name="import_remove"),
    path("registry/", views.registry_page, name="registry"),
    path("registry/issuers.json", views.registry_json, name="registry_json"),
    path("registry/apply/", views.registry_apply, name="registry_apply"),
    path("registry/review/", views.registry_review, name="review"),
    path("registry/review/<int:entry_pk>/", views.registry_decide, name="decide"),
    path("orgs/<slug:org_slug>/registry/", views.registry_apply_org, name="registry_apply_org"),
    path("orgs/<slug:org_slug>/endorsements/", views.endorsements_page, name="endorsements"),
    path("endorsements/", views.endorsements_json, name="endorsements_json"),
    path(
        "endorsements/<uuid:endorsement_uuid>.json",
        views.endorsement_document,
        name="endorsement",
    ),
]
