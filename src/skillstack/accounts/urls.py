"""Account pages (under /accounts/) and organization pages (under /orgs/<slug>/, where every
app puts its pages of an organization)."""

from django.urls import path

from skillstack.accounts import (
    invitation_views,
    org_views,
    profile_views,
    twofactor_views,
    views,
)

app_name = "accounts"

urlpatterns = [
    path("accounts/login/", views.login_view, name="login"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/password/reset/", views.password_reset, name="password_reset"),
    path("accounts/password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("accounts/password/change/", views.password_change, name="password_change"),
    path("accounts/two-factor/", twofactor_views.two_factor, name="two_factor"),
    path("accounts/two-factor/setup/", twofactor_views.two_factor_setup, name="two_factor_setup"),
    path(
        "accounts/two-factor/disable/",
        twofactor_views.two_factor_disable,
        name="two_factor_disable",
    ),
    path("accounts/profile/", profile_views.profile, name="profile"),
    path("accounts/profile/edit/", profile_views.profile_update, name="profile_update"),
    path("orgs/", org_views.org_list, name="org_list"),
    path("orgs/new/", org_views.org_create, name="org_create"),
    path("orgs/<slug:org_slug>/", org_views.org_settings, name="org_settings"),
    path("orgs/<slug:org_slug>/edit/", org_views.org_update, name="org_update"),
    path("orgs/<slug:org_slug>/members/", org_views.members, name="members"),
    path(
        "orgs/<slug:org_slug>/members/<int:membership_id>/remove/",
        org_views.member_remove,
        name="member_remove",
    ),
    path("orgs/<slug:org_slug>/invitations/", invitation_views.invitations, name="invitations"),
    path(
        "orgs/<slug:org_slug>/invitations/send/",
        invitation_views.invitation_send,
        name="invitation_send",
    ),
    path(
        "orgs/<slug:org_slug>/invitations/<int:invitation_id>/withdraw/",
        invitation_views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        "accounts/invitations/<str:token>/",
        invitation_views.invitation_accept,
        name="invitation_accept",
    ),
    path(
        "accounts/invitations/<str:token>/accept/",
        invitation_views.invitation_confirm,
        name="invitation_confirm",
    ),
    path(
        "accounts/invitations/<str:token>/signup/",
        invitation_views.invitation_signup,
        name="invitation_signup",
    ),
]
