"""Demo: the sample ESCO and O*NET taxonomy, two equivalences, and six published openings of
the two employers.

The openings ask for the skills the institute's micro-credentials prove (directly, or through
an ESCO skill the alliance declared equivalent), except one ESCO skill no micro-credential
covers (good manufacturing practice) and one preferred skill (ELISA) nobody teaches yet; the QC
associate opening requires a degree although every skill it asks for is verifiable.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog import equivalences, taxonomy_selectors
from skillstack.catalog.management.commands.taxonomy import SAMPLE_FILES
from skillstack.catalog.models import MicroCredentialVersion, Skill
from skillstack.catalog.taxonomy_import import taxonomy_import
from skillstack.jobs import selectors, services
from skillstack.jobs.models import OpeningStatus
from skillstack.jobs.services import SkillAsk

COALITION_ADMIN = "ines.moreau@lsca.example"  # codespell:ignore ines
RECRUITERS = {
    "helix-ridge": "keisha.brooks@helixridge.example",
    "meridian-cell": "aiden.park@meridiancell.example",
}
ESCO_GMP = "apply good manufacturing practices"
ESCO_PIPETTES = "use micropipettes"
ESCO_ASEPTIC = "use aseptic technique"
ESCO_ELISA = "perform ELISA"
EQUIVALENT = ((ESCO_PIPETTES, "micropipetting"), (ESCO_ASEPTIC, "aseptic"))
"""ESCO label → the institute's own skill code that means the same."""


@dataclass(frozen=True)
class DemoOpening:
    key: str
    employer: str
    title: str
    occupation: str
    location: str
    shift: str
    wage: tuple[str, str]
    degree: str
    positions: int
    closes_in_days: int
    required: tuple[str, ...]  # own skill codes, or "esco:<label>"
    preferred: tuple[str, ...]
    description: str
    remote: str = "on_site"


OPENINGS = (
    DemoOpening(
        "helix-lab-tech-1",
        "helix-ridge",
        "Laboratory Technician I (entry level)",
        "19-4021.00",
        "Thousand Oaks, CA",
        "day",
        ("21.00", "25.00"),
        "none",
        2,
        60,
        ("lab-safety", "micropipetting"),
        ("gdp",),
        "Join our analytical lab supporting antibody manufacturing. You will prepare samples, "
        "run routine assays with accurate micropipetting, keep the lab safe and clean, and "
        "record every step following good documentation practice. No degree needed: show us "
        "your verified lab skills.",
    ),
    DemoOpening(
        "helix-mfg-associate",
        "helix-ridge",
        "Manufacturing Associate, Upstream",
        "51-9011.00",
        "Thousand Oaks, CA",
        "night",
        ("23.50", "29.00"),
        "none",
        4,
        45,
        ("aseptic", "gdp", f"esco:{ESCO_GMP}"),
        ("ppe",),
        "Operate bioreactors and prepare media in a GMP suite on the night shift. Strict "
        "aseptic technique, cleanroom gowning and batch record documentation are daily work; "
        "you will follow cGMP and standard operating procedures.",
    ),
    DemoOpening(
        "helix-qc-associate",
        "helix-ridge",
        "QC Associate, Microbiology",
        "19-4021.00",
        "Thousand Oaks, CA",
        "day",
        ("26.00", "32.00"),
        "required",
        1,
        75,
        ("aseptic", "biosafety-cabinet", f"esco:{ESCO_PIPETTES}"),
        ("communication",),
        "Test in-process and release samples for bioburden and endotoxin. Work in a biosafety "
        "cabinet with sterile technique, pipette accurately, and explain results to "
        "production. A bachelor's degree in a life science is required.",
    ),
    DemoOpening(
        "meridian-cell-tech",
        "meridian-cell",
        "Cell Therapy Manufacturing Technician",
        "51-9011.00",
        "Camarillo, CA",
        "rotating",
        ("25.00", "31.00"),
        "none",
        3,
        50,
        ("aseptic", "biosafety-cabinet", "ppe"),
        ("gdp",),
        "Manufacture autologous cell therapies in ISO 7 cleanrooms: aseptic processing in a "
        "biosafety cabinet, correct PPE and gowning, and good documentation practice on every "
        "batch. Rotating shifts.",
    ),
    DemoOpening(
        "meridian-cleanroom-support",
        "meridian-cell",
        "Cleanroom Support Technician",
        "51-9061.00",
        "Camarillo, CA",
        "weekend",
        ("20.00", "24.00"),
        "none",
        2,
        40,
        ("ppe", "lab-safety"),
        ("gdp", "communication"),
        "Keep our GMP suites stocked and clean on weekends: gowning, material transfers, "
        "environmental monitoring support and laboratory safety routines.",
    ),
    DemoOpening(
        "meridian-qc-lab-assistant",
        "meridian-cell",
        "Quality Control Lab Assistant",
        "19-4021.00",
        "Camarillo, CA",
        "day",
        ("22.00", "27.00"),
        "preferred",
        1,
        90,
        ("micropipetting", "gdp", "lab-safety"),
        (f"esco:{ESCO_ELISA}",),
        "Support QC testing: sample preparation, micropipetting, ELISA plates and careful lab "
        "records. A degree is welcome but not needed.",
        remote="on_site",
    ),
)


def _taxonomy() -> None:
    admin = User.objects.filter(email=COALITION_ADMIN).first()
    for framework, paths in SAMPLE_FILES.items():
        for path in paths:
            with path.open("rb") as file:
                report = taxonomy_import(framework=framework, file=file, actor=admin)
            if not report.ok:
                raise RuntimeError(f"Demo taxonomy {path.name}: {report.errors[0]}")


def _esco(label: str) -> Skill:
    skill = Skill.objects.filter(organization=None, framework="esco", label=label).first()
    if skill is None:
        raise RuntimeError(f"The demo taxonomy has no ESCO skill '{label}'")
    return skill


def _equivalences(organizations: dict[str, Organization], own: dict[str, Skill]) -> None:
    coalition = next(o for o in organizations.values() if o.kind == "coalition")
    admin = User.objects.filter(email=COALITION_ADMIN).first()
    for esco_label, code in EQUIVALENT:
        esco, mine = _esco(esco_label), own[code]
        declared = taxonomy_selectors.equivalent_skill_ids(skill_ids={esco.pk})[esco.pk]
        if mine.pk not in declared:
            equivalences.equivalence_declare(
                organization=coalition,
                actor=admin,
                skill_a=esco,
                skill_b=mine,
                note="Same skill: the institute's checklist assesses the ESCO description.",
            )


def _skill(ref: str, own: dict[str, Skill]) -> Skill:
    return _esco(ref.removeprefix("esco:")) if ref.startswith("esco:") else own[ref]


def _opening(
    spec: DemoOpening, organizations: dict[str, Organization], own: dict[str, Skill]
) -> None:
    employer = organizations[spec.employer]
    if selectors.openings_of(organization=employer).filter(source_key=spec.key).exists():
        return
    recruiter = User.objects.get(email=RECRUITERS[spec.employer])
    asks = [SkillAsk(_skill(ref, own), True, 1) for ref in spec.required]
    asks += [SkillAsk(_skill(ref, own), False, 1) for ref in spec.preferred]
    opening = services.opening_create(
        organization=employer,
        actor=recruiter,
        title=spec.title,
        description=spec.description,
        occupation_scheme="onet",
        occupation_code=spec.occupation,
        location=spec.location,
        remote=spec.remote,
        shift=spec.shift,
        wage_min=spec.wage[0],
        wage_max=spec.wage[1],
        positions=spec.positions,
        degree_requirement=spec.degree,
        closing_date=timezone.localdate() + datetime.timedelta(days=spec.closes_in_days),
        skills=asks,
        source_key=spec.key,
    )
    if opening.status != OpeningStatus.OPEN:
        services.opening_publish(opening=opening, actor=recruiter)


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    """Taxonomy, equivalences and openings; each is looked up first, so a re-run adds nothing."""
    own = {skill.code: skill for version in versions for skill in version.skills.all()}
    _taxonomy()
    _equivalences(organizations, own)
    for spec in OPENINGS:
        _opening(spec, organizations, own)
