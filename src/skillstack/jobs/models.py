"""Openings employers publish, and the skills each asks for."""

from __future__ import annotations

from django.db import models

from skillstack.catalog.proficiency import Proficiency


class DegreeRequirement(models.TextChoices):
    NONE = "none", "No degree needed"
    PREFERRED = "preferred", "Degree preferred"
    REQUIRED = "required", "Degree required"


class RemoteOption(models.TextChoices):
    ON_SITE = "on_site", "On site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class Shift(models.TextChoices):
    DAY = "day", "Day"
    EVENING = "evening", "Evening"
    NIGHT = "night", "Night"
    ROTATING = "rotating", "Rotating"
    WEEKEND = "weekend", "Weekend"
    FLEXIBLE = "flexible", "Flexible"


class OpeningStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class OccupationScheme(models.TextChoices):
    ONET = "onet", "O*NET-SOC"
    ESCO = "esco", "ESCO"


class Opening(models.Model):
    """A job an employer wants filled; the coalition's staff may publish it on their behalf."""

    employer = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="openings"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    occupation_scheme = models.CharField(
        max_length=4, choices=OccupationScheme.choices, default=OccupationScheme.ONET
    )
    occupation_code = models.CharField(max_length=40, blank=True)
    location = models.CharField(max_length=200, blank=True)
    remote = models.CharField(
        max_length=8, choices=RemoteOption.choices, default=RemoteOption.ON_SITE
    )
    shift = models.CharField(max_length=10, choices=Shift.choices, default=Shift.DAY)
    wage_min = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    wage_max = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    wage_unit = models.CharField(max_length=10, default="hour")  # hour, year
    positions = models.PositiveIntegerField(default=1)
    degree_requirement = models.CharField(
        max_length=10, choices=DegreeRequirement.choices, default=DegreeRequirement.NONE
    )
    closing_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=OpeningStatus.choices, default=OpeningStatus.DRAFT
    )
    relax_required = models.BooleanField(
        default=False, help_text="Rank candidates who miss a required skill too (flagged)."
    )
    source_key = models.CharField(
        max_length=200, blank=True, help_text="The import's identifier, for de-duplication."
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "source_key"],
                condition=~models.Q(source_key=""),
                name="opening_source_key_unique",
            )
        ]
        indexes = [models.Index(fields=["status", "closing_date"])]

    def __str__(self) -> str:
        return self.title


class OpeningSkill(models.Model):
    """A skill an opening asks for: required (a hard filter) or preferred, with a minimum."""

    opening = models.ForeignKey(Opening, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey("catalog.Skill", on_delete=models.PROTECT, related_name="+")
    required = models.BooleanField(default=True)
    min_level = models.PositiveSmallIntegerField(
        choices=Proficiency.choices, default=Proficiency.FOUNDATIONAL
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opening", "skill"], name="opening_skill_unique")
        ]

    def __str__(self) -> str:
        return f"{self.skill} ({'required' if self.required else 'preferred'})"
