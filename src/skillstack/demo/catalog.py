"""Demo section: the certifying institute's skills and published micro-credentials."""

from __future__ import annotations

from skillstack.accounts.models import Organization, User
from skillstack.catalog import services as catalog
from skillstack.catalog.models import MicroCredential, MicroCredentialVersion, Skill
from skillstack.demo.catalog_data import MICRO_CREDENTIALS, SKILLS, DemoMicroCredential

INSTITUTE = "northfield-institute"
DESIGNER = "mei.tanaka@northfield.example"


def _skills(institute: Organization) -> dict[str, Skill]:
    skills = {}
    for spec in SKILLS:
        skills[spec.code], _ = Skill.objects.get_or_create(
            organization=institute,
            framework="own",
            code=spec.code,
            defaults={"label": spec.label, "description": spec.description},
        )
    return skills


def _micro_credential(
    spec: DemoMicroCredential, institute: Organization, designer: User, skills: dict[str, Skill]
) -> MicroCredentialVersion:
    existing = MicroCredential.objects.filter(issuer=institute, slug=spec.slug).first()
    if existing is not None:
        return existing.versions.order_by("-number").first()  # type: ignore[return-value]
    version = catalog.micro_credential_create(
        issuer=institute,
        actor=designer,
        slug=spec.slug,
        name=spec.name,
        description=spec.description,
        criteria=spec.criteria,
        performance_test=spec.performance_test,
        skills=[skills[code] for code in spec.skills],
        level=spec.level,
        credits_available=spec.credits,
        validity_months=spec.validity_months,
        tags=list(spec.tags),
    )
    return catalog.micro_credential_publish(
        micro_credential=version.micro_credential, actor=designer
    )


def catalog_load(*, organizations: dict[str, Organization]) -> list[MicroCredentialVersion]:
    """Lab Safety, Aseptic Technique and Pipetting, published by the certifying institute."""
    institute = organizations[INSTITUTE]
    designer = User.objects.get(email=DESIGNER)
    skills = _skills(institute)
    return [_micro_credential(spec, institute, designer, skills) for spec in MICRO_CREDENTIALS]
