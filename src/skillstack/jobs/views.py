"""Openings pages of an employer (or of the alliance, for any employer) under
/orgs/<slug>/openings/: list, new, edit, detail, publish and close, skill suggestions and search.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.catalog import taxonomy_selectors
from skillstack.core.access import requires
from skillstack.jobs import selectors, services
from skillstack.jobs.forms import OpeningForm, SkillRow, initial_of, posted_skills, rows_of
from skillstack.jobs.models import Opening, OpeningStatus
from skillstack.jobs.suggestions import suggest_skills

SEARCH_LIMIT = 20


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _opening(request: HttpRequest, opening_pk: Any) -> Opening:
    opening = selectors.opening_for_employer(organization=_org(request), pk=opening_pk)
    if opening is None:
        raise Http404("No such opening here")
    return opening


def _employers(org: Organization) -> Any:
    return selectors.employers_all() if selectors.acts_for_every_employer(org) else None


def optional_url(name: str, *args: Any) -> str:
    """A link to another app's page, if that app has built it yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    status = request.GET.get("status", "")
    status = status if status in OpeningStatus.values else ""
    context = {
        "org": org,
        "openings": selectors.openings_of(organization=org, status=status)[:300],
        "status": status,
        "statuses": OpeningStatus.choices,
        "for_every_employer": selectors.acts_for_every_employer(org),
    }
    return render(request, "jobs/opening_list.html", context)


def _form_page(
    request: HttpRequest, org: Organization, opening: Opening | None
) -> tuple[OpeningForm, list[SkillRow], HttpResponse | None]:
    """Parse and save the opening form; the response is a redirect once it is saved."""
    employers = _employers(org) if opening is None else None
    if request.method != "POST":
        initial = initial_of(opening) if opening else {}
        rows = rows_of(opening) if opening else []
        return OpeningForm(initial=initial, employers=employers), rows, None
    form = OpeningForm(request.POST, employers=employers)
    asks, rows, skill_error = posted_skills(request.POST)
    if not form.is_valid() or skill_error:
        if skill_error:
            form.add_error(None, skill_error)
        return form, rows, None
    try:
        if opening is None:
            fields = form.opening_fields()
            opening = services.opening_create(
                organization=org,
                actor=request.user,
                employer=form.cleaned_data.get("employer"),
                skills=asks,
                **fields,
            )
            messages.success(request, f"Saved the draft “{opening.title}”.")
        else:
            services.opening_update(
                opening=opening, actor=request.user, skills=asks, **form.opening_fields()
            )
            messages.success(request, f"Saved “{opening.title}”.")
    except ValidationError as exc:
        add_service_errors(form, exc)
        if "skills" in getattr(exc, "message_dict", {}):
            form.add_error(None, exc.message_dict["skills"])
        return form, rows, None
    return form, rows, redirect("jobs:opening_detail", org_slug=org.slug, opening_pk=opening.pk)


@requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form, rows, done = _form_page(request, org, None)
    if done is not None:
        return done
    context = {"org": org, "form": form, "rows": rows, "opening": None}
    return render(request, "jobs/opening_form.html", context, status=400 if form.errors else 200)


@requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_edit(request: HttpRequest, org_slug: str, opening_pk: str) -> HttpResponse:
    org = _org(request)
    opening = _opening(request, opening_pk)
    form, rows, done = _form_page(request, org, opening)
    if done is not None:
        return done
    context = {"org": org, "form": form, "rows": rows, "opening": opening}
    return render(request, "jobs/opening_form.html", context, status=400 if form.errors else 200)


@requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_detail(request: HttpRequest, org_slug: str, opening_pk: str) -> HttpResponse:
    org = _org(request)
    opening = _opening(request, opening_pk)
    asks = selectors.opening_skill_asks(opening=opening)
    provers = taxonomy_selectors.provers_of_skills(skill_ids={a.skill_id for a in asks})
    context = {
        "org": org,
        "opening": opening,
        "asks": [(a, provers.get(a.skill_id, [])) for a in asks],
        "matches_url": optional_url("matching:opening_matches", org.slug, opening.pk),
        "board_url": reverse("jobs:board_detail", args=[opening.pk])
        if opening.status == OpeningStatus.OPEN
        else "",
    }
    return render(request, "jobs/opening_detail.html", context)


def _state_change(request: HttpRequest, opening_pk: str, change: Any, done: str) -> HttpResponse:
    org = _org(request)
    opening = _opening(request, opening_pk)
    try:
        change(opening=opening, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done.format(title=opening.title))
    return redirect("jobs:opening_detail", org_slug=org.slug, opening_pk=opening.pk)


@requires("jobs.opening.publish", org_kwarg="org_slug")
@require_POST
def opening_publish(request: HttpRequest, org_slug: str, opening_pk: str) -> HttpResponse:
    return _state_change(
        request, opening_pk, services.opening_publish, "“{title}” is on the job board."
    )


@requires("jobs.opening.publish", org_kwarg="org_slug")
@require_POST
def opening_close(request: HttpRequest, org_slug: str, opening_pk: str) -> HttpResponse:
    return _state_change(
        request, opening_pk, services.opening_close, "“{title}” is closed and off the board."
    )


def _chosen_ids(request: HttpRequest) -> set[int]:
    chosen = set()
    for raw in request.POST.getlist("skill")[:100] + request.GET.getlist("skill")[:100]:
        if raw.isdigit() and len(raw) < 19:
            chosen.add(int(raw))
    return chosen


@requires("jobs.opening.manage", org_kwarg="org_slug")
@require_POST
def skill_suggest(request: HttpRequest, org_slug: str) -> HttpResponse:
    """htmx: skills the pasted description mentions, unticked, for the recruiter to confirm."""
    text = request.POST.get("description", "")
    suggestions = suggest_skills(text=text, exclude=_chosen_ids(request))
    rows = [
        SkillRow(
            skill_id=s.skill_id,
            label=s.label,
            framework=s.framework,
            checked=False,
            note=s.explanation,
        )
        for s in suggestions
    ]
    context = {"rows": rows, "text_given": bool(text.strip()), "kind": "suggestions"}
    return render(request, "jobs/_skill_rows.html", context)


@requires("jobs.opening.manage", org_kwarg="org_slug")
def skill_search(request: HttpRequest, org_slug: str) -> HttpResponse:
    """htmx: skills whose name contains the query, to add by hand."""
    query = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    rows: list[SkillRow] = []
    if len(query) >= 2:
        chosen = _chosen_ids(request)
        found = taxonomy_selectors.skills_search_by_name(query=query, limit=SEARCH_LIMIT)
        rows = [
            SkillRow(
                skill_id=skill.pk,
                label=skill.label,
                framework=skill.framework,
                checked=False,
                note=f"{skill.get_framework_display()}"
                + (f" · {skill.organization.name}" if skill.organization else ""),
            )
            for skill in found
            if skill.pk not in chosen
        ]
    context = {"rows": rows, "text_given": len(query) >= 2, "kind": "search"}
    return render(request, "jobs/_skill_rows.html", context)
