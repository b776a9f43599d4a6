"""Forms of the issuer's credential pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from skillstack.issuing.lifecycle import REASON_MAX
from skillstack.issuing.models import CredentialState


class CredentialFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    state = forms.ChoiceField(
        label="State",
        required=False,
        choices=[("", "Any state"), *CredentialState.choices],
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded in the audit log and shown to the holder.",
    )


class ReviewForm(forms.Form):
    """Whose assessments to review, since when."""

    evaluator = forms.ChoiceField(label="Evaluator")
    since = forms.DateField(
        label="Assessed on or after",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="For example the day the evaluator's certification should have ended.",
    )

    def __init__(self, *args: Any, evaluators: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.evaluators = {str(e.pk): e for e in evaluators}
        field = self.fields["evaluator"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose an evaluator")] + [
            (str(e.pk), f"{e.full_name or e.email} ({e.email})") for e in evaluators
        ]

    def clean_since(self) -> date:
        since: date = self.cleaned_data["since"]
        if since > date.today():
            raise forms.ValidationError("Choose a date that is not in the future.")
        return since


class BulkRevokeForm(ReasonForm):
    credentials = forms.MultipleChoiceField(
        label="Credentials to revoke", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["credentials"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices
