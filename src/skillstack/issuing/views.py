"""Public documents of issuers: the did:web DID document."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from skillstack.accounts.roles import OrgKind
from skillstack.core.access import requires
from skillstack.issuing.dids import did_document


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
