from django.urls import path

from skillstack.issuing import views

app_name = "issuing"

urlpatterns = [
    path("orgs/<slug:org_slug>/did.json", views.did_json, name="did_json"),
    path(
        "orgs/<slug:org_slug>/status/<str:purpose>/<int:number>",
        views.status_list,
        name="status_list",
    ),
]
