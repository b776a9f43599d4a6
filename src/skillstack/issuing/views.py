"""Public documents of issuers: the did:web DID document and the signed status lists."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from skillstack.accounts.roles import OrgKind
from skillstack.core.access import requires
from skillstack.issuing.dids import did_document
from skillstack.issuing.selectors import status_list_published
from skillstack.issuing.status_lists import STATUS_TTL_MS


@requires("issuing.did.view", org_kwarg="org_slug")
def did_json(request: HttpRequest, org_slug: str) -> JsonResponse:
    org = request.organization  # type: ignore[attr-defined]
    document = did_document(organization=org) if org.kind == OrgKind.ISSUER else None
    if not document or not document["verificationMethod"]:
        raise Http404("This organization publishes no DID document")
    response = JsonResponse(document, content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"  # verifiers in browsers fetch it
    response["Cache-Control"] = "public, max-age=300"
    return response


@requires("issuing.status.view", org_kwarg="org_slug")
def status_list(request: HttpRequest, org_slug: str, purpose: str, number: int) -> JsonResponse:
    """The signed BitstringStatusListCredential (W3C Bitstring Status List v1.0 §2.2)."""
    org = request.organization  # type: ignore[attr-defined]
    document = status_list_published(organization=org, purpose=purpose, number=number)
    if document is None:
        raise Http404("This issuer publishes no such status list")
    response = JsonResponse(document, content_type="application/vc+ld+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={STATUS_TTL_MS // 1000}"
    return response
