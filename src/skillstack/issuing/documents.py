"""The unsigned Open Badges 3.0 documents Skillstack issues, built with obcore's builders.

Reads the catalog and assessment models (never writes them). Each part has its own
function so that a batch can build what a whole batch shares (the issuer's profile, a
version's achievement) once, and what is per learner every time — with the same code as a
single credential.
"""

from __future__ import annotations

import calendar
import secrets
import uuid
from datetime import UTC, date, datetime, time
from typing import Any

from django.conf import settings
from django.utils.text import slugify

from obcore import credentials as ob
from skillstack.accounts.models import LearnerProfile, Organization
from skillstack.assessment.models import Attempt, EvaluatorCertification
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion
from skillstack.catalog.performance import PerformanceTest, Step, parse_definition
from skillstack.issuing.dids import issuer_did

Json = dict[str, Any]
STATUS_RESULT = "result-status"


def new_credential_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def iso(moment: datetime) -> str:
    """XSD dateTimeStamp with second precision, in UTC (VCDM 2.0 §4.9)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def issuer_profile(*, organization: Organization) -> Json:
    """The issuer ``Profile`` (OB 3.0 §B.1.13): its did:web id, name and home page."""
    url = organization.website or f"{settings.SITE_URL}/"
    return ob.profile(id=issuer_did(organization=organization), name=organization.name, url=url)


def micro_credential_url(*, micro_credential: MicroCredential, number: int) -> str:
    """The stable page of one version in the public catalog (the achievement's id)."""
    slug = micro_credential.issuer.slug
    return f"{settings.SITE_URL}/catalog/{slug}/{micro_credential.slug}/v{number}/"


def _alignments(version: MicroCredentialVersion, achievement_id: str) -> list[Json]:
    return [
        ob.alignment(
            target_name=skill.label,
            target_url=skill.uri or f"{achievement_id}#skill-{slugify(skill.code)}",
            target_framework=skill.get_framework_display(),
            target_code=skill.code,
            target_description=skill.description or None,
        )
        for skill in version.skills.all().order_by("label")
    ]


def _rubric_ids(achievement_id: str, step: Step) -> tuple[str, list[str]]:
    base = f"{achievement_id}#rubric-{slugify(step.key) or 'criterion'}"
    return base, [f"{base}-level-{n}" for n in range(1, len(step.levels) + 1)]


def _result_descriptions(test: PerformanceTest | None, achievement_id: str) -> list[Json]:
    """Pass/fail status, and each rubric criterion with its levels (OB 3.0 §B.1.17, §B.1.19)."""
    described = [
        ob.result_description(
            id=f"{achievement_id}#{STATUS_RESULT}",
            name="Performance test result",
            result_type="Status",
            allowed_values=["Completed", "Failed"],
            required_value="Completed",
        )
    ]
    for step in test.steps if test else ():
        if step.kind != "rubric":
            continue
        base, level_ids = _rubric_ids(achievement_id, step)
        levels = [
            ob.rubric_level(id=level_id, name=label, level=str(n))
            for n, (level_id, label) in enumerate(zip(level_ids, step.levels, strict=True), 1)
        ]
        described.append(
            ob.result_description(
                id=base,
                name=step.title,
                result_type="RubricCriterionLevel",
                rubric_levels=levels,
                required_level=level_ids[step.min_level - 1] if step.min_level else None,
            )
        )
    return described


def performance_test_of(version: MicroCredentialVersion) -> PerformanceTest | None:
    try:
        return parse_definition(version.performance_test)
    except ValueError:
        return None


def version_achievement(*, version: MicroCredentialVersion) -> Json:
    """The ``Achievement`` (OB 3.0 §B.1.1) a version describes, shared by all its credentials."""
    micro_credential = version.micro_credential
    achievement_id = micro_credential_url(micro_credential=micro_credential, number=version.number)
    test = performance_test_of(version)
    image = f"{settings.SITE_URL}{version.image.url}" if version.image else None
    return ob.achievement(
        id=achievement_id,
        name=version.name,
        description=version.description,
        criteria_narrative=version.criteria,
        criteria_id=achievement_id + "#criteria",
        achievement_type=version.achievement_type,
        alignments=_alignments(version, achievement_id),
        result_descriptions=_result_descriptions(test, achievement_id),
        credits_available=float(version.credits_available)
        if version.credits_available is not None
        else None,
        image=image,
        tags=[str(t) for t in version.tags if isinstance(t, str) and t.strip()],
        human_code=version.level or None,
        creator=issuer_profile(organization=micro_credential.issuer),
    )


def recipient_subject(
    *, profile: LearnerProfile | None, email: str, salt: str | None
) -> str | Json:
    """The learner's own DID when they have one, else a salted hash of their e-mail address.

    OB 3.0 §B.1.14 IdentityObject: the address itself never appears in the credential.
    """
    if profile is not None and profile.did:
        return profile.did
    return ob.hashed_email_identifier(email=email, salt=salt or secrets.token_hex(16))


def _steps_narrative(test: PerformanceTest | None, observations: Json) -> list[str]:
    done = {str(k) for k in observations.get("checks_done", []) if isinstance(k, str)}
    levels = observations.get("rubric_levels") or {}
    lines = []
    for step in test.steps if test else ():
        if step.kind == "check":
            mark = "x" if step.key in done else " "
            lines.append(f"- [{mark}] {step.title}{' (critical)' if step.critical else ''}")
        else:
            level = levels.get(step.key)
            label = (
                step.levels[level - 1]
                if isinstance(level, int) and 1 <= level <= len(step.levels)
                else "not rated"
            )
            lines.append(f"- {step.title}: {label}")
    return lines


def attempt_results(*, attempt: Attempt, achievement: Json) -> list[Json]:
    """The learner's ``Result``s: the status, and the level achieved on each rubric criterion."""
    achievement_id = achievement["id"]
    results = [
        ob.result(result_description=f"{achievement_id}#{STATUS_RESULT}", status="Completed")
    ]
    test = performance_test_of(attempt.micro_credential_version)
    levels = (attempt.observations or {}).get("rubric_levels") or {}
    for step in test.steps if test else ():
        level = levels.get(step.key)
        if step.kind != "rubric" or not isinstance(level, int):
            continue
        base, level_ids = _rubric_ids(achievement_id, step)
        if 1 <= level <= len(level_ids):
            results.append(ob.result(result_description=base, achieved_level=level_ids[level - 1]))
    return results


def attempt_evidence(*, attempt: Attempt, certification_credential_id: str | None) -> list[Json]:
    """What the evaluator observed (OB 3.0 §B.1.9): steps, date, place, who, photo hashes."""
    session = attempt.session
    evaluator = attempt.evaluator
    test = performance_test_of(attempt.micro_credential_version)
    certified = (
        f" (certified evaluator; certification {certification_credential_id})"
        if certification_credential_id
        else " (certified evaluator)"
    )
    lines = [
        f"Observed by {evaluator.full_name or evaluator.email}{certified} "
        f"on {attempt.observed_at.date().isoformat()} at {session.place}.",
    ]
    if attempt.elapsed_s:
        lines.append(f"Time taken: {attempt.elapsed_s // 60} min {attempt.elapsed_s % 60} s.")
    if attempt.cosigned_by_id:
        lines.append(f"Co-signed by {attempt.cosigned_by}.")
    lines += ["", "Steps observed:", *_steps_narrative(test, attempt.observations or {})]
    evidence = [
        ob.evidence(
            name="Observed performance",
            narrative="\n".join(lines),
            genre="Performance observation",
            audience=session.cohort or None,
        )
    ]
    for digest in attempt.evidence_hashes or []:
        if isinstance(digest, str) and len(digest) == 64:
            evidence.append(
                ob.evidence(
                    id=f"urn:sha256:{digest.lower()}",
                    name="Photograph of the work (SHA-256 of the file)",
                    genre="Photograph",
                )
            )
    return evidence


def attempt_credential(
    *,
    attempt: Attempt,
    credential_id: str,
    issuer: Json,
    achievement: Json,
    subject: str | Json,
    status_entry: Json,
    certification_credential_id: str | None,
) -> Json:
    """The unsigned ``AchievementCredential`` for a passed attempt."""
    months = attempt.micro_credential_version.validity_months
    valid_from = attempt.observed_at
    credential = ob.achievement_credential(
        id=credential_id,
        issuer=issuer,
        subject=subject,
        achievement=achievement,
        valid_from=iso(valid_from),
        valid_until=iso(add_months(valid_from, months)) if months else None,
        result=attempt_results(attempt=attempt, achievement=achievement),
        evidence=attempt_evidence(
            attempt=attempt, certification_credential_id=certification_credential_id
        ),
        credential_status=status_entry,
        credential_type="AchievementCredential",
    )
    return credential


def certification_credential(
    *,
    certification: EvaluatorCertification,
    credential_id: str,
    issuer: Json,
    subject: str | Json,
    status_entry: Json,
) -> Json:
    """An evaluator's certification to evaluate one micro-credential, for its dates."""
    micro_credential = certification.micro_credential
    latest = micro_credential.versions.order_by("-number").first()
    title = latest.name if latest else micro_credential.slug
    catalog_url = f"{settings.SITE_URL}/catalog/{micro_credential.issuer.slug}/"
    achievement = ob.achievement(
        id=f"{catalog_url}{micro_credential.slug}/evaluators/",
        name=f"Certified evaluator: {title}",
        description=(
            f"Certified by {micro_credential.issuer.name} to observe and judge learners' "
            f"performance tests for {title}."
        ),
        criteria_narrative=(
            "Granted by the issuer to evaluators it has trained and checked; valid only "
            "between the dates of this credential and while it is not revoked."
        ),
        achievement_type="Certification",
        creator=issuer,
    )
    credential = ob.achievement_credential(
        id=credential_id,
        issuer=issuer,
        subject=subject,
        achievement=achievement,
        valid_from=iso(start_of(certification.valid_from)),
        valid_until=iso(start_of(certification.valid_until).replace(hour=23, minute=59, second=59)),
        credential_status=status_entry,
        credential_type="AchievementCredential",
        name=f"Certified evaluator: {title}",
    )
    return credential
