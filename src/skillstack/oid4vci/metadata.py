"""What Skillstack tells wallets about itself (OpenID4VCI 1.0 §12.2, RFC 8414).

The credential issuer identifier is the site's own URL (``SITE_URL``): one credential issuer
for the whole platform, delivering each institution's credentials signed with that
institution's own did:web key. Its metadata sits at ``/.well-known/openid-credential-issuer``
and its authorization server (the same host) at ``/.well-known/oauth-authorization-server``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from obcore.credentials import OB3_CONTEXT, VC2_CONTEXT

from skillstack.oid4vci.proof_jwt import ALGORITHMS

CONFIGURATION_ID = "AchievementCredential_ldp_vc"
PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
CREDENTIAL_TYPES = ["VerifiableCredential", "AchievementCredential"]


def issuer_identifier() -> str:
    """The credential issuer identifier: ``aud`` of every proof, ``credential_issuer``."""
    return str(settings.SITE_URL)


def endpoint(name: str, *args: Any) -> str:
    return issuer_identifier() + reverse(f"oid4vci:{name}", args=args)


def credential_issuer_metadata() -> dict[str, Any]:
    """§12.2.4: endpoints, and the one credential configuration offered (an OB 3.0 badge)."""
    return {
        "credential_issuer": issuer_identifier(),
        "authorization_servers": [issuer_identifier()],
        "credential_endpoint": endpoint("credential"),
        "nonce_endpoint": endpoint("nonce"),
        "display": [{"name": "Skillstack", "locale": "en"}],
        "credential_configurations_supported": {
            CONFIGURATION_ID: {
                "format": "ldp_vc",
                "credential_definition": {
                    "@context": [VC2_CONTEXT, OB3_CONTEXT],
                    "type": list(CREDENTIAL_TYPES),
                },
                "cryptographic_binding_methods_supported": ["did:key", "jwk"],
                "credential_signing_alg_values_supported": ["eddsa-rdfc-2022"],
                "proof_types_supported": {
                    "jwt": {"proof_signing_alg_values_supported": list(ALGORITHMS)}
                },
                "credential_metadata": {
                    "display": [
                        {
                            "name": "Open Badge (micro-credential)",
                            "locale": "en",
                            "description": (
                                "A verified micro-credential (Open Badges 3.0), signed by the "
                                "institution that assessed it and bound to your wallet's key."
                            ),
                        }
                    ]
                },
            }
        },
    }


def authorization_server_metadata() -> dict[str, Any]:
    """RFC 8414 §2 with the OpenID4VCI 1.0 §12.3 addition: anonymous pre-authorized grant."""
    return {
        "issuer": issuer_identifier(),
        "token_endpoint": endpoint("token"),
        "response_types_supported": [],
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "token_endpoint_auth_methods_supported": ["none"],
        "pre-authorized_grant_anonymous_access_supported": True,
    }
