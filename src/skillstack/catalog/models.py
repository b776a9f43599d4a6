"""Skills (own or from a taxonomy) and micro-credentials with versioned definitions.

A micro-credential is an identity (issuer + slug); what it asks of a learner lives in its
versions. A published version is never edited: a revision makes a new version, so every
result and credential keeps the exact definition it was earned under.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class Framework(models.TextChoices):
    OWN = "own", "Issuer's own"
    ESCO = "esco", "ESCO"
    ONET = "onet", "O*NET"


class Skill(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="skills",
        help_text="The issuer that defined it; empty for shared taxonomy skills.",
    )
    framework = models.CharField(max_length=10, choices=Framework.choices, default=Framework.OWN)
    code = models.CharField(max_length=120)
    uri = models.URLField(max_length=500, blank=True)
    label = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    broader = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="narrower"
    )

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"],
                condition=Q(organization__isnull=True),
                name="skill_taxonomy_code_unique",
            ),
            models.UniqueConstraint(
                fields=["organization", "framework", "code"],
                condition=Q(organization__isnull=False),
                name="skill_org_code_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class SkillEquivalence(models.Model):
    """Two skills (often of different providers or taxonomies) declared to mean the same.

    Symmetric: stored once with ``skill_a_id < skill_b_id``. Matching and pathways treat an
    equivalent skill as the skill itself; the declaring organization answers for it.
    """

    skill_a = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    skill_b = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    declared_by = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["skill_a", "skill_b"], name="skill_equivalence_once"),
            models.CheckConstraint(
                condition=Q(skill_a__lt=F("skill_b")), name="skill_equivalence_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.skill_a} = {self.skill_b}"


class MicroCredentialStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class AchievementType(models.TextChoices):
    """A subset of the OB 3.0 AchievementType vocabulary that issuers here use."""

    BADGE = "Badge", "Badge"
    CERTIFICATE = "Certificate", "Certificate"
    CERTIFICATION = "Certification", "Certification"
    COMPETENCY = "Competency", "Competency"
    LICENSE = "License", "License"
    MICRO_CREDENTIAL = "MicroCredential", "Micro-credential"


class MicroCredential(models.Model):
    issuer = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="micro_credentials"
    )
    slug = models.SlugField(max_length=80)
    status = models.CharField(
        max_length=10, choices=MicroCredentialStatus.choices, default=MicroCredentialStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "slug"], name="microcredential_slug_unique")
        ]

    def __str__(self) -> str:
        return f"{self.issuer.slug}/{self.slug}"


class MicroCredentialVersion(models.Model):
    micro_credential = models.ForeignKey(
        MicroCredential, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    description = models.TextField()
    criteria = models.TextField(help_text="What a learner must show, in plain words.")
    image = models.ImageField(upload_to="microcredentials/", blank=True)
    level = models.CharField(max_length=50, blank=True)
    achievement_type = models.CharField(
        max_length=30, choices=AchievementType.choices, default=AchievementType.MICRO_CREDENTIAL
    )
    credits_available = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    validity_months = models.PositiveIntegerField(null=True, blank=True)
    tags = models.JSONField(default=list, blank=True)
    performance_test = models.JSONField(help_text="Steps and pass rule (see performance.py).")
    skills = models.ManyToManyField(Skill, related_name="micro_credential_versions", blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["micro_credential", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["micro_credential", "number"], name="microcredential_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"


class SkillLabel(models.Model):
    """Another name a taxonomy gives a skill (ESCO altLabels, O*NET alternate titles).

    Kept apart from ``Skill.label`` so that search and skill suggestions can find a skill by
    the words an employer actually writes ("PCR" for "polymerase chain reaction").
    """

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="alt_labels")
    label = models.CharField(max_length=300)

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["skill", "label"], name="skill_label_unique")
        ]

    def __str__(self) -> str:
        return self.label


class Occupation(models.Model):
    """An occupation of a taxonomy (O*NET-SOC or ESCO), which openings name by code."""

    framework = models.CharField(max_length=10, choices=Framework.choices)
    code = models.CharField(max_length=40)
    uri = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    group = models.CharField(
        max_length=20, blank=True, help_text="ESCO's ISCO group; O*NET's SOC major group."
    )
    alt_titles = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["framework", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="occupation_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
