"""Skill pages of an issuer: list and search, add and edit own skills, import a CSV."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.catalog import selectors, skill_services
from skillstack.catalog.forms import SkillForm, SkillImportForm, SkillSearchForm
from skillstack.catalog.models import Framework, Skill
from skillstack.core.access import requires


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _own_skills(org: Organization, exclude: int | None = None) -> QuerySet[Skill]:
    skills = Skill.objects.filter(organization=org, framework=Framework.OWN).order_by("label")
    return skills.exclude(pk=exclude) if exclude is not None else skills


@requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    search = SkillSearchForm(request.GET)
    query, framework = "", ""
    if search.is_valid():
        query, framework = search.cleaned_data["q"], search.cleaned_data["framework"]
    skills = selectors.skills_search(organization=org, query=query, framework=framework)
    return render(
        request,
        "catalog/skill_list.html",
        {"org": org, "search": search, "skills": skills[:500], "query": query},
    )


@requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = SkillForm(
        request.POST if request.method == "POST" else None, own_skills=_own_skills(org)
    )
    if request.method == "POST" and form.is_valid():
        try:
            skill = skill_services.skill_create(
                organization=org, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Added the skill “{skill.label}”.")
            return redirect("catalog:skills", org_slug=org.slug)
    return render(
        request,
        "catalog/skill_form.html",
        {"org": org, "form": form, "skill": None},
        status=400 if form.errors else 200,
    )


@requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_edit(request: HttpRequest, org_slug: str, skill_id: int) -> HttpResponse:
    org = _org(request)
    skill = selectors.skill_of(organization=org, skill_id=skill_id)
    if skill is None:
        raise Http404("No such skill of this issuer")
    fields = ("code", "label", "uri", "description", "broader")
    form = SkillForm(
        request.POST if request.method == "POST" else None,
        initial={name: getattr(skill, name) for name in fields},
        own_skills=_own_skills(org, exclude=skill.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            skill_services.skill_update(skill=skill, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Saved the skill “{skill.label}”.")
            return redirect("catalog:skills", org_slug=org.slug)
    return render(
        request,
        "catalog/skill_form.html",
        {"org": org, "form": form, "skill": skill},
        status=400 if form.errors else 200,
    )


@requires("catalog.skill.manage", org_kwarg="org_slug")
def skill_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Upload a CSV; "Check only" is a dry run that shows what an import would do."""
    org = _org(request)
    form = SkillImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        dry_run = request.POST.get("mode") != "import"
        try:
            report = skill_services.skills_import_csv(
                organization=org,
                file=form.cleaned_data["file"],
                actor=request.user,
                dry_run=dry_run,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        if report is not None and report.applied:
            messages.success(request, report.summary())
            return redirect("catalog:skills", org_slug=org.slug)
    status = 400 if form.errors or (report is not None and not report.ok) else 200
    return render(
        request,
        "catalog/skill_import.html",
        {"org": org, "form": form, "report": report},
        status=status,
    )
