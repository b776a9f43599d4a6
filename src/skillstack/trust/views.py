"""Pages of the trust app: imports in the wallet, the public registry, review, endorsements."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from skillstack.core.access import requires
from skillstack.trust import imports, selectors, services
from skillstack.trust.forms import ApplyForm, DecisionForm, EndorseForm
from skillstack.trust.models import Endorsement, RegistryEntry
from skillstack.verification import services as verification
from skillstack.verification.forms import VerifyForm


def _messages_of(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        return [m for msgs in exc.message_dict.values() for m in msgs]
    return list(exc.messages)


@requires("trust.import.list")
def import_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.imports_of(user=request.user)
    return render(request, "trust/import_list.html", {"rows": rows})


def _import_input(form: VerifyForm) -> tuple[bytes | str | None, str]:
    data = form.cleaned_data
    if data.get("file"):
        return verification.upload_read(upload=data["file"]), ""
    if data.get("url"):
        return None, str(data["url"])
    return str(data["text"]), ""


@requires("trust.import.add")
def import_add(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            data, url = _import_input(form)
            if url:
                imported = imports.imported_credential_add_from_url(actor=request.user, url=url)
            else:
                assert data is not None
                imported = imports.imported_credential_add(actor=request.user, data=data)
        except verification.InputRefused as exc:
            errors = [str(exc)]
        except ValidationError as exc:
            errors = _messages_of(exc)
        else:
            messages.success(request, f"“{imported.achievement_name}” is in your wallet.")
            return redirect("trust:import_detail", import_pk=imported.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "trust/import_add.html", {"form": form, "errors": errors}, status=status)


def _own(request: HttpRequest, import_pk: int) -> Any:
    imported = selectors.import_of(user=request.user, pk=import_pk)
    if imported is None:
        raise Http404("No such imported credential in your wallet")
    return imported


@requires("trust.import.view")
def import_detail(request: HttpRequest, import_pk: int) -> HttpResponse:
    imported = imports.imported_credential_recheck(imported=_own(request, import_pk))
    standing = selectors.issuer_standing(
        issuer_id=imported.issuer_id,
        achievement_id=imported.achievement_id,
        signature_valid=imported.state == "verified",
    )
    return render(
        request,
        "trust/import_detail.html",
        {"imported": imported, "report": imported.report, "standing": standing},
    )


@requires("trust.import.remove")
@require_POST
def import_remove(request: HttpRequest, import_pk: int) -> HttpResponse:
    imported = _own(request, import_pk)
    name = imported.achievement_name
    imports.imported_credential_remove(actor=request.user, imported=imported)
    messages.success(request, f"“{name}” was removed from your wallet.")
    return redirect("trust:imports")


@requires("trust.registry.view")
def registry_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "trust/registry.html",
        {"entries": selectors.registry_public(), "coalition": selectors.coalition_name()},
    )


@requires("trust.registry.view")
def registry_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(selectors.registry_as_json(site_url=settings.SITE_URL))
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@requires("trust.registry.apply")
def registry_apply(request: HttpRequest) -> HttpResponse:
    form = ApplyForm(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.registry_apply(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            errors = _messages_of(exc)
        else:
            messages.success(
                request, "Thank you: the coalition's admins will review the application."
            )
            return redirect("trust:registry")
    return render(
        request, "trust/registry_apply.html", {"form": form, "errors": errors, "org": None}
    )


@requires("trust.registry.apply_org", org_kwarg="org_slug")
def registry_apply_org(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    entry = RegistryEntry.objects.filter(organization=organization).first()
    errors: list[str] = []
    if request.method == "POST":
        try:
            entry = services.registry_apply_platform(actor=request.user, organization=organization)
        except ValidationError as exc:
            errors = _messages_of(exc)
        else:
            messages.success(request, "Applied: the coalition's admins will review it.")
    return render(
        request,
        "trust/registry_apply_org.html",
        {"org": organization, "entry": entry, "errors": errors},
        status=400 if errors else 200,
    )


@requires("trust.registry.review")
def registry_review(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "trust/registry_review.html",
        {"entries": selectors.registry_all(), "form": DecisionForm()},
    )


@requires("trust.registry.review")
@require_POST
def registry_decide(request: HttpRequest, entry_pk: int) -> HttpResponse:
    entry = get_object_or_404(RegistryEntry, pk=entry_pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.registry_decide(actor=request.user, entry=entry, **form.cleaned_data)
        except ValidationError as exc:
            for message in _messages_of(exc):
                messages.error(request, f"{entry.name}: {message}")
        else:
            messages.success(request, f"{entry.name}: decision recorded.")
    else:
        messages.error(request, "Choose recognise, suspend or decline.")
    return redirect("trust:review")


@requires("trust.endorsement.manage", org_kwarg="org_slug")
def endorsements_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    form = EndorseForm(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.endorsement_issue(
                actor=request.user, endorser=organization, **form.cleaned_data
            )
        except ValidationError as exc:
            errors = _messages_of(exc)
        else:
            messages.success(request, "Endorsement signed and published.")
            return redirect("trust:endorsements", org_slug=organization.slug)
    made = Endorsement.objects.filter(endorser=organization, withdrawn_at__isnull=True)
    can_endorse = organization.kind in services.ENDORSER_KINDS
    return render(
        request,
        "trust/endorsements.html",
        {
            "org": organization,
            "form": form,
            "errors": errors,
            "made": made,
            "can_endorse": can_endorse,
        },
        status=400 if errors else 200,
    )


@requires("trust.endorsement.view")
def endorsement_document(request: HttpRequest, endorsement_uuid: str) -> JsonResponse:
    endorsement = Endorsement.objects.filter(
        credential_id=f"urn:uuid:{endorsement_uuid}", withdrawn_at__isnull=True
    ).first()
    if endorsement is None:
        raise Http404("No such endorsement")
    response = JsonResponse(endorsement.document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@requires("trust.endorsement.view")
def endorsements_json(request: HttpRequest) -> JsonResponse:
    """Endorsements of an achievement or issuer: ``?achievement_id=`` / ``?issuer_id=``."""
    rows = selectors.endorsements_for(
        achievement_id=request.GET.get("achievement_id", "")[:500] or None,
        issuer_id=request.GET.get("issuer_id", "")[:500] or None,
    )
    return JsonResponse({"endorsements": [e.document for e in rows]})
