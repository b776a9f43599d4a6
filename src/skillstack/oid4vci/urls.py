"""Wallet-app endpoints (OpenID4VCI 1.0, VC-API exchanges) and the learner's offer page."""

from django.urls import path

from skillstack.oid4vci import protocol_views, views

app_name = "oid4vci"

urlpatterns = [
    path(
        ".well-known/openid-credential-issuer",
        protocol_views.issuer_metadata,
        name="issuer_metadata",
    ),
    path(
        ".well-known/oauth-authorization-server",
        protocol_views.authorization_server_metadata,
        name="authorization_server_metadata",
    ),
    path("mobile/oid4vci/offers/<str:wallet_offer_handle>", protocol_views.offer, name="offer"),
    path("mobile/oid4vci/token", protocol_views.token, name="token"),
    path("mobile/oid4vci/nonce", protocol_views.nonce, name="nonce"),
    path("mobile/oid4vci/credential", protocol_views.credential, name="credential"),
    path("mobile/exchanges/<str:wallet_exchange_id>", protocol_views.exchange, name="exchange"),
    path(
        "wallet/credentials/<int:credential_pk>/mobile/",
        views.credential_mobile,
        name="credential_mobile",
    ),
    path(
        "wallet/credentials/<int:credential_pk>/mobile/<int:wallet_offer_pk>/cancel/",
        views.offer_cancel,
        name="offer_cancel",
    ),
]
