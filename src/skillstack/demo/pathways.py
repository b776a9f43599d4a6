"""Demo: a vertical and a horizontal pathway, certificates earned, an articulation agreement.

* Northfield's **Lab Skills** (vertical): Level 1 = Lab Safety and Pipetting, Level 2 =
  Aseptic Technique.
* Northfield's **Biomanufacturing Foundations** (horizontal): any 3 of 5 micro-credentials;
  Cedar Valley CC's *Cleanroom Practices* course badge is accepted for Cleanroom Gowning.
* One learner completed it (Lab Safety and Aseptic Technique from the sessions, the college's
  cleanroom course) and holds the certificate; another is one credential short.
* Cedar Valley CC counts the credentials and the certificate toward its Biotechnology
  Certificate, up to half of it; the learner who completed shares their credit with it.

Everything goes through the services; a second run finds it in place.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from obcore import credentials as ob
from skillstack.accounts.models import Organization, User
from skillstack.catalog import services as catalog
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion
from skillstack.demo.catalog_data import MICRO_CREDENTIALS
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.issuing import documents
from skillstack.issuing.issuance import CredentialDraft, credential_issue_one
from skillstack.pathways import credit, services
from skillstack.pathways.certificates import learner_pathways_check
from skillstack.pathways.models import (
    ArticulationAgreement,
    CreditRecommendation,
    Pathway,
    PathwayStatus,
)

INSTITUTE = "northfield-institute"
COLLEGE = "cedar-valley-cc"
DESIGNER = "mei.tanaka@northfield.example"
COLLEGE_ADMIN = "grace.mwangi@cedarvalley.example"
COMPLETER = LEARNER_NAMES[12]  # Lab Safety + Aseptic Technique from the demo sessions
ONE_SHORT = LEARNER_NAMES[13]  # the same two, no third yet
RECOMMENDER = "Regional Credit Review Council"
PROGRAM = "Biotechnology Certificate"

NEW_MICRO_CREDENTIALS = (
    (INSTITUTE, "gmp-documentation", "GMP Documentation", "Records batch work to GMP standards."),
    (INSTITUTE, "cleanroom-gowning", "Cleanroom Gowning", "Gowns for an ISO 7 cleanroom."),
    (COLLEGE, "cleanroom-practices", "Cleanroom Practices (BIOT 115)", "Works in a cleanroom."),
)


def _by_slug(issuer: Organization, slug: str) -> MicroCredential | None:
    return MicroCredential.objects.filter(issuer=issuer, slug=slug).first()


def _micro_credential(issuer: Organization, actor: User, slug: str, name: str, what: str) -> Any:
    existing = _by_slug(issuer, slug)
    if existing is not None:
        return existing
    template = MICRO_CREDENTIALS[0]  # the lab-safety checklist's shape
    version = catalog.micro_credential_create(
        issuer=issuer,
        actor=actor,
        slug=slug,
        name=name,
        description=f"{what} Observed by a certified evaluator.",
        criteria="Performs every critical step in front of a certified evaluator.",
        performance_test=template.performance_test,
        level="Foundational",
        credits_available=Decimal("1.0"),
    )
    catalog.micro_credential_publish(micro_credential=version.micro_credential, actor=actor)
    return version.micro_credential


def _pathway(owner: Organization, actor: User, **fields: Any) -> Pathway:
    existing = Pathway.objects.filter(owner=owner, slug=fields["slug"]).first()
    if existing is None:
        existing = services.pathway_create(owner=owner, actor=actor, **fields)
    if existing.status == PathwayStatus.DRAFT:
        existing = services.pathway_publish(pathway=existing, actor=actor)
    return existing


def _course_badge(version: MicroCredentialVersion, learner: User, college: Organization) -> None:
    """The college's badge for its cleanroom course, issued through the one-credential path."""

    def build(draft: CredentialDraft) -> dict[str, Any]:
        return ob.achievement_credential(
            id=draft.credential_id,
            issuer=draft.issuer,
            subject=draft.subject,
            achievement=documents.version_achievement(version=version),
            valid_from=documents.iso(timezone.now() - timedelta(days=20)),
            evidence=[
                ob.evidence(
                    name="Course completion",
                    narrative="Completed BIOT 115 Cleanroom Practices with a passing lab "
                    "practical (gowning, airflow, particle counts).",
                    genre="Course completion",
                )
            ],
            credential_status=draft.status_entry,
            credential_type="AchievementCredential",
        )

    credential_issue_one(
        organization=college,
        recipient=learner,
        idempotency_key=f"demo:course:{version.pk}:learner:{learner.pk}",
        build=build,
        source="course",
        micro_credential_version=version,
    )


def _latest(mc: MicroCredential) -> MicroCredentialVersion:
    return mc.versions.order_by("-number").first()  # type: ignore[return-value]


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    institute, college = organizations[INSTITUTE], organizations[COLLEGE]
    designer = User.objects.get(email=DESIGNER)
    college_admin = User.objects.get(email=COLLEGE_ADMIN)
    by_slug = {v.micro_credential.slug: v.micro_credential for v in versions}
    actors = {INSTITUTE: designer, COLLEGE: college_admin}
    for org_slug, slug, name, what in NEW_MICRO_CREDENTIALS:
        by_slug[slug] = _micro_credential(
            organizations[org_slug], actors[org_slug], slug, name, what
        )

    def c(slug: str, **extra: Any) -> dict[str, Any]:
        return {"kind": "credential", "micro_credential": by_slug[slug].pk, **extra}

    lab_skills = _pathway(
        institute,
        designer,
        slug="lab-skills",
        title="Lab Skills",
        description="Level 1: work safely and measure accurately. Level 2: keep cultures clean.",
        kind="vertical",
        definition={
            "kind": "sequence",
            "items": [
                {"kind": "all", "label": "Level 1", "items": [c("lab-safety"), c("pipetting")]},
                {"kind": "all", "label": "Level 2", "items": [c("aseptic-technique")]},
            ],
        },
    )
    foundations = _pathway(
        institute,
        designer,
        slug="biomanufacturing-foundations",
        title="Biomanufacturing Foundations",
        description="Breadth across the lab and the cleanroom: any three of five credentials.",
        kind="horizontal",
        definition={
            "kind": "any",
            "k": 3,
            "items": [
                c("lab-safety"),
                c("aseptic-technique"),
                c("pipetting"),
                c("gmp-documentation"),
                c(
                    "cleanroom-gowning",
                    accepts=[{"micro_credential": by_slug["cleanroom-practices"].pk}],
                ),
            ],
        },
    )
    completer = User.objects.get(email=learner_email(COMPLETER))
    _course_badge(_latest(by_slug["cleanroom-practices"]), completer, college)
    for name in (COMPLETER, ONE_SHORT):
        learner_pathways_check(learner=User.objects.get(email=learner_email(name)))

    for slug, credits in (("lab-safety", "1"), ("aseptic-technique", "3"), ("pipetting", "1")):
        if CreditRecommendation.objects.filter(
            micro_credential=by_slug[slug], recommending_body=RECOMMENDER
        ).exists():
            continue
        credit.credit_recommendation_record(
            micro_credential=by_slug[slug],
            actor=designer,
            recommending_body=RECOMMENDER,
            credits=credits,
            level="Lower-division associate",
        )
    if not ArticulationAgreement.objects.filter(college=college, program=PROGRAM).exists():
        credit.articulation_create(
            college=college,
            actor=college_admin,
            program=PROGRAM,
            program_credits="16",
            cap_credits="8",
            items=[
                {
                    "micro_credential": by_slug["lab-safety"].pk,
                    "credits": "1",
                    "course": "BIOT 101",
                },
                {"micro_credential": by_slug["pipetting"].pk, "credits": "1", "course": "BIOT 102"},
                {
                    "micro_credential": by_slug["aseptic-technique"].pk,
                    "credits": "3",
                    "course": "BIOT 120",
                },
                {"pathway": foundations.pk, "credits": "4", "course": "BIOT 110"},
                {"pathway": lab_skills.pk, "credits": "2", "course": "BIOT 105"},
            ],
        )
    credit.credit_consent_set(learner=completer, college=college, share=True)
