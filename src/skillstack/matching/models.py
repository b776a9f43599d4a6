"""Candidates' consent and preferences, their skills, and the derived table matching reads.

Consent is the learner's to give and take back: the current choice is one row per learner
(``Discoverability``), and every change is kept (``ConsentEvent``) with the wording version the
learner saw. Verified skills are *derived* from credentials that verify now
(``skillstack.wallet.holdings``) and rebuilt per candidate whenever a credential changes; they
are never entered by hand. Self-declared skills are kept apart and never score.
"""

from __future__ import annotations

from django.db import models

from skillstack.catalog.proficiency import Proficiency


class DiscoveryScope(models.TextChoices):
    NONE = "none", "Not discoverable"
    ALL = "all", "All employers on the platform"
    CHOSEN = "chosen", "Only the employers I choose"


CONSENT_WORDING_VERSION = "2026-11-1"
"""Bump when the consent wording on the preferences page changes; each event records it."""

CONSENT_WORDING = (
    "Employers I allow may see my name, my verified skills (with the credentials that prove "
    "them), the skills I declare myself and my job preferences, and may invite me to apply. "
    "I can withdraw at any time; withdrawing hides me from every employer at once."
)


class Discoverability(models.Model):
    """Whom a learner lets find them now. No row means not discoverable (the default)."""

    candidate = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="discoverability"
    )
    scope = models.CharField(
        max_length=8, choices=DiscoveryScope.choices, default=DiscoveryScope.NONE
    )
    employers = models.ManyToManyField("accounts.Organization", blank=True, related_name="+")
    wording_version = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.candidate}: {self.scope}"


class ConsentEvent(models.Model):
    """One change of a learner's discoverability, kept for good (who, when, what, wording)."""

    candidate = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="consent_events"
    )
    scope = models.CharField(max_length=8, choices=DiscoveryScope.choices)
    employer_ids = models.JSONField(default=list, blank=True)
    employer_names = models.JSONField(default=list, blank=True)
    wording_version = models.CharField(max_length=20)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.scope} at {self.at:%Y-%m-%d %H:%M}"


class WageUnit(models.TextChoices):
    HOUR = "hour", "per hour"
    YEAR = "year", "per year"


class JobPreferences(models.Model):
    """What work a candidate wants; empty fields mean "any"."""

    candidate = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="job_preferences"
    )
    locations = models.JSONField(default=list, blank=True)  # place names, e.g. "Boston"
    remote_ok = models.BooleanField(default=True)
    shifts = models.JSONField(default=list, blank=True)  # jobs.models.Shift values
    wage_floor = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    wage_unit = models.CharField(max_length=4, choices=WageUnit.choices, default=WageUnit.HOUR)
    earliest_start = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Preferences of {self.candidate}"


class DeclaredSkill(models.Model):
    """A skill the learner says they have: shown, labelled self-declared, never scored."""

    candidate = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="declared_skills"
    )
    skill = models.ForeignKey("catalog.Skill", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(
        choices=Proficiency.choices, default=Proficiency.FOUNDATIONAL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["skill__label", "id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "skill"], name="declared_skill_once")
        ]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.skill} (self-declared)"


class VerifiedSkill(models.Model):
    """One skill one credential proves for one candidate (derived, rebuilt per candidate)."""

    candidate = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="verified_skills"
    )
    skill = models.ForeignKey("catalog.Skill", on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Proficiency.choices)
    earned_at = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=20)  # "platform" or "imported"
    credential_ref = models.CharField(max_length=500)
    credential_pk = models.PositiveBigIntegerField()
    credential_name = models.CharField(max_length=300)
    issuer_name = models.CharField(max_length=300)
    credential_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["candidate_id", "skill_id", "-level", "id"]
        indexes = [
            models.Index(fields=["candidate", "skill"]),
            models.Index(fields=["skill"]),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id}: skill {self.skill_id} by {self.credential_name}"


class CandidateChange(models.Model):
    """An append-only log of changes to candidates' standing, so every process's in-memory
    index refreshes just those candidates (``candidate`` empty: rebuild everything)."""

    candidate_pk = models.BigIntegerField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"change {self.pk}: {self.candidate_pk or 'all'}"
