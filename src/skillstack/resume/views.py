"""The learner's resume composer under /me/resume/: their words, their choices, the link.

Every page acts on the signed-in learner's own resume only; an experience entry of anyone
else's resume answers 404 exactly like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from skillstack.core.access import requires
from skillstack.resume import selectors, services
from skillstack.resume.forms import ChoiceForm, ExperienceForm, ProfileForm, PublishForm
from skillstack.resume.models import Experience, Resume
from skillstack.resume.pages import pdf_response, presentation_response, public_context


def _resume(request: HttpRequest) -> Resume:
    return services.resume_ensure(owner=request.user)


def _apply_errors(form: Form, exc: ValidationError) -> None:
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _compose(request: HttpRequest, resume: Resume, status: int = 200, **forms: Any) -> HttpResponse:
    composer = selectors.resume_composer(resume=resume)
    live = selectors.resume_is_live(resume=resume)
    chosen = [c.holding.ref for c in composer.credentials if c.chosen]
    hidden = set(resume.hidden_skill_ids)
    context = {
        "resume": resume,
        "composer": composer,
        "live": live,
        "live_url": request.build_absolute_uri(
            reverse("resume:public", kwargs={"resume_token": resume.public_token})
        )
        if live
        else "",
        "expired": bool(resume.public_token) and not live,
        "profile_form": forms.get("profile_form")
        or ProfileForm(
            initial={
                "headline": resume.headline,
                "summary": resume.summary,
                "allow_indexing": resume.allow_indexing,
            }
        ),
        "choice_form": forms.get("choice_form")
        or ChoiceForm(
            composer=composer,
            initial={
                "credentials": chosen,
                "shown_skills": [s.skill_id for s in composer.skills if s.skill_id not in hidden],
            },
        ),
        "experience_form": forms.get("experience_form") or ExperienceForm(),
        "publish_form": forms.get("publish_form")
        or PublishForm(initial={"expires_on": resume.expires_at}),
    }
    return render(request, "resume/compose.html", context, status=status)


@requires("resume.resume.view")
def compose(request: HttpRequest) -> HttpResponse:
    return _compose(request, _resume(request))


@requires("resume.resume.update")
@require_POST
def profile(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    form = ProfileForm(request.POST)
    if form.is_valid():
        try:
            services.resume_profile_update(resume=resume, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Your summary is saved.")
            return redirect("resume:compose")
    return _compose(request, resume, status=400, profile_form=form)


@requires("resume.resume.update")
@require_POST
def choose(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    form = ChoiceForm(request.POST, composer=selectors.resume_composer(resume=resume))
    if form.is_valid():
        try:
            services.resume_credentials_choose(
                resume=resume,
                actor=request.user,
                refs=form.cleaned_data["credentials"],
                hidden_skill_ids=form.hidden_skill_ids(),
                share=form.cleaned_data["share"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Your choice of credentials and skills is saved.")
            return redirect("resume:compose")
    return _compose(request, resume, status=400, choice_form=form)


@requires("resume.resume.update")
@require_POST
def experience_add(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    form = ExperienceForm(request.POST)
    if form.is_valid():
        try:
            services.experience_add(resume=resume, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "The entry is added to your resume.")
            return redirect("resume:compose")
    return _compose(request, resume, status=400, experience_form=form)


def _own_experience(request: HttpRequest, experience_pk: int) -> Experience:
    resume = selectors.resume_of(user=request.user)
    experience = selectors.experience_of(resume=resume, pk=experience_pk) if resume else None
    if experience is None:
        raise Http404("No such entry on your resume")
    return experience


@requires("resume.resume.update")
def experience_edit(request: HttpRequest, experience_pk: int) -> HttpResponse:
    experience = _own_experience(request, experience_pk)
    status = 200
    if request.method == "POST":
        form = ExperienceForm(request.POST)
        if form.is_valid():
            try:
                services.experience_update(
                    experience=experience, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, "The entry is saved.")
                return redirect("resume:compose")
        status = 400
    else:
        form = ExperienceForm(
            initial={
                f: getattr(experience, f)
                for f in ("role", "organisation", "start_date", "end_date", "description", "shown")
            }
        )
    context = {"form": form, "experience": experience}
    return render(request, "resume/experience_edit.html", context, status=status)


@requires("resume.resume.update")
@require_POST
def experience_delete(request: HttpRequest, experience_pk: int) -> HttpResponse:
    experience = _own_experience(request, experience_pk)
    services.experience_delete(experience=experience, actor=request.user)
    messages.success(request, "The entry is removed from your resume.")
    return redirect("resume:compose")


@requires("resume.resume.update")
@require_POST
def publish(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            services.resume_publish(resume=resume, actor=request.user, expires_at=form.expires_at())
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Your resume is published: anyone with the link can see it.")
            return redirect("resume:compose")
    return _compose(request, resume, status=400, publish_form=form)


@requires("resume.resume.update")
@require_POST
def revoke(request: HttpRequest) -> HttpResponse:
    services.resume_unpublish(resume=_resume(request), actor=request.user)
    messages.success(request, "The link is turned off for good: it no longer opens anything.")
    return redirect("resume:compose")


@requires("resume.resume.view")
def preview(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    view = selectors.resume_view(resume=resume)
    context = public_context(request, view)
    context["preview"] = True
    response = render(request, "resume/public.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@requires("resume.resume.view")
def pdf(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    return pdf_response(request, selectors.resume_view(resume=resume))


@requires("resume.resume.view")
def presentation(request: HttpRequest) -> HttpResponse:
    resume = _resume(request)
    return presentation_response(selectors.resume_view(resume=resume))
