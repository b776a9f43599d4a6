from django.urls import path

from skillstack.issuing import admin_views, views

app_name = "issuing"

CREDENTIALS = "orgs/<slug:org_slug>/credentials/"

urlpatterns = [
    path("orgs/<slug:org_slug>/did.json", views.did_json, name="did_json"),
    path(
        "orgs/<slug:org_slug>/status/<str:purpose>/<int:number>",
        views.status_list,
        name="status_list",
    ),
    path(CREDENTIALS, admin_views.credential_list, name="credential_list"),
    path(CREDENTIALS + "review/", admin_views.credential_review, name="credential_review"),
    path(
        CREDENTIALS + "sessions/<int:session_id>/issue/",
        admin_views.session_issue,
        name="session_issue",
    ),
    path(
        CREDENTIALS + "<int:credential_pk>/",
        admin_views.credential_detail,
        name="credential_detail",
    ),
    *(
        path(
            CREDENTIALS + f"<int:credential_pk>/{change}/",
            admin_views.credential_change,
            {"change": change},
            name=f"credential_{change}",
        )
        for change in admin_views.CHANGES
    ),
]
