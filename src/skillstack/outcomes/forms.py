"""Forms of the outcomes app (validation of meaning lives in the services)."""

from __future__ import annotations

from typing import Any

from django import forms

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.catalog.models import MicroCredential
from skillstack.outcomes.demographics import (
    DIMENSIONS,
    AgeBand,
    Ethnicity,
    PriorDegree,
    Race,
    Sex,
    YesNo,
)

NOT_ANSWERED = [("", "Not answered")]


def _choice(label: str, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=NOT_ANSWERED + list(choices.choices), required=False
    )


class DemographicsForm(forms.Form):
    ethnicity = _choice("Are you Hispanic or Latino?", Ethnicity)
    races = forms.MultipleChoiceField(
        label="Race (choose all that apply, or none)",
        choices=Race.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sex = _choice("Sex", Sex)
    age_band = _choice("Age", AgeBand)
    veteran = _choice("Have you served in the U.S. armed forces (a veteran)?", YesNo)
    disability = _choice("Do you have a disability?", YesNo)
    first_generation = _choice(
        "Are you the first in your family to go to college (first generation)?", YesNo
    )
    prior_degree = _choice("Highest college degree you hold", PriorDegree)


class ProgramForm(forms.Form):
    name = forms.CharField(label="Program name", max_length=200)
    provider = forms.ModelChoiceField(
        label="Training provider", queryset=Organization.objects.filter(kind=OrgKind.ISSUER)
    )
    micro_credentials = forms.ModelMultipleChoiceField(
        label="Micro-credentials the program covers",
        queryset=MicroCredential.objects.filter(status="published").select_related("issuer"),
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(label="Funding starts", widget=forms.DateInput({"type": "date"}))
    ends_on = forms.DateField(label="Funding ends", widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["micro_credentials"]
        field.label_from_instance = lambda mc: (  # type: ignore[attr-defined]
            f"{mc.versions.first().name if mc.versions.exists() else mc.slug} ({mc.issuer.name})"
        )


class CohortForm(forms.Form):
    name = forms.CharField(label="Cohort name", max_length=100)
    starts_on = forms.DateField(label="Starts", widget=forms.DateInput({"type": "date"}))
    ends_on = forms.DateField(label="Ends", widget=forms.DateInput({"type": "date"}))


class ReportFilterForm(forms.Form):
    cohort = forms.TypedChoiceField(label="Cohort", required=False, coerce=int, empty_value=None)
    dimension = forms.ChoiceField(
        label="Break down by (consented answers only)",
        required=False,
        choices=[("", "No breakdown")] + [(k, v[0]) for k, v in DIMENSIONS.items()],
    )
    as_of = forms.DateField(
        label="Report date", required=False, widget=forms.DateInput({"type": "date"})
    )

    def __init__(self, *args: Any, cohorts: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["cohort"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "All cohorts")] + [
            (c.pk, f"{c.name} ({c.starts_on:%b %Y})") for c in cohorts
        ]


class BaselineForm(forms.Form):
    retention_90 = forms.DecimalField(
        label="Retention at 90 days (%)", required=False, min_value=0, max_value=100
    )
    retention_180 = forms.DecimalField(
        label="Retention at 180 days (%)", required=False, min_value=0, max_value=100
    )
    retention_365 = forms.DecimalField(
        label="Retention at 365 days (%)", required=False, min_value=0, max_value=100
    )
    time_to_fill_days = forms.IntegerField(
        label="Time to fill (days from posting to start)", required=False, min_value=0
    )
    no_degree_share = forms.DecimalField(
        label="Share of hires without a degree (%)", required=False, min_value=0, max_value=100
    )


class GapFilterForm(forms.Form):
    location = forms.CharField(label="Region (location contains)", required=False, max_length=100)
    occupation = forms.CharField(
        label="Occupation code (starts with)", required=False, max_length=40
    )
    months = forms.TypedChoiceField(
        label="Openings of the last",
        choices=[(3, "3 months"), (6, "6 months"), (12, "12 months"), (24, "24 months")],
        coerce=int,
        required=False,
        empty_value=12,  # type: ignore[arg-type]
    )
