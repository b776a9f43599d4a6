"""Public OB 2.0 documents (hosted verification reads them) and the issuer admin's switch."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from obcore.baking import bake_png_ob2

from skillstack.core.access import requires
from skillstack.obapi import ob2, ob2_services
from skillstack.wallet import badge

JSON_LD = "application/ld+json"


def _json(document: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(document, status=status, content_type=JSON_LD)
    response["Access-Control-Allow-Origin"] = "*"  # public documents, read by any verifier
    return response


@requires("obapi.ob2.view")
def assertion(request: HttpRequest, assertion_uuid: str) -> JsonResponse:
    credential = ob2_services.ob2_credential(assertion_uuid=assertion_uuid)
    if credential is None:
        raise Http404("No such assertion")
    document = ob2.assertion_document(credential)
    return _json(document, status=410 if document.get("revoked") else 200)


@requires("obapi.ob2.view")
def assertion_png(request: HttpRequest, assertion_uuid: str) -> HttpResponse:
    credential = ob2_services.ob2_credential(assertion_uuid=assertion_uuid)
    if credential is None:
        raise Http404("No such assertion")
    image = bake_png_ob2(badge.badge_png(credential=credential), ob2.assertion_url(credential))
    return HttpResponse(image, content_type="image/png")


@requires("obapi.ob2.view")
def badge_class(request: HttpRequest, badge_version_pk: int) -> JsonResponse:
    version = ob2_services.ob2_badge_version(version_pk=badge_version_pk)
    if version is None:
        raise Http404("No such badge")
    return _json(ob2.badge_class_document(version))


@requires("obapi.ob2.view")
def badge_image(request: HttpRequest, badge_version_pk: int) -> HttpResponse:
    version = ob2_services.ob2_badge_version(version_pk=badge_version_pk)
    if version is None:
        raise Http404("No such badge")
    issuer = version.micro_credential.issuer.name
    return HttpResponse(
        badge.badge_drawn(name=version.name, issuer=issuer), content_type="image/png"
    )


@requires("obapi.ob2.view")
def issuer(request: HttpRequest, issuer_slug: str) -> JsonResponse:
    organization = ob2_services.ob2_issuer(slug=issuer_slug)
    if organization is None:
        raise Http404("No such issuer")
    return _json(ob2.issuer_document(organization))


@requires("obapi.ob2.view")
def revocations(request: HttpRequest, issuer_slug: str) -> JsonResponse:
    organization = ob2_services.ob2_issuer(slug=issuer_slug)
    if organization is None:
        raise Http404("No such issuer")
    return _json(ob2.revocation_list_document(organization))


@requires("obapi.ob2.manage", org_kwarg="org_slug")
def settings_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    if request.method == "POST":
        enabled = request.POST.get("enabled") == "on"
        ob2_services.ob2_publishing_set(
            organization=organization, enabled=enabled, actor=request.user
        )
        messages.success(
            request,
            "Open Badges 2.0 publishing is on."
            if enabled
            else "Open Badges 2.0 publishing is off.",
        )
        return redirect("obapi:ob2_settings", org_slug=organization.slug)
    enabled = ob2_services.ob2_enabled(organization=organization)
    return render(
        request, "obapi/ob2_settings.html", {"organization": organization, "enabled": enabled}
    )
