"""The demo's micro-credentials: three lab skills of the certifying institute, each with a
realistic evaluator checklist (critical steps marked) and a communication rubric.

Written as plain data so that a reader can review the checklists like a lab manager would.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

COMMUNICATION_LEVELS = ["Beginning", "Developing", "Proficient", "Exemplary"]


def _check(key: str, title: str, *, critical: bool = False) -> dict[str, Any]:
    return {"key": key, "title": title, "kind": "check", "critical": critical}


def _communication(key: str = "explains") -> dict[str, Any]:
    return {
        "key": key,
        "title": "Explains each step and why it matters, in plain words",
        "kind": "rubric",
        "levels": COMMUNICATION_LEVELS,
        "min_level": 3,
    }


@dataclass(frozen=True)
class DemoSkill:
    code: str
    label: str
    description: str


@dataclass(frozen=True)
class DemoMicroCredential:
    slug: str
    name: str
    description: str
    criteria: str
    level: str
    credits: Decimal
    validity_months: int
    tags: tuple[str, ...]
    skills: tuple[str, ...]  # DemoSkill codes
    performance_test: dict[str, Any]


SKILLS = (
    DemoSkill(
        "lab-safety", "Laboratory safety", "Works safely with chemical and biological hazards."
    ),
    DemoSkill("ppe", "Personal protective equipment", "Selects, dons and doffs PPE correctly."),
    DemoSkill("aseptic", "Aseptic technique", "Keeps cultures and media free of contamination."),
    DemoSkill(
        "biosafety-cabinet", "Biosafety cabinet use", "Prepares and works in a class II BSC."
    ),
    DemoSkill("micropipetting", "Micropipetting", "Measures small volumes accurately."),
    DemoSkill("gdp", "Good documentation practice", "Records work contemporaneously and legibly."),
    DemoSkill("communication", "Technical communication", "Explains procedures clearly."),
)

LAB_SAFETY = DemoMicroCredential(
    slug="lab-safety",
    name="Lab Safety",
    description="Works safely in a BSL-1/BSL-2 teaching or production laboratory.",
    criteria=(
        "Observed by a certified evaluator while preparing a bench for work with a BSL-1 "
        "organism and a corrosive reagent, handling a simulated spill and closing down."
    ),
    level="Foundational",
    credits=Decimal("0.5"),
    validity_months=36,
    tags=("safety", "foundations"),
    skills=("lab-safety", "ppe", "gdp", "communication"),
    performance_test={
        "steps": [
            _check("sds", "Locates the safety data sheet for the reagent and names its hazards"),
            _check("ppe-select", "Selects the PPE the hazards call for", critical=True),
            _check("ppe-don", "Dons lab coat, safety glasses and gloves in the right order"),
            _check("exits", "Points out the eyewash, safety shower, exits and spill kit"),
            _check("bench-decon", "Decontaminates the bench before work", critical=True),
            _check("labels", "Labels every container with content, date and initials"),
            _check("no-mouth", "Never mouth-pipettes, eats, drinks or touches face"),
            _check(
                "spill",
                "Responds to the simulated spill: alert, contain, clean, report",
                critical=True,
            ),
            _check(
                "waste", "Segregates biological, chemical and sharps waste correctly", critical=True
            ),
            _check("doff", "Doffs gloves without touching the outside and washes hands"),
            _check("logbook", "Records the work and the spill in the logbook (GDP)"),
            _communication(),
        ],
        "rule": {"min_other_checks": 5, "time_limit_s": 1800},
    },
)

ASEPTIC = DemoMicroCredential(
    slug="aseptic-technique",
    name="Aseptic Technique",
    description="Transfers cultures and media in a biosafety cabinet without contaminating them.",
    criteria=(
        "Observed by a certified evaluator while subculturing a broth culture to a plate and a "
        "fresh broth in a class II biosafety cabinet; both must show no contamination at 48 h."
    ),
    level="Intermediate",
    credits=Decimal("1.0"),
    validity_months=24,
    tags=("aseptic", "upstream", "microbiology"),
    skills=("aseptic", "biosafety-cabinet", "gdp", "communication"),
    performance_test={
        "steps": [
            _check("bsc-start", "Starts the cabinet and lets it purge for the required time"),
            _check(
                "bsc-wipe", "Wipes the work surface with 70% ethanol, back to front", critical=True
            ),
            _check("layout", "Arranges clean and dirty areas; keeps the grille clear"),
            _check("wipe-items", "Wipes every item before it goes into the cabinet"),
            _check("sash", "Works at the right sash height, 10 cm inside the front grille"),
            _check("no-cross", "Never passes hands or items over open containers", critical=True),
            _check("caps", "Holds caps facing down and never sets them on the surface"),
            _check("loop", "Flames or uses a sterile loop and cools it before touching culture"),
            _check(
                "transfer",
                "Transfers culture to plate and broth without touching rims",
                critical=True,
            ),
            _check("label", "Labels plate and tube with organism, date and initials"),
            _check("clean-down", "Cleans down and disposes of waste in biohazard bags"),
            _check("record", "Records lot numbers and times in the batch record"),
            _communication(),
        ],
        "rule": {"min_other_checks": 7, "time_limit_s": 2400},
    },
)

PIPETTING = DemoMicroCredential(
    slug="pipetting",
    name="Pipetting",
    description="Measures volumes from 2 µL to 1000 µL accurately and precisely.",
    criteria=(
        "Observed by a certified evaluator while dispensing a gravimetric series with P20, "
        "P200 and P1000 pipettes; mean within ±2% of target and CV under 1%."
    ),
    level="Foundational",
    credits=Decimal("0.5"),
    validity_months=36,
    tags=("pipetting", "QC", "foundations"),
    skills=("micropipetting", "gdp", "communication"),
    performance_test={
        "steps": [
            _check(
                "choose",
                "Chooses the smallest pipette whose range covers the volume",
                critical=True,
            ),
            _check("calibration", "Checks the calibration sticker is in date"),
            _check("set-volume", "Sets the volume by turning past it and back"),
            _check("tip", "Attaches a fresh tip firmly without touching it", critical=True),
            _check("pre-wet", "Pre-wets the tip three times"),
            _check("vertical", "Holds the pipette vertical when aspirating"),
            _check(
                "first-stop",
                "Aspirates to the first stop, slowly, tip just below surface",
                critical=True,
            ),
            _check("angle", "Dispenses against the vessel wall at about 45 degrees"),
            _check("blow-out", "Dispenses to the second stop to blow out"),
            _check("eject", "Ejects the tip into waste, never reuses it"),
            _check("accuracy", "Gravimetric mean within ±2% and CV under 1%", critical=True),
            _check("record", "Records weights in the worksheet as they are read"),
            _communication(),
        ],
        "rule": {"min_other_checks": 6, "time_limit_s": 1800},
    },
)

MICRO_CREDENTIALS = (LAB_SAFETY, ASEPTIC, PIPETTING)
