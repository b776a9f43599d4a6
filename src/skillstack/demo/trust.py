"""Demo: recognised issuers, one external issuer waiting for review, the alliance endorsing the
institute's micro-credentials, and a learner holding an imported external badge.

The external badge is real: an OB 3.0 credential signed by "Harbor Lab Academy", an issuer
outside the platform identified by a did:key. Its key is derived from a fixed seed so the
demo is the same every run (a demo shortcut: a real issuer keeps its key secret and random).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import obcore.credentials as ob
from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import OrgKind
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.demo.people import COALITION, LEARNER_NAMES, learner_email
from skillstack.issuing.documents import micro_credential_url
from skillstack.trust import imports, services
from skillstack.trust.models import RegistryEntry

EXTERNAL_SEED = hashlib.sha256(b"skillstack-demo:harbor-lab-academy").digest()
EXTERNAL_NAME = "Harbor Lab Academy"
PENDING_ISSUER = "did:web:tidewater-bioscience.example"
BADGE_ID = "urn:uuid:5c0f6a2e-7d1b-4c7e-9f43-2b8e1d0a6c11"  # fixed: the demo is idempotent


def _coalition_admin() -> User:
    return User.objects.get(email="ines.moreau@lsca.example")  # codespell:ignore ines


def _recognise_platform_issuers(organizations: dict[str, Organization], admin: User) -> None:
    for organization in organizations.values():
        if organization.kind != OrgKind.ISSUER:
            continue
        entry = services.registry_apply_platform(actor=admin, organization=organization)
        services.registry_approve(actor=admin, entry=entry)


def _pending_external(admin: User) -> None:
    if RegistryEntry.objects.filter(issuer_id=PENDING_ISSUER).exists():
        return
    services.registry_apply(
        actor=admin,
        issuer_id=PENDING_ISSUER,
        name="Tidewater Bioscience Training",
        contact_email="credentials@tidewater-bioscience.example",
        website="https://tidewater-bioscience.example",
        statement="Short courses in GMP documentation for new hires; asks to be recognised.",
    )


def _endorse(coalition: Organization, admin: User, versions: list[MicroCredentialVersion]) -> None:
    for version in versions:
        micro_credential = version.micro_credential
        if micro_credential.issuer.slug != "northfield-institute":
            continue
        services.endorsement_issue(
            actor=admin,
            endorser=coalition,
            kind="achievement",
            subject_id=micro_credential_url(
                micro_credential=micro_credential, number=version.number
            ),
            subject_name=version.name,
            comment="Assessed against the alliance's bench standard by certified evaluators.",
        )


def external_badge(*, email: str) -> dict[str, object]:
    """The signed external credential the demo learner imports (same bytes every run)."""
    key = Ed25519KeyPair.from_seed(EXTERNAL_SEED)
    achievement = ob.achievement(
        id="https://harbor-lab.example/badges/cell-counting",
        name="Cell Counting with a Hemocytometer",
        description="Counts viable cells with a hemocytometer and trypan blue.",
        criteria_narrative="Three counts within 10% of the instructor's, observed in the lab.",
        alignments=[
            ob.alignment(
                target_name="Count cells",
                target_url="https://harbor-lab.example/skills/cell-counting",
            )
        ],
    )
    unsigned = ob.achievement_credential(
        id=BADGE_ID,
        issuer={"id": key.did, "type": ["Profile"], "name": EXTERNAL_NAME},
        subject=ob.hashed_email_identifier(email=email, salt="harbor-demo"),
        achievement=achievement,
        valid_from="2025-09-15T09:00:00Z",
    )
    created = datetime(2025, 9, 15, 9, 0, tzinfo=UTC).isoformat().replace("+00:00", "Z")
    return proof_add(
        unsigned, key=key, verification_method=key.verification_method, created=created
    )


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    admin = _coalition_admin()
    coalition = organizations[COALITION.slug]
    _recognise_platform_issuers(organizations, admin)
    _pending_external(admin)
    _endorse(coalition, admin, versions)
    learner = User.objects.get(email=learner_email(LEARNER_NAMES[0]))
    imports.imported_credential_add(actor=learner, data=external_badge(email=learner.email))
