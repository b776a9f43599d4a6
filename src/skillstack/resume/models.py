"""A learner's skills-based resume: their words (summary, experience), their choices (which
verified credentials and skills show) and its public link.

The credentials themselves are never copied here: the resume names them by their id (the
holding's ``ref``) and every view of it is built from the learner's verified holdings at that
moment, so a revoked or expired credential disappears at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Resume(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume"
    )
    headline = models.CharField(max_length=150, blank=True)
    summary = models.TextField(max_length=2000, blank=True)
    hidden_skill_ids = models.JSONField(default=list, blank=True)  # catalog.Skill pks not shown
    allow_indexing = models.BooleanField(default=False)  # search engines may list the page
    public_token = models.CharField(max_length=43, blank=True, db_index=True)  # "" = unpublished
    published_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Resume of {self.owner}"


class ResumeCredential(models.Model):
    """A credential the learner chose to show (by the holding's ``ref``: the credential id)."""

    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="credentials")
    ref = models.CharField(max_length=300)
    source = models.CharField(max_length=20, default="platform")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resume", "ref"], name="resume_credential_once")
        ]

    def __str__(self) -> str:
        return self.ref


class Experience(models.Model):
    """Work or training the learner describes in their own words (not verified: shown so)."""

    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="experiences")
    role = models.CharField(max_length=150)
    organisation = models.CharField(max_length=150)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)  # None: ongoing
    description = models.TextField(max_length=2000, blank=True)
    shown = models.BooleanField(default=True)

    class Meta:
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return f"{self.role}, {self.organisation}"
