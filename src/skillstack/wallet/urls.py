"""The learner's wallet under /wallet/, and shared credentials under /c/<token>/."""

from django.urls import path

from skillstack.wallet import share_views, views

app_name = "wallet"

urlpatterns = [
    path("wallet/", views.wallet_home, name="home"),
    path("wallet/settings/", views.wallet_settings, name="settings"),
    path("wallet/claim/<str:claim_token>/", views.claim, name="claim"),
    path("wallet/credentials/<int:credential_pk>/", views.credential_detail, name="credential"),
    path(
        "wallet/credentials/<int:credential_pk>/credential.json",
        views.credential_json,
        name="credential_json",
    ),
    path(
        "wallet/credentials/<int:credential_pk>/badge.png",
        views.credential_png,
        name="credential_png",
    ),
    path(
        "wallet/credentials/<int:credential_pk>/raw/", views.credential_raw, name="credential_raw"
    ),
    path(
        "wallet/credentials/<int:credential_pk>/share/",
        views.credential_share,
        name="credential_share",
    ),
    path("c/<str:share_token>/", share_views.share_page, name="share"),
    path("c/<str:share_token>/badge.png", share_views.share_badge, name="share_badge"),
]
