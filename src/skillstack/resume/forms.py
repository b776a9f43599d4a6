"""Forms of the resume composer: the learner's words, their choices, an entry, the link."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone

from skillstack.resume.selectors import Composer


class ProfileForm(forms.Form):
    headline = forms.CharField(
        label="Headline",
        max_length=150,
        required=False,
        help_text="One line under your name, e.g. “Biomanufacturing technician”.",
    )
    summary = forms.CharField(
        label="Summary",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences about you and the work you are looking for.",
    )
    allow_indexing = forms.BooleanField(
        label="Let search engines list my published resume",
        required=False,
        help_text="Off by default: only people you give the link to can find it.",
    )


class ChoiceForm(forms.Form):
    """Which verified credentials show (and so which skills), and which skills to leave out."""

    credentials = forms.MultipleChoiceField(
        label="Credentials to show", required=False, widget=forms.CheckboxSelectMultiple
    )
    shown_skills = forms.TypedMultipleChoiceField(
        label="Skills to show",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    share = forms.BooleanField(
        label="Turn on the share link of each chosen credential",
        required=False,
        help_text="Each credential then has a public page that anyone reading your resume can "
        "open to check it. You can turn any share link off in your wallet.",
    )

    def __init__(self, *args: Any, composer: Composer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.composer = composer
        self.fields["credentials"].choices = [  # type: ignore[attr-defined]
            (c.holding.ref, f"{c.holding.name} — {c.holding.issuer_name}")
            for c in composer.credentials
        ]
        skills = [(s.skill_id, s.name) for s in composer.skills]
        self.fields["shown_skills"].choices = skills  # type: ignore[attr-defined]

    def hidden_skill_ids(self) -> list[int]:
        shown = set(self.cleaned_data.get("shown_skills") or [])
        return [s.skill_id for s in self.composer.skills if s.skill_id not in shown]


class ExperienceForm(forms.Form):
    role = forms.CharField(label="Role", max_length=150)
    organisation = forms.CharField(label="Organisation", max_length=150)
    start_date = forms.DateField(
        label="Started", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end_date = forms.DateField(
        label="Ended",
        required=False,
        help_text="Leave empty if you are still there.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    description = forms.CharField(
        label="What you did",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shown = forms.BooleanField(label="Show on my resume", required=False, initial=True)


class PublishForm(forms.Form):
    expires_on = forms.DateField(
        label="Link works until",
        required=False,
        help_text="Optional. After this day the link stops working; leave empty to keep it "
        "until you turn it off.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def expires_at(self) -> datetime.datetime | None:
        day = self.cleaned_data.get("expires_on")
        return end_of_day(day) if day is not None else None


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of ``day`` in the site's time zone: a link "until" a day works all day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))
