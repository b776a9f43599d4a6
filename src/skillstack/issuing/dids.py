"""did:web identifiers and documents for issuers hosted by this Skillstack.

did:web (W3C CCG did:web method): ``did:web:<host>[%3A<port>]:orgs:<slug>`` resolves to
``https://<host>[:<port>]/orgs/<slug>/did.json``. Retired keys stay listed so credentials signed
before a rotation keep verifying.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from django.conf import settings

from skillstack.accounts.models import Organization
from skillstack.issuing.models import IssuerKey

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def issuer_did(*, organization: Organization) -> str:
    site = urlsplit(settings.SITE_URL)
    host = quote(site.netloc, safe="")  # the port's colon is percent-encoded
    return f"did:web:{host}:orgs:{organization.slug}"


def did_document(*, organization: Organization) -> dict[str, Any]:
    did = issuer_did(organization=organization)
    keys = IssuerKey.objects.filter(organization=organization).order_by("created_at")
    methods = [
        {
            "id": f"{did}#{key.key_id}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in keys
    ]
    ids = [m["id"] for m in methods]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }
