"""An opening as schema.org ``JobPosting`` (https://schema.org/JobPosting), the form career
sites and search engines read (Google's job posting structured data uses the same properties).
"""

from __future__ import annotations

from typing import Any

from skillstack.jobs.models import DegreeRequirement, Opening, RemoteOption
from skillstack.jobs.selectors import SkillAskView

UNIT = {"hour": "HOUR", "year": "YEAR"}
SHIFT_HOURS = {
    "day": "Day shift",
    "evening": "Evening shift",
    "night": "Night shift",
    "rotating": "Rotating shifts",
    "weekend": "Weekend shifts",
    "flexible": "Flexible hours",
}


def job_posting(*, opening: Opening, asks: list[SkillAskView], url: str) -> dict[str, Any]:
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opening.title,
        "description": opening.description or opening.title,
        "identifier": {
            "@type": "PropertyValue",
            "name": opening.employer.name,
            "value": str(opening.pk),
        },
        "url": url,
        "hiringOrganization": {"@type": "Organization", "name": opening.employer.name},
        "totalJobOpenings": opening.positions,
        "workHours": SHIFT_HOURS.get(opening.shift, ""),
        "skills": [
            {
                "@type": "DefinedTerm",
                "name": a.label,
                "termCode": a.code,
                "inDefinedTermSet": a.framework,
            }
            for a in asks
        ],
    }
    if opening.published_at:
        posting["datePosted"] = opening.published_at.date().isoformat()
    if opening.closing_date:
        posting["validThrough"] = opening.closing_date.isoformat()
    if opening.location:
        posting["jobLocation"] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": opening.location},
        }
    if opening.remote != RemoteOption.ON_SITE:
        posting["jobLocationType"] = "TELECOMMUTE"
    if opening.occupation_code:
        posting["occupationalCategory"] = opening.occupation_code
    if opening.wage_min is not None or opening.wage_max is not None:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": UNIT[opening.wage_unit]}
        if opening.wage_min is not None:
            value["minValue"] = float(opening.wage_min)
        if opening.wage_max is not None:
            value["maxValue"] = float(opening.wage_max)
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "USD", "value": value}
    if opening.degree_requirement == DegreeRequirement.NONE:
        posting["educationRequirements"] = "no requirements"
    else:
        posting["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "bachelor degree",
        }
        if opening.degree_requirement == DegreeRequirement.PREFERRED:
            posting["experienceInPlaceOfEducation"] = True
    return posting
