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
    note = models.TextField(blank=True, help_text="The candidate's note to the employer.")

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
    notified_at = models.DateTimeField(
        null=True, blank=True, help_text="When the candidate was e-mailed about it (once)."
    )

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
    hired_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

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


# --- Added by the hiring app's pages and services ---------------------------------------------


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the candidate"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Invitation(models.Model):
    """An employer asks a discoverable candidate to apply; accepting creates the application."""

    opening = models.ForeignKey("jobs.Opening", on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="job_invitations"
    )
    invited_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(blank=True)
    status = models.CharField(
        max_length=8, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    application = models.OneToOneField(
        Application, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["opening", "candidate"], name="invitation_one_per_candidate"
            )
        ]

    def __str__(self) -> str:
        return f"Invitation of {self.candidate} to {self.opening} ({self.status})"


class NavigatorConsent(models.Model):
    """A learner lets the career navigators of one organization act for them (apply on their
    behalf); revocable at any time, and every grant and revocation is audited."""

    learner = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="navigator_consents"
    )
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    granted_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "organization"], name="navigator_consent_once_per_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} → {self.organization} ({'active' if self.active else 'revoked'})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class AssignmentStatus(models.TextChoices):
    REQUESTED = "requested", "Requested by the learner"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


class CaseloadAssignment(models.Model):
    """A learner on a navigator's caseload in one organization (one open row per learner)."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    learner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    navigator = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, null=True, blank=True, related_name="caseload"
    )
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "learner"],
                condition=~models.Q(status="ended"),
                name="caseload_one_open_per_learner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} with {self.navigator} ({self.status})"


class CaseloadNote(models.Model):
    """A navigator's note on a learner: private to the navigators of that organization."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    learner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Note on {self.learner} at {self.created_at:%Y-%m-%d}"


class Nudge(models.Model):
    """A short e-mail from a navigator to a learner; counted for the rate limit."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    learner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    navigator = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField()
    sent_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["learner", "sent_at"])]

    def __str__(self) -> str:
        return f"Nudge to {self.learner} at {self.sent_at:%Y-%m-%d %H:%M}"
