"""Micro-credential pages of an issuer: list, create, edit (with the performance test
editor), version history, publish and retire."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.utils import ErrorDict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.catalog import selectors, services
from skillstack.catalog.forms import MicroCredentialForm
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion
from skillstack.catalog.step_forms import (
    RuleForm,
    StepFormSet,
    apply_step_action,
    build_definition,
    check_definition,
    initial_rule,
    initial_steps,
    raw_steps,
)
from skillstack.core.access import requires

FIELDS = (
    "name",
    "description",
    "criteria",
    "level",
    "achievement_type",
    "credits_available",
    "validity_months",
)


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _mc(org: Organization, slug: str) -> MicroCredential:
    mc = selectors.micro_credential_of(organization=org, slug=slug)
    if mc is None:
        raise Http404("No such micro-credential of this issuer")
    return mc


def _quiet(form: Any) -> Any:
    """A bound form re-shown after add/remove/move: keep what was typed, show no errors yet."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    return form


@requires("catalog.microcredential.edit", org_kwarg="org_slug")
def mc_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    rows = selectors.micro_credentials_of(organization=org)
    return render(request, "catalog/mc_list.html", {"org": org, "rows": rows})


def _initial(version: MicroCredentialVersion) -> dict[str, Any]:
    initial = {name: getattr(version, name) for name in FIELDS}
    initial["tags"] = ", ".join(version.tags)
    initial["skills"] = list(version.skills.all())
    return initial


def _changes(version: MicroCredentialVersion, data: dict[str, Any], definition: Any) -> dict:
    changes = {name: data[name] for name in FIELDS if data[name] != getattr(version, name)}
    if data["tags"] != list(version.tags):
        changes["tags"] = data["tags"]
    if definition != version.performance_test:
        changes["performance_test"] = definition
    return changes


def _save(
    request: HttpRequest,
    org: Organization,
    mc: MicroCredential | None,
    data: dict[str, Any],
    definition: dict[str, Any],
) -> MicroCredential | None:
    """Create or revise; returns the micro-credential, or None when nothing changed."""
    data = dict(data)
    image, skills = data.pop("image", None), list(data.pop("skills"))
    if mc is None:
        version = services.micro_credential_create(
            issuer=org, actor=request.user, performance_test=definition, skills=skills, **data
        )
        mc = version.micro_credential
        messages.success(request, f"“{version.name}” is saved as a draft.")
    else:
        latest = selectors.latest_version(micro_credential=mc)
        assert latest is not None
        changes = _changes(latest, data, definition)
        same_skills = {s.pk for s in skills} == {s.pk for s in latest.skills.all()}
        if not changes and same_skills and image is None:
            messages.info(request, "Nothing changed, so nothing was saved.")
            return mc
        version = services.micro_credential_revise(
            micro_credential=mc,
            actor=request.user,
            skills=None if same_skills else skills,
            **changes,
        )
        if version.pk != latest.pk:
            messages.success(
                request,
                f"Saved as version {version.number}, a draft. Version {latest.number} stays "
                "published until you publish this one.",
            )
        else:
            messages.success(request, f"Saved version {version.number} (draft).")
    if image is not None:
        services.micro_credential_image_set(micro_credential=mc, actor=request.user, file=image)
    return mc


def _editor(request: HttpRequest, org: Organization, mc: MicroCredential | None) -> HttpResponse:
    latest = selectors.latest_version(micro_credential=mc) if mc is not None else None
    skills = selectors.skills_available(organization=org).order_by("framework", "label")
    definition = latest.performance_test if latest is not None else None
    status = 200
    if request.method == "POST":
        form = MicroCredentialForm(request.POST, request.FILES, skills=skills, creating=mc is None)
        formset = StepFormSet(request.POST, prefix="steps")
        rule_form = RuleForm(request.POST, prefix="rule")
        action = request.POST.get("step_action", "")
        if action:
            steps = apply_step_action(raw_steps(formset), action)
            formset = StepFormSet(initial=steps, prefix="steps")
            _quiet(form), _quiet(rule_form)
            if request.headers.get("HX-Request"):
                context = {"org": org, "formset": formset, "rule_form": rule_form}
                return render(request, "catalog/_steps.html", context)
        else:
            form_ok = form.is_valid()
            steps_ok = all([formset.is_valid(), rule_form.is_valid()])
            # The steps are checked even when a field above is wrong: every error shows at once.
            new_definition = build_definition(formset, rule_form) if steps_ok else {}
            steps_ok = steps_ok and check_definition(new_definition, formset, rule_form)
            if form_ok and steps_ok:
                try:
                    with transaction.atomic():
                        saved = _save(request, org, mc, form.cleaned_data, new_definition)
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    assert saved is not None
                    return redirect("catalog:mc_edit", org_slug=org.slug, mc_slug=saved.slug)
            status = 400
    else:
        form = MicroCredentialForm(
            initial=_initial(latest) if latest else {"achievement_type": "MicroCredential"},
            skills=skills,
            creating=mc is None,
        )
        steps = (
            initial_steps(definition)
            if latest
            else [{"key": "", "kind": "check", "title": "", "critical": True}]
        )
        formset = StepFormSet(initial=steps, prefix="steps")
        rule_form = RuleForm(initial=initial_rule(definition), prefix="rule")
    context = {
        "org": org,
        "mc": mc,
        "latest": latest,
        "form": form,
        "formset": formset,
        "rule_form": rule_form,
        "has_errors": status == 400,
    }
    return render(request, "catalog/mc_form.html", context, status=status)


@requires("catalog.microcredential.edit", org_kwarg="org_slug")
def mc_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _editor(request, _org(request), None)


@requires("catalog.microcredential.edit", org_kwarg="org_slug")
def mc_edit(request: HttpRequest, org_slug: str, mc_slug: str) -> HttpResponse:
    org = _org(request)
    return _editor(request, org, _mc(org, mc_slug))


@requires("catalog.microcredential.edit", org_kwarg="org_slug")
def mc_history(request: HttpRequest, org_slug: str, mc_slug: str) -> HttpResponse:
    org = _org(request)
    mc = _mc(org, mc_slug)
    history = selectors.version_history(micro_credential=mc)
    return render(request, "catalog/mc_history.html", {"org": org, "mc": mc, "history": history})


@requires("catalog.microcredential.publish", org_kwarg="org_slug")
@require_POST
def mc_publish(request: HttpRequest, org_slug: str, mc_slug: str) -> HttpResponse:
    org = _org(request)
    mc = _mc(org, mc_slug)
    try:
        version = services.micro_credential_publish(micro_credential=mc, actor=request.user)
    except ValidationError as exc:
        messages.error(request, "Not published: " + " ".join(exc.messages))
    else:
        messages.success(
            request, f"Version {version.number} is published and listed in the public catalog."
        )
    return redirect("catalog:mc_edit", org_slug=org.slug, mc_slug=mc.slug)


@requires("catalog.microcredential.publish", org_kwarg="org_slug")
@require_POST
def mc_retire(request: HttpRequest, org_slug: str, mc_slug: str) -> HttpResponse:
    org = _org(request)
    mc = _mc(org, mc_slug)
    try:
        services.micro_credential_retire(micro_credential=mc, actor=request.user)
    except ValidationError as exc:
        messages.error(request, "Not retired: " + " ".join(exc.messages))
    else:
        messages.success(
            request,
            "Retired: no new assessments; credentials already earned stay valid.",
        )
    return redirect("catalog:mc_edit", org_slug=org.slug, mc_slug=mc.slug)
