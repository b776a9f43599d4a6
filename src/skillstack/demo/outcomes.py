"""Demo: the Greenway foundation funds BioForge's program with one cohort (the learners on
BioForge's session rosters), some learners self-identify and consent, and Helix Ridge declares
a hiring baseline. Demo groups are small, so most demographic cells show as suppressed: that
is the honest result."""

from __future__ import annotations

import datetime

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.outcomes.models import EmployerBaseline, FundedProgram, LearnerDemographics
from skillstack.outcomes.services import (
    baseline_save,
    cohort_create,
    demographic_consent_set,
    demographics_save,
    program_create,
)

FUNDER_ADMIN = "nadia.petrova@greenway.example"
EMPLOYER_ADMIN = "samir.haddad@helixridge.example"
PROGRAM = "BioForge Biomanufacturing Pathway 2026"
COHORT = "Fall 2026 cohort"
PROGRAM_SLUGS = ("lab-safety", "pipetting")

ANSWERS = (  # (learner index, answers, consents)
    (0, {"ethnicity": "not_hispanic", "races": ["black"], "sex": "female", "age_band": "25_34",
         "veteran": "no", "first_generation": "yes", "prior_degree": "none"}, True),
    (1, {"ethnicity": "hispanic", "sex": "male", "age_band": "18_24", "veteran": "no",
         "prior_degree": "none"}, True),
    (2, {"ethnicity": "not_hispanic", "races": ["asian"], "sex": "female",
         "age_band": "25_34", "prior_degree": "bachelor"}, True),
    (3, {"ethnicity": "not_hispanic", "races": ["black"], "sex": "male", "age_band": "35_44",
         "veteran": "yes", "prior_degree": "associate"}, True),
    (4, {"ethnicity": "not_hispanic", "races": ["white"], "sex": "female",
         "age_band": "25_34", "prior_degree": "none"}, True),
    (5, {"ethnicity": "prefer_not", "sex": "prefer_not"}, True),
    (6, {"ethnicity": "not_hispanic", "races": ["american_indian"], "sex": "male",
         "age_band": "18_24", "first_generation": "yes", "prior_degree": "none"}, True),
    (7, {"ethnicity": "not_hispanic", "races": ["white", "asian"], "sex": "female",
         "age_band": "45_54"}, False),
    (8, {"ethnicity": "hispanic", "sex": "male", "age_band": "25_34",
         "prior_degree": "none"}, True),
    (10, {"ethnicity": "not_hispanic", "races": ["black"], "sex": "male",
          "age_band": "25_34", "veteran": "no", "prior_degree": "none"}, True),
)  # fmt: skip


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    _program(organizations=organizations, versions=versions)
    _demographics()
    _baseline(organizations["helix-ridge"])


def _program(
    *, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]
) -> None:
    funder = organizations["greenway-foundation"]
    program = FundedProgram.objects.filter(funder=funder, name=PROGRAM).first()
    actor = User.objects.get(email=FUNDER_ADMIN)
    today = timezone.localdate()
    if program is None:
        chosen = [v.micro_credential for v in versions if v.micro_credential.slug in PROGRAM_SLUGS]
        program = program_create(
            funder=funder,
            provider=organizations["bioforge"],
            name=PROGRAM,
            micro_credentials=chosen,
            starts_on=datetime.date(today.year, 1, 1),
            ends_on=datetime.date(today.year + 1, 12, 31),
            actor=actor,
        )
    if not program.cohorts.filter(name=COHORT).exists():
        cohort_create(
            program=program,
            name=COHORT,
            starts_on=today - datetime.timedelta(days=60),
            ends_on=today + datetime.timedelta(days=30),
            actor=actor,
        )


def _demographics() -> None:
    for index, answers, consents in ANSWERS:
        user = User.objects.get(email=learner_email(LEARNER_NAMES[index]))
        if LearnerDemographics.objects.filter(user=user).exists():
            continue
        demographics_save(user=user, actor=user, answers=answers)
        if consents:
            demographic_consent_set(user=user, actor=user, granted=True)


def _baseline(employer: Organization) -> None:
    if EmployerBaseline.objects.filter(employer=employer).exists():
        return
    baseline_save(
        employer=employer,
        actor=User.objects.get(email=EMPLOYER_ADMIN),
        figures={
            "retention_90": 78,
            "retention_180": 64,
            "retention_365": 52,
            "time_to_fill_days": 58,
            "no_degree_share": 12,
        },
    )
