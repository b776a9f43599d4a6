"""Forms of the catalog pages: they parse input; the rules live in services and performance.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from skillstack.catalog.images import checked_image
from skillstack.catalog.models import AchievementType, Framework, Skill

TAG_MAX = 20


class SkillForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=120,
        help_text="A short identifier, unique among your skills, e.g. 'aseptic-technique'.",
    )
    label = forms.CharField(label="Name", max_length=300)
    uri = forms.URLField(
        label="Web address (URI)",
        max_length=500,
        required=False,
        help_text="Where the skill is described, if it has its own page.",
        assume_scheme="https",
    )
    description = forms.CharField(
        label="Description",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    broader = forms.ModelChoiceField(
        label="Part of (broader skill)",
        queryset=Skill.objects.none(),
        required=False,
        empty_label="— none —",
    )

    def __init__(self, *args: Any, own_skills: QuerySet[Skill], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["broader"].queryset = own_skills  # type: ignore[attr-defined]


class SkillImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "Columns: framework (own, esco or onet), code, uri, label, description, "
            "broader_code. UTF-8, at most 1 MB."
        ),
    )


class SkillSearchForm(forms.Form):
    q = forms.CharField(label="Search skills", max_length=100, required=False)
    framework = forms.ChoiceField(
        label="Framework", choices=[("", "All frameworks"), *Framework.choices], required=False
    )


def _tags(raw: str) -> list[str]:
    tags = [t.strip() for t in raw.split(",") if t.strip()]
    return list(dict.fromkeys(tags))


class MicroCredentialForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    slug = forms.SlugField(
        label="Short name in web addresses",
        max_length=80,
        required=False,
        help_text="Letters, digits and hyphens; made from the name when left empty.",
    )
    description = forms.CharField(
        label="Description",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What this micro-credential says about the person who earns it.",
    )
    criteria = forms.CharField(
        label="Criteria",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What a learner must show, in plain words (public).",
    )
    level = forms.CharField(
        label="Level", max_length=50, required=False, help_text="e.g. Foundation, Intermediate."
    )
    achievement_type = forms.ChoiceField(label="Achievement type", choices=AchievementType.choices)
    credits_available = forms.DecimalField(
        label="Credit recommendation",
        max_digits=5,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text="Credits a college may grant for it (creditsAvailable).",
    )
    validity_months = forms.IntegerField(
        label="Valid for (months)",
        min_value=1,
        max_value=240,
        required=False,
        help_text="Empty: it does not expire.",
    )
    tags = forms.CharField(
        label="Tags", max_length=500, required=False, help_text="Separated by commas."
    )
    skills = forms.ModelMultipleChoiceField(
        label="Aligned skills",
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each becomes an alignment in the credential.",
    )
    image = forms.FileField(
        label="Badge image",
        required=False,
        help_text="PNG or JPEG, at most 2 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    def __init__(self, *args: Any, skills: QuerySet[Skill], creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills  # type: ignore[attr-defined]
        self.fields["skills"].label_from_instance = _skill_choice  # type: ignore[attr-defined]
        if not creating:
            del self.fields["slug"]

    def clean_image(self) -> Any:
        """Checked here (bytes decoded by Pillow) so a bad file never half-saves the rest."""
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        try:
            return checked_image(upload)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["image"]) from None

    def clean_tags(self) -> list[str]:
        tags = _tags(self.cleaned_data.get("tags") or "")
        if len(tags) > TAG_MAX:
            raise forms.ValidationError(f"At most {TAG_MAX} tags.")
        return tags


def _skill_choice(skill: Skill) -> str:
    framework = "" if skill.framework == Framework.OWN else f"{skill.get_framework_display()} "
    return f"{skill.label} ({framework}{skill.code})"
