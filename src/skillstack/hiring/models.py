"""Applications and their stages, hires (placements) and retention check-ins after hire."""

from __future__ import annotations

from django.db import models


class Stage(models.TextChoices):
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    INTERVIEW = "interview", "Interview"
    OFFER = "offer", "Offer"
    HIRED = "hired", "Hired"
    NOT_SELECTED = "not_selected", "Not selected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ApplicationSource(models.TextChoices):
    CANDIDATE = "candidate", "The candidate applied"
    EMPLOYER = "employer", "The employer invited the candidate"
    NAVIGATOR = "navigator", "A career navigator applied on the candidate's behalf"


class Application(models.Model):
    """One candidate for one opening; one application per pair, whoever started it."""

    opening = models.ForeignKey(
        "jobs.Opening", on_delete=models.PROTECT, related_name="applications"
    )
    candidate = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="applications"
    )
    source = models.CharField(max_length=10, choices=ApplicationSource.choices)
    stage = models.CharField(max_length=14, choices=Stage.choices, default=Stage.APPLIED)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    stage_changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opening", "candidate"], name="application_one_per_candidate"
            )
        ]
        indexes = [models.Index(fields=["stage", "created_at"])]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.opening} ({self.stage})"


class StageChange(models.Model):
    """Every move of an application, timestamped, with who moved it (both sides see it)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="stage_changes"
    )
    stage = models.CharField(max_length=14, choices=Stage.choices)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.stage} at {self.at:%Y-%m-%d %H:%M}"


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    TEMPORARY = "temporary", "Temporary"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship"
    INTERNSHIP = "internship", "Internship"


class Placement(models.Model):
    """A hire: the job a candidate started, followed for a year by retention check-ins."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="placement"
    )
    start_date = models.DateField()
    role_title = models.CharField(max_length=200)
    wage = models.DecimalField(max_digits=9, decimal_places=2)
    wage_unit = models.CharField(max_length=10, default="hour")  # hour, year
    employment_type = models.CharField(max_length=14, choices=EmploymentType.choices)
    onboarding_needs = models.TextField(
        blank=True, help_text="Support the employer noted for onboarding; navigators see it."
    )
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    promoted_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["start_date"])]

    def __str__(self) -> str:
        return f"{self.role_title} from {self.start_date}"


class CheckinRespondent(models.TextChoices):
    EMPLOYER = "employer", "Employer"
    WORKER = "worker", "Worker"


class CheckinStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    SENT = "sent", "Sent"
    ANSWERED = "answered", "Answered"
    MISSED = "missed", "Missed (sent to the navigator)"


class CheckinAnswer(models.TextChoices):
    EMPLOYED = "employed", "Still employed"
    LEFT = "left", "Left the job"
    PROMOTED = "promoted", "Promoted"


CHECKIN_DAYS = (30, 90, 180, 365)


class RetentionCheckin(models.Model):
    """One question, on one day after the start, to one side of a placement; sent once."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="checkins")
    day = models.PositiveSmallIntegerField()  # one of CHECKIN_DAYS
    respondent = models.CharField(max_length=8, choices=CheckinRespondent.choices)
    due_on = models.DateField()
    status = models.CharField(
        max_length=10, choices=CheckinStatus.choices, default=CheckinStatus.SCHEDULED
    )
    answer = models.CharField(max_length=10, choices=CheckinAnswer.choices, blank=True)
    reason = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "day", "respondent"], name="checkin_once_per_day_and_side"
            )
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"Day {self.day} check-in ({self.respondent}): {self.status}"
