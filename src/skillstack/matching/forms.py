"""The learner's job preferences page: whom they let find them, and what work they want."""

from __future__ import annotations

from typing import Any

from django import forms

from skillstack.catalog.proficiency import Proficiency
from skillstack.jobs.models import Shift
from skillstack.matching.models import DiscoveryScope, WageUnit
from skillstack.matching.selectors import employers_to_choose


class CandidateSettingsForm(forms.Form):
    discoverable_to = forms.ChoiceField(
        label="Who may find me",
        choices=DiscoveryScope.choices,
        widget=forms.RadioSelect,
        initial=DiscoveryScope.NONE,
    )
    employers = forms.ModelMultipleChoiceField(
        label="The employers I choose",
        queryset=employers_to_choose(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only used when you choose 'Only the employers I choose'.",
    )
    locations = forms.CharField(
        label="Places I can work",
        required=False,
        max_length=1000,
        help_text="Towns or cities separated by commas, e.g. Boston, Worcester. Empty: anywhere.",
    )
    remote_ok = forms.BooleanField(label="Remote work suits me", required=False, initial=True)
    shifts = forms.MultipleChoiceField(
        label="Shifts I can work",
        choices=Shift.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: any shift.",
    )
    wage_floor = forms.DecimalField(
        label="Lowest pay I accept",
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
    )
    wage_unit = forms.ChoiceField(label="Pay is", choices=WageUnit.choices, initial="hour")
    earliest_start = forms.DateField(
        label="Earliest start date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("discoverable_to") == DiscoveryScope.CHOSEN and not data.get("employers"):
            self.add_error("employers", "Tick at least one employer, or choose all or none.")
        return data

    def preferences(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "locations": [p for p in (data.get("locations") or "").split(",") if p.strip()],
            "remote_ok": bool(data.get("remote_ok")),
            "shifts": list(data.get("shifts") or []),
            "wage_floor": data.get("wage_floor"),
            "wage_unit": data.get("wage_unit") or "hour",
            "earliest_start": data.get("earliest_start"),
        }


class DeclaredSkillForm(forms.Form):
    skill = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    level = forms.TypedChoiceField(
        label="My level", choices=Proficiency.choices, coerce=int, initial=1
    )
