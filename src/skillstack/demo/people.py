"""The demo's cast: fixed, clearly fictional names (any likeness to real people is chance).

Kept as data so the demo is deterministic: the same people, e-mails and roles every time.
E-mail addresses use the reserved ``.example`` top-level domain, which can never deliver mail.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoOrg:
    slug: str
    name: str
    kind: str
    issuer_type: str = ""
    website: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class DemoPerson:
    email: str
    full_name: str
    org_slug: str
    role: str


COALITION = DemoOrg(
    slug="lsca",
    name="Life Sciences Career Alliance",
    kind="coalition",
    website="https://lsca.example",
    description="Runs Skillstack for the region's life-sciences employers, schools and funders.",
)

ISSUERS = (
    DemoOrg(
        slug="northfield-institute",
        name="Northfield Bioprocess Certification Institute",
        kind="issuer",
        issuer_type="certifying_institute",
        website="https://northfield-institute.example",
        description="Certifies evaluators and designs performance-based credentials.",
    ),
    DemoOrg(
        slug="bioforge",
        name="BioForge 8-Week Biomanufacturing Program",
        kind="issuer",
        issuer_type="training_provider",
        website="https://bioforge.example",
        description="An 8-week, hands-on upstream and downstream biomanufacturing program.",
    ),
    DemoOrg(
        slug="cedar-valley-cc",
        name="Cedar Valley Community College",
        kind="issuer",
        issuer_type="college",
        website="https://cedarvalley.example",
        description="Biotechnology certificate and associate degree programs.",
    ),
)

EMPLOYERS = (
    DemoOrg(
        slug="helix-ridge",
        name="Helix Ridge Biologics",
        kind="employer",
        website="https://helixridge.example",
        description="A fictional contract manufacturer of monoclonal antibodies.",
    ),
    DemoOrg(
        slug="meridian-cell",
        name="Meridian Cell Therapeutics",
        kind="employer",
        website="https://meridiancell.example",
        description="A fictional cell-therapy manufacturer with two GMP suites.",
    ),
)

FUNDERS = (
    DemoOrg(
        slug="greenway-foundation",
        name="Greenway Workforce Foundation",
        kind="funder",
        website="https://greenway.example",
        description="A fictional foundation funding training that leads to good jobs.",
    ),
)

STAFF = (
    DemoPerson(
        "ines.moreau@lsca.example",  # codespell:ignore ines
        "Inès Moreau",
        "lsca",
        "coalition_admin",
    ),
    DemoPerson("dev.raman@lsca.example", "Dev Raman", "lsca", "career_navigator"),
    DemoPerson(
        "olu.adeyemi@northfield.example", "Olu Adeyemi", "northfield-institute", "org_admin"
    ),
    DemoPerson(
        "mei.tanaka@northfield.example",
        "Mei Tanaka",
        "northfield-institute",
        "credential_designer",
    ),
    DemoPerson(
        "rafael.quintero@northfield.example",
        "Rafael Quintero",
        "northfield-institute",
        "evaluator",
    ),
    DemoPerson(
        "hannah.lindqvist@northfield.example",
        "Hannah Lindqvist",
        "northfield-institute",
        "evaluator",
    ),
    DemoPerson("tomas.bergstrom@bioforge.example", "Tomás Bergström", "bioforge", "org_admin"),
    DemoPerson("grace.mwangi@cedarvalley.example", "Grace Mwangi", "cedar-valley-cc", "org_admin"),
    DemoPerson("samir.haddad@helixridge.example", "Samir Haddad", "helix-ridge", "org_admin"),
    DemoPerson("keisha.brooks@helixridge.example", "Keisha Brooks", "helix-ridge", "recruiter"),
    DemoPerson(
        "lucia.ferreira@meridiancell.example", "Lucía Ferreira", "meridian-cell", "org_admin"
    ),
    DemoPerson("aiden.park@meridiancell.example", "Aiden Park", "meridian-cell", "recruiter"),
    DemoPerson(
        "nadia.petrova@greenway.example", "Nadia Petrova", "greenway-foundation", "org_admin"
    ),
    DemoPerson(
        "marcus.oyelaran@greenway.example",
        "Marcus Oyelaran",
        "greenway-foundation",
        "funder_analyst",
    ),
)

LEARNER_NAMES = (
    "Amara Okonkwo",
    "Luis Castañeda",
    "Priya Venkataraman",
    "Jamal Whitfield",
    "Sofia Marchetti",
    "Nguyen Thi Lan",  # codespell:ignore thi
    "Ethan Blackfeather",
    "Fatima Al-Sayed",
    "Mateo Rivas",
    "Hana Kobayashi",
    "Daniel Osei",
    "Ingrid Solberg",
    "Carlos Mendoza Ruiz",
    "Aisha Bello",
    "Wei Zhang",
    "Rosa Delgado",
    "Kwame Asante",
    "Elena Popescu",
    "Tyrone Jefferson",
    "Leila Haddadi",
    "Jonah Kealoha",
    "Maria José Pinto",
    "Arjun Malhotra",
    "Chloe Dubois",
    "Yusuf Demir",
    "Naomi Goldberg",
    "Santiago Herrera",
    "Zainab Mohammed",
    "Oliver Kowalski",
    "Mariana Silva Costa",
)
"""Thirty learners; their e-mails are derived from the names (see ``learner_email``)."""


def learner_email(full_name: str) -> str:
    """``Luis Castañeda`` → ``luis.castaneda@learners.example`` (ASCII, dots, lower case)."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode()
    local = ".".join(part for part in ascii_name.lower().replace("-", " ").split())
    return f"{local}@learners.example"
