"""Forms of the assessment pages: they parse input; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import OrgKind, Role
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion
from skillstack.catalog.performance import PerformanceTest


class DateInput(forms.DateInput):
    input_type = "date"


def evaluators_of(organization: Organization) -> Any:
    return User.objects.filter(
        memberships__organization=organization, memberships__role=Role.EVALUATOR
    ).order_by("full_name")


class CertificationGrantForm(forms.Form):
    evaluator = forms.ModelChoiceField(queryset=User.objects.none(), label="Evaluator")
    micro_credential = forms.ModelChoiceField(
        queryset=MicroCredential.objects.none(), label="Micro-credential"
    )
    valid_from = forms.DateField(label="Valid from", widget=DateInput)
    valid_until = forms.DateField(label="Valid until", widget=DateInput)

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators_of(organization)  # type: ignore[attr-defined]
        self.fields["evaluator"].label_from_instance = lambda u: f"{u.full_name} ({u.email})"  # type: ignore[attr-defined]
        self.fields["micro_credential"].queryset = MicroCredential.objects.filter(  # type: ignore[attr-defined]
            issuer=organization
        ).order_by("slug")


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the certification withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )
    effective_on = forms.DateField(
        label="Withdrawn from",
        widget=DateInput,
        required=False,
        help_text="Leave empty for today. Results recorded since then will be listed for review.",
    )


class SessionForm(forms.Form):
    micro_credential_version = forms.ModelChoiceField(
        queryset=MicroCredentialVersion.objects.none(), label="Micro-credential"
    )
    date = forms.DateField(label="Date", widget=DateInput)
    place = forms.CharField(label="Place", max_length=200)
    training_program = forms.ModelChoiceField(
        queryset=Organization.objects.filter(kind=OrgKind.ISSUER),
        label="Training program",
        required=False,
    )
    cohort = forms.CharField(label="Cohort", max_length=100, required=False)
    evaluators = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Evaluators",
        help_text="Only evaluators currently certified for the micro-credential may be chosen.",
    )
    requires_cosign = forms.BooleanField(
        label="Results need a second evaluator's co-signature", required=False
    )

    def __init__(self, *args: Any, organization: Organization, editing: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["micro_credential_version"].queryset = MicroCredentialVersion.objects.filter(  # type: ignore[attr-defined]
            micro_credential__issuer=organization, published_at__isnull=False
        ).order_by("name", "-number")
        evaluators = self.fields["evaluators"]
        evaluators.queryset = evaluators_of(organization)  # type: ignore[attr-defined]
        evaluators.label_from_instance = lambda u: f"{u.full_name} ({u.email})"  # type: ignore[attr-defined]
        if editing:
            del self.fields["micro_credential_version"]


class RosterAddForm(forms.Form):
    email = forms.EmailField(label="Learner's e-mail address")
    full_name = forms.CharField(
        label="Full name", max_length=200, required=False, help_text="Needed for a new account."
    )


class RosterImportForm(forms.Form):
    file = forms.FileField(label="CSV file with the columns email and full_name")
    dry_run = forms.BooleanField(
        label="Only check the file (dry run)", required=False, initial=True
    )


class CorrectionForm(forms.Form):
    """The corrected observation: one field per step of the exact version's test."""

    reason = forms.CharField(
        label="Why is the result corrected?",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )

    def __init__(self, *args: Any, test: PerformanceTest, initial_obs: dict[str, Any], **kw: Any):
        super().__init__(*args, **kw)
        done = set(initial_obs.get("checks_done", []))
        levels = initial_obs.get("rubric_levels", {})
        for step in test.steps:
            if step.kind == "check":
                self.fields[f"step_{step.key}"] = forms.BooleanField(
                    label=step.title, required=False, initial=step.key in done
                )
            else:
                choices = [(0, "Not observed")] + [
                    (i, label) for i, label in enumerate(step.levels, start=1)
                ]
                self.fields[f"step_{step.key}"] = forms.TypedChoiceField(
                    label=step.title,
                    choices=choices,
                    coerce=int,
                    required=False,
                    empty_value="0",  # coerced like any choice
                    initial=levels.get(step.key, 0),
                )
        self.test = test

    def observation_parts(self) -> tuple[list[str], dict[str, int]]:
        checks, levels = [], {}
        for step in self.test.steps:
            value = self.cleaned_data.get(f"step_{step.key}")
            if step.kind == "check" and value:
                checks.append(step.key)
            elif step.kind == "rubric" and int(value or 0) > 0:
                levels[step.key] = int(value or 0)
        return checks, levels
