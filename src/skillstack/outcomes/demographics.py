"""The self-identification categories (US workforce reporting practice) and how they group.

Race and ethnicity follow the OMB 1997 standard as WIOA and IPEDS report it: Hispanic or
Latino of any race first, then one race, then "Two or more races". Every question can be
answered "Prefer not to say"; an unanswered or declined question groups as "Not reported".
"""

from __future__ import annotations

from django.db import models

PREFER_NOT = "prefer_not"
NOT_REPORTED = "not_reported"
NOT_REPORTED_LABEL = "Not reported (no consent, not answered or prefer not to say)"


class Ethnicity(models.TextChoices):
    HISPANIC = "hispanic", "Hispanic or Latino"
    NOT_HISPANIC = "not_hispanic", "Not Hispanic or Latino"
    PREFER_NOT = PREFER_NOT, "Prefer not to say"


class Race(models.TextChoices):
    AMERICAN_INDIAN = "american_indian", "American Indian or Alaska Native"
    ASIAN = "asian", "Asian"
    BLACK = "black", "Black or African American"
    PACIFIC_ISLANDER = "pacific_islander", "Native Hawaiian or Other Pacific Islander"
    WHITE = "white", "White"


class RaceEthnicity(models.TextChoices):
    """The reporting group derived from the two OMB questions."""

    HISPANIC = "hispanic", "Hispanic or Latino (any race)"
    AMERICAN_INDIAN = "american_indian", "American Indian or Alaska Native"
    ASIAN = "asian", "Asian"
    BLACK = "black", "Black or African American"
    PACIFIC_ISLANDER = "pacific_islander", "Native Hawaiian or Other Pacific Islander"
    WHITE = "white", "White"
    TWO_OR_MORE = "two_or_more", "Two or more races"
    NOT_REPORTED = NOT_REPORTED, NOT_REPORTED_LABEL


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    ANOTHER = "another", "Another sex or gender"
    PREFER_NOT = PREFER_NOT, "Prefer not to say"


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", "Under 18"
    A18_24 = "18_24", "18 to 24"
    A25_34 = "25_34", "25 to 34"
    A35_44 = "35_44", "35 to 44"
    A45_54 = "45_54", "45 to 54"
    A55_64 = "55_64", "55 to 64"
    A65 = "65_plus", "65 or older"
    PREFER_NOT = PREFER_NOT, "Prefer not to say"


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT = PREFER_NOT, "Prefer not to say"


class PriorDegree(models.TextChoices):
    NONE = "none", "No college degree"
    ASSOCIATE = "associate", "Associate degree"
    BACHELOR = "bachelor", "Bachelor's degree"
    GRADUATE = "graduate", "Graduate degree"
    PREFER_NOT = PREFER_NOT, "Prefer not to say"


DIMENSIONS: dict[str, tuple[str, type[models.TextChoices]]] = {
    "race_ethnicity": ("Race and ethnicity", RaceEthnicity),
    "sex": ("Sex", Sex),
    "age_band": ("Age", AgeBand),
    "veteran": ("Veteran", YesNo),
    "disability": ("Disability", YesNo),
    "first_generation": ("First generation in college", YesNo),
    "prior_degree": ("Prior degree", PriorDegree),
}
"""Report dimension → (heading, choices); the field of the same name holds a person's answer."""


def dimension_groups(dimension: str) -> list[tuple[str, str]]:
    """(value, label) rows of a breakdown, declined answers folded into "Not reported"."""
    _, choices = DIMENSIONS[dimension]
    rows = [(c.value, c.label) for c in choices if c.value not in (PREFER_NOT, NOT_REPORTED)]
    return [*rows, (NOT_REPORTED, NOT_REPORTED_LABEL)]


def race_ethnicity_group(*, ethnicity: str, races: list[str]) -> str:
    """OMB reporting group: Hispanic of any race; else the one race; else two or more."""
    if ethnicity == Ethnicity.HISPANIC:
        return RaceEthnicity.HISPANIC
    known = sorted(set(races) & set(Race.values))
    if ethnicity != Ethnicity.NOT_HISPANIC and not known:
        return NOT_REPORTED
    if len(known) == 1:
        return known[0]
    if len(known) > 1:
        return RaceEthnicity.TWO_OR_MORE
    return NOT_REPORTED
