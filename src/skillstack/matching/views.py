"""Pages of matching: the learner's preferences, skills and jobs under /me/, and an opening's
explained candidates under /orgs/<slug>/openings/<pk>/matches/.

Openings are looked up among those the organization of the path manages and candidates among
those who let the opening's employer find them; anything else answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from skillstack.catalog.taxonomy_selectors import skills_for_openings
from skillstack.core.access import requires
from skillstack.jobs.models import Opening
from skillstack.jobs.selectors import opening_for_employer, opening_public
from skillstack.matching import matches, selectors, services
from skillstack.matching.forms import CandidateSettingsForm, DeclaredSkillForm
from skillstack.matching.models import CONSENT_WORDING, CONSENT_WORDING_VERSION
from skillstack.wallet.selectors import wallet_credential

SEARCH_RESULTS = 20


def _initial(user: Any) -> dict[str, Any]:
    consent = selectors.consent_of(candidate=user)
    prefs = selectors.job_preferences_of(candidate=user)
    return {
        "discoverable_to": consent.scope,
        "employers": list(consent.employers),
        "locations": ", ".join(prefs.locations),
        "remote_ok": prefs.remote_ok,
        "shifts": list(prefs.shifts),
        "wage_floor": prefs.wage_floor,
        "wage_unit": prefs.wage_unit,
        "earliest_start": prefs.earliest_start,
    }


@requires("matching.preferences.view")
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _preferences_save(request)
    form = CandidateSettingsForm(initial=_initial(request.user))
    return _preferences_page(request, form)


def _preferences_page(request: HttpRequest, form: CandidateSettingsForm) -> HttpResponse:
    return render(
        request,
        "matching/preferences.html",
        {
            "form": form,
            "consent": selectors.consent_of(candidate=request.user),
            "history": selectors.consent_history(candidate=request.user)[:50],
            "wording": CONSENT_WORDING,
            "wording_version": CONSENT_WORDING_VERSION,
        },
    )


@requires("matching.preferences.update")
def _preferences_save(request: HttpRequest) -> HttpResponse:
    form = CandidateSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.candidate_settings_save(
                candidate=request.user,
                actor=request.user,
                scope=form.cleaned_data["discoverable_to"],
                employers=list(form.cleaned_data.get("employers") or []),
                preferences=form.preferences(),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, "Saved. Employers see the change at once.")
            return redirect("matching:preferences")
    return _preferences_page(request, form)


@requires("matching.skills.manage")
def skills(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = DeclaredSkillForm(request.POST)
        skill = None
        if form.is_valid():
            skill = skills_for_openings().filter(pk=form.cleaned_data["skill"]).first()
        if skill is None:
            messages.error(request, "Choose a skill from the search results.")
        else:
            services.declared_skill_add(
                candidate=request.user,
                skill=skill,
                level=form.cleaned_data["level"],
                actor=request.user,
            )
            messages.success(request, f"Added “{skill.label}” as self-declared.")
        return redirect("matching:skills")
    query = (request.GET.get("q") or "").strip()[:100]
    found = []
    if query:
        found = list(skills_for_openings().filter(label__icontains=query)[:SEARCH_RESULTS])
    return render(
        request,
        "matching/skills.html",
        {
            "verified": selectors.verified_skills_of(candidate=request.user),
            "declared": selectors.declared_skills_of(candidate=request.user),
            "query": query,
            "found": found,
            "level_form": DeclaredSkillForm(),
        },
    )


@requires("matching.skills.manage")
@require_POST
def declared_skill_remove(request: HttpRequest, declared_skill_pk: int) -> HttpResponse:
    row = selectors.declared_skill_of(candidate=request.user, pk=declared_skill_pk)
    if row is None:
        raise Http404("No such self-declared skill of yours")
    services.declared_skill_remove(declared=row, actor=request.user)
    messages.success(request, "Removed.")
    return redirect("matching:skills")


@requires("matching.jobs.view")
def jobs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "matching/jobs.html",
        {
            "matches": matches.candidate_openings(candidate=request.user),
            "near": matches.candidate_openings(candidate=request.user, one_skill_away=True),
            "consent": selectors.consent_of(candidate=request.user),
            "has_skills": bool(selectors.verified_skills_of(candidate=request.user)),
        },
    )


@requires("matching.jobs.view")
def job(request: HttpRequest, opening_pk: int) -> HttpResponse:
    opening = opening_public(pk=opening_pk)
    if opening is None:
        raise Http404("No such open opening")
    explanation = matches.opening_for_candidate(candidate=request.user, opening=opening)
    return render(request, "matching/job.html", {"opening": opening, "explanation": explanation})


def _opening(request: HttpRequest, opening_pk: int) -> Opening:
    opening = opening_for_employer(organization=request.organization, pk=opening_pk)  # type: ignore[attr-defined]
    if opening is None:
        raise Http404("No such opening here")
    return opening


@requires("matching.candidates.view", org_kwarg="org_slug")
def opening_matches(request: HttpRequest, org_slug: str, opening_pk: int) -> HttpResponse:
    opening = _opening(request, opening_pk)
    return render(
        request,
        "matching/opening_matches.html",
        {
            "organization": request.organization,  # type: ignore[attr-defined]
            "opening": opening,
            "matches": matches.opening_matches(opening=opening),
        },
    )


def _share_links(match: matches.CandidateMatch) -> dict[int, str]:
    """Credentials the candidate shared by link, so a recruiter can check them themself."""
    links = {}
    for line in match.explanation.lines:
        proof = line.proof
        if proof is None or proof.source != "platform":
            continue
        credential = wallet_credential(user=match.candidate, pk=proof.credential_pk)
        if credential is not None and credential.share_enabled:
            links[line.skill_id] = reverse("wallet:share", args=[credential.share_token])
    return links


@requires("matching.candidates.view", org_kwarg="org_slug")
def opening_candidate(
    request: HttpRequest, org_slug: str, opening_pk: int, match_candidate_pk: int
) -> HttpResponse:
    opening = _opening(request, opening_pk)
    match = matches.candidate_for_opening(opening=opening, candidate_pk=match_candidate_pk)
    if match is None:
        raise Http404("No such candidate for this employer")
    return render(
        request,
        "matching/opening_candidate.html",
        {
            "organization": request.organization,  # type: ignore[attr-defined]
            "opening": opening,
            "match": match,
            "declared": selectors.declared_skills_of(candidate=match.candidate),
            "share_links": _share_links(match),
        },
    )
