"""The alliance's skill equivalences: declare that two skills mean the same, or take it back."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts import selectors as accounts_selectors
from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.catalog import equivalences, taxonomy_selectors
from skillstack.catalog.models import Skill
from skillstack.core.access import requires
from skillstack.jobs.importing_skills import SkillResolver


class EquivalenceForm(forms.Form):
    skill_a = forms.CharField(
        label="Skill", max_length=200, help_text="Its name, or framework:code (esco:…, onet:…)."
    )
    skill_b = forms.CharField(label="means the same as", max_length=200)
    note = forms.CharField(
        label="Why", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def skill(self, name: str, resolver: SkillResolver) -> Skill | None:
        skill_id, _ = resolver.find(self.cleaned_data[name])
        if skill_id is None:
            self.add_error(name, "No skill has this name or code.")
            return None
        return taxonomy_selectors.skill_by_pk(pk=skill_id)


def coalition_of(user: object) -> Organization | None:
    return accounts_selectors.organizations_of(user=user).filter(kind=OrgKind.COALITION).first()


@requires("jobs.equivalence.manage")
def equivalence_list(request: HttpRequest) -> HttpResponse:
    form = EquivalenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resolver = SkillResolver()
        skill_a, skill_b = form.skill("skill_a", resolver), form.skill("skill_b", resolver)
        coalition = coalition_of(request.user)
        if skill_a and skill_b and coalition is not None:
            try:
                equivalences.equivalence_declare(
                    organization=coalition,
                    actor=request.user,
                    skill_a=skill_a,
                    skill_b=skill_b,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                errors = exc.message_dict
                errors["skill_b"] = errors.pop("skill_b_id", [])
                add_service_errors(form, ValidationError({k: v for k, v in errors.items() if v}))
            else:
                messages.success(request, f"“{skill_a}” and “{skill_b}” now count as one.")
                return redirect("jobs:equivalences")
    context = {"form": form, "equivalences": taxonomy_selectors.equivalences()[:500]}
    status = 400 if form.errors else 200
    return render(request, "jobs/equivalences.html", context, status=status)


@requires("jobs.equivalence.manage")
@require_POST
def equivalence_remove(request: HttpRequest, equivalence_pk: str) -> HttpResponse:
    equivalence = taxonomy_selectors.equivalence_by_pk(pk=equivalence_pk)
    if equivalence is None:
        raise Http404("No such equivalence")
    equivalences.equivalence_remove(equivalence=equivalence, actor=request.user)
    messages.success(request, f"“{equivalence.skill_a}” and “{equivalence.skill_b}” are apart.")
    return redirect("jobs:equivalences")
