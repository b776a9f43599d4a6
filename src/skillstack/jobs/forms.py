"""Forms of the openings pages: they parse input; the rules live in services.

Skills travel as checkboxes named ``skill`` (the skill's id) with, per skill, a select
``kind_<id>`` (required or preferred) and ``level_<id>`` (the minimum proficiency); the same
rows serve the opening's current skills, the suggestions and the search results, so a
recruiter confirms a suggestion simply by ticking it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import QueryDict

from skillstack.accounts.models import Organization
from skillstack.catalog import taxonomy_selectors
from skillstack.catalog.proficiency import Proficiency
from skillstack.jobs.models import (
    DegreeRequirement,
    OccupationScheme,
    Opening,
    RemoteOption,
    Shift,
)
from skillstack.jobs.services import EDITABLE, MAX_SKILLS, SkillAsk


class OpeningForm(forms.Form):
    employer: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        label="Employer",
        queryset=Organization.objects.none(),
        required=False,
        help_text="The alliance posts on behalf of this employer.",
    )
    title = forms.CharField(label="Job title", max_length=200)
    description = forms.CharField(
        label="Description",
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Paste the posting: skills it mentions are suggested below for you to confirm.",
    )
    occupation_scheme = forms.ChoiceField(
        label="Occupation taxonomy", choices=OccupationScheme.choices, initial="onet"
    )
    occupation_code = forms.CharField(
        label="Occupation code",
        max_length=40,
        required=False,
        help_text="O*NET-SOC such as 19-4021.00, or an ESCO code such as 3141.1.",
    )
    location = forms.CharField(label="Location", max_length=200, required=False)
    remote = forms.ChoiceField(label="Where the work happens", choices=RemoteOption.choices)
    shift = forms.ChoiceField(label="Shift", choices=Shift.choices)
    wage_min = forms.DecimalField(
        label="Lowest wage", required=False, min_value=0, max_digits=9, decimal_places=2
    )
    wage_max = forms.DecimalField(
        label="Highest wage", required=False, min_value=0, max_digits=9, decimal_places=2
    )
    wage_unit = forms.ChoiceField(
        label="Wage per", choices=[("hour", "Hour"), ("year", "Year")], initial="hour"
    )
    positions = forms.IntegerField(label="Positions", min_value=1, max_value=10_000, initial=1)
    degree_requirement = forms.ChoiceField(
        label="Degree", choices=DegreeRequirement.choices, initial=DegreeRequirement.NONE
    )
    closing_date = forms.DateField(
        label="Closing date", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    relax_required = forms.BooleanField(
        label="Also rank candidates who miss a required skill (they are flagged)", required=False
    )

    def __init__(self, *args: Any, employers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if employers is None:
            del self.fields["employer"]
        else:
            self.fields["employer"].queryset = employers  # type: ignore[attr-defined]
            self.fields["employer"].required = True
        self.fields["description"].widget.attrs.update(
            {"aria-describedby": "id_description_helptext suggestions-heading"}
        )

    def opening_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in EDITABLE if name in self.cleaned_data}


def initial_of(opening: Opening) -> dict[str, Any]:
    return {name: getattr(opening, name) for name in EDITABLE}


class SkillRow:
    """One row of the skills table: a skill, whether it is ticked, its kind and minimum."""

    def __init__(
        self,
        *,
        skill_id: int,
        label: str,
        framework: str,
        checked: bool,
        required: bool = True,
        min_level: int = Proficiency.FOUNDATIONAL,
        note: str = "",
    ) -> None:
        self.skill_id = skill_id
        self.label = label
        self.framework = framework
        self.checked = checked
        self.required = required
        self.min_level = min_level
        self.note = note

    levels = Proficiency.choices


def posted_skills(data: QueryDict) -> tuple[list[SkillAsk], list[SkillRow], str]:
    """The ticked skills of a posted form, the rows to show again, and an error (or "")."""
    ids: list[int] = []
    for raw in data.getlist("skill")[: MAX_SKILLS + 1]:
        try:
            ids.append(int(raw))
        except ValueError:
            return [], [], "A chosen skill is not valid; choose it again."
    found = taxonomy_selectors.skills_by_ids(ids=ids)
    if len(found) != len(set(ids)):
        return [], [], "A chosen skill no longer exists; choose it again."
    asks, rows = [], []
    for pk in dict.fromkeys(ids):
        skill = found[pk]
        required = data.get(f"kind_{pk}", "required") != "preferred"
        try:
            level = int(data.get(f"level_{pk}", "1"))
        except ValueError:
            level = 0
        if level not in Proficiency.values:
            return [], [], f"Choose a minimum level for “{skill.label}”."
        asks.append(SkillAsk(skill, required, level))
        rows.append(
            SkillRow(
                skill_id=pk,
                label=skill.label,
                framework=skill.framework,
                checked=True,
                required=required,
                min_level=level,
            )
        )
    return asks, rows, ""


def rows_of(opening: Opening) -> list[SkillRow]:
    return [
        SkillRow(
            skill_id=s.skill_id,
            label=s.skill.label,
            framework=s.skill.framework,
            checked=True,
            required=s.required,
            min_level=s.min_level,
        )
        for s in opening.skills.all()
    ]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text=(
            "A CSV (id, title, description, …) or schema.org JobPosting JSON-LD (one posting, a "
            "list or an @graph; also an HTML page embedding them). UTF-8, at most 2 MB."
        ),
    )
