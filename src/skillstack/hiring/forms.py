"""Forms of the hiring pages: they parse input; the services decide what is allowed."""

from __future__ import annotations

from django import forms

from skillstack.hiring.models import CheckinAnswer, EmploymentType
from skillstack.hiring.services.applications import NOTE_MAX


class ApplyForm(forms.Form):
    note = forms.CharField(
        label="A note to the employer",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why this job, when you can start, anything they should know.",
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(label="Why (optional)", required=False, max_length=NOTE_MAX)


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label="Move to")
    note = forms.CharField(
        label="Note to the candidate",
        required=False,
        max_length=NOTE_MAX,
        help_text="The candidate sees it with the new stage.",
    )

    def __init__(self, *args: object, choices: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["stage"].choices = choices  # type: ignore[attr-defined]


class HireForm(forms.Form):
    start_date = forms.DateField(label="Start date", widget=forms.DateInput(attrs={"type": "date"}))
    role_title = forms.CharField(label="Role", max_length=200)
    wage = forms.DecimalField(label="Wage", min_value=0, max_digits=9, decimal_places=2)
    wage_unit = forms.ChoiceField(label="Per", choices=[("hour", "hour"), ("year", "year")])
    employment_type = forms.ChoiceField(label="Employment type", choices=EmploymentType.choices)
    onboarding_needs = forms.CharField(
        label="Onboarding support needs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="E.g. transport, childcare, a mentor. The person's career navigator sees it.",
    )


class OnboardingForm(forms.Form):
    onboarding_needs = forms.CharField(
        label="Onboarding support needs",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The person's career navigator sees it.",
    )


class CheckinForm(forms.Form):
    answer = forms.ChoiceField(
        label="Where things stand", choices=CheckinAnswer.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Anything to add",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note (only your organization's navigators see it)",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NudgeForm(forms.Form):
    message = forms.CharField(
        label="Short message to the learner (e-mailed; one a day at most)",
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ApplyForLearnerForm(forms.Form):
    opening = forms.TypedChoiceField(label="Opening", coerce=int)
    note = forms.CharField(
        label="Note to the employer", required=False, max_length=NOTE_MAX, widget=forms.Textarea
    )

    def __init__(self, *args: object, openings: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["opening"].choices = openings  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    learner_email = forms.EmailField(label="Learner's e-mail address")
    navigator = forms.TypedChoiceField(label="Career navigator", coerce=int)

    def __init__(self, *args: object, navigators: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["navigator"].choices = navigators  # type: ignore[attr-defined]


class InviteForm(forms.Form):
    opening = forms.TypedChoiceField(label="Opening", coerce=int)
    candidate_email = forms.EmailField(label="Candidate's e-mail address")
    message = forms.CharField(
        label="Message", required=False, max_length=NOTE_MAX, widget=forms.Textarea
    )

    def __init__(self, *args: object, openings: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["opening"].choices = openings  # type: ignore[attr-defined]
