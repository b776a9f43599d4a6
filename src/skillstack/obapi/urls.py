"""The Open Badges 3.0 API at /ims/ob/v3p0/ (the spec's paths) and the learner's
connected-apps page."""

from django.urls import path

from skillstack.obapi import views

app_name = "obapi"

urlpatterns = [
    path("ims/ob/v3p0/discovery", views.discovery, name="discovery"),
    path("ims/ob/v3p0/oauth/register", views.register, name="register"),
    path("ims/ob/v3p0/oauth/authorize", views.authorize, name="authorize"),
    path("ims/ob/v3p0/oauth/token", views.token, name="token"),
    path("ims/ob/v3p0/oauth/revoke", views.revoke, name="revoke"),
    path("ims/ob/v3p0/credentials", views.credentials, name="credentials"),
    path("ims/ob/v3p0/profile", views.profile, name="profile"),
    path("me/connected-apps/", views.connected_apps, name="connected_apps"),
    path(
        "me/connected-apps/<int:client_app_pk>/revoke/",
        views.connected_app_revoke,
        name="connected_app_revoke",
    ),
]
