"""The Open Badges 3.0 API at /ims/ob/v3p0/ (the spec's paths) and the learner's
connected-apps page."""

from django.urls import path

from skillstack.obapi import ob2_views, views

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
    path("ob2/assertions/<str:assertion_uuid>", ob2_views.assertion, name="ob2_assertion"),
    path(
        "ob2/assertions/<str:assertion_uuid>/badge.png",
        ob2_views.assertion_png,
        name="ob2_assertion_png",
    ),
    path("ob2/badges/<int:badge_version_pk>", ob2_views.badge_class, name="ob2_badge"),
    path(
        "ob2/badges/<int:badge_version_pk>/image.png",
        ob2_views.badge_image,
        name="ob2_badge_image",
    ),
    path("ob2/issuers/<slug:issuer_slug>", ob2_views.issuer, name="ob2_issuer"),
    path(
        "ob2/issuers/<slug:issuer_slug>/revocations",
        ob2_views.revocations,
        name="ob2_revocations",
    ),
    path("orgs/<slug:org_slug>/open-badges-2/", ob2_views.settings_page, name="ob2_settings"),
]
