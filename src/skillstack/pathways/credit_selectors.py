"""Credit toward degrees (reads): a learner's credit per program, a college's incoming learners.

Per program: every item of the agreement the learner holds verified now counts once (a
micro-credential by a verified holding of it, a pathway by a certificate that is active and
not revoked after review); the sum is capped by the agreement's cap.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import IssuerType, OrgKind
from skillstack.issuing.models import CredentialState
from skillstack.pathways.engine import Held
from skillstack.pathways.models import (
    ArticulationAgreement,
    ArticulationItem,
    CreditConsent,
    CreditRecommendation,
    PathwayCompletion,
    ReviewState,
)
from skillstack.pathways.selectors import learner_held


@dataclass(frozen=True)
class CreditLine:
    item: ArticulationItem
    evidence: str  # the credential or certificate that earns it


@dataclass
class ProgramCredit:
    agreement: ArticulationAgreement
    lines: list[CreditLine] = field(default_factory=list)

    @property
    def earned(self) -> Decimal:
        return sum((line.item.credits for line in self.lines), Decimal(0))

    @property
    def awarded(self) -> Decimal:
        return min(self.earned, self.agreement.cap_credits)

    @property
    def capped(self) -> bool:
        return self.earned > self.agreement.cap_credits


def colleges() -> QuerySet[Organization]:
    return Organization.objects.filter(kind=OrgKind.ISSUER, issuer_type=IssuerType.COLLEGE)


def agreements(*, college: Organization | None = None) -> QuerySet[ArticulationAgreement]:
    found = ArticulationAgreement.objects.select_related("college").prefetch_related(
        "items__micro_credential", "items__pathway"
    )
    return found.filter(college=college) if college is not None else found.all()


def _certificates(user: Any) -> dict[int, str]:
    """Pathway → the name of the learner's certificate that still stands."""
    rows = PathwayCompletion.objects.filter(
        learner=user,
        certificate__state=CredentialState.ACTIVE,
        review_state__in=(ReviewState.CURRENT, ReviewState.KEPT, ReviewState.FLAGGED),
    ).select_related("certificate")
    return {c.pathway_id: c.certificate.name for c in rows if c.certificate is not None}


def _program(
    agreement: ArticulationAgreement, held: list[Held], certs: dict[int, str]
) -> ProgramCredit:
    by_mc: dict[int, Held] = {}
    for h in held:
        if h.micro_credential_id is not None:
            by_mc.setdefault(h.micro_credential_id, h)
    credit = ProgramCredit(agreement)
    for item in agreement.items.all():
        if item.micro_credential_id in by_mc:
            h = by_mc[item.micro_credential_id]
            credit.lines.append(CreditLine(item, f"{h.name} ({h.issuer_name})"))
        elif item.pathway_id in certs:
            credit.lines.append(CreditLine(item, certs[item.pathway_id]))
    return credit


def learner_credit(
    *, user: Any, college: Organization | None = None, now: datetime.datetime | None = None
) -> list[ProgramCredit]:
    """The learner's credit toward every program (or one college's), verified now."""
    held = learner_held(user=user, now=now)
    certs = _certificates(user)
    return [_program(a, held, certs) for a in agreements(college=college)]


def consenting_learners(*, college: Organization) -> QuerySet[User]:
    ids = CreditConsent.objects.filter(college=college, withdrawn_at__isnull=True).values(
        "learner_id"
    )
    return User.objects.filter(pk__in=ids).order_by("full_name", "email")


def consents_of(*, user: Any) -> dict[int, CreditConsent]:
    return {
        c.college_id: c
        for c in CreditConsent.objects.filter(learner=user, withdrawn_at__isnull=True)
    }


@dataclass(frozen=True)
class IncomingLearner:
    learner: User
    programs: list[ProgramCredit]


def incoming_learners(*, college: Organization) -> list[IncomingLearner]:
    """Consenting learners and their verified credit toward the college's programs."""
    return [
        IncomingLearner(user, learner_credit(user=user, college=college))
        for user in consenting_learners(college=college)
    ]


CSV_HEADER = [
    "learner",
    "email",
    "program",
    "course",
    "credits",
    "earned by",
    "program total awarded",
]


def incoming_csv(*, college: Organization) -> str:
    """The registrar's file: one row per credited item, with the capped total per program."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for incoming in incoming_learners(college=college):
        for program in incoming.programs:
            for line in program.lines:
                writer.writerow(
                    [
                        _safe(incoming.learner.full_name),
                        _safe(incoming.learner.email),
                        _safe(program.agreement.program),
                        _safe(line.item.course),
                        str(line.item.credits),
                        _safe(line.evidence),
                        str(program.awarded),
                    ]
                )
    return out.getvalue()


def _safe(text: str) -> str:
    """Spreadsheet-safe: a cell never starts a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def recommendations_for(
    *, micro_credential_ids: list[int]
) -> dict[int, list[CreditRecommendation]]:
    found: dict[int, list[CreditRecommendation]] = {}
    for rec in CreditRecommendation.objects.filter(micro_credential_id__in=micro_credential_ids):
        found.setdefault(rec.micro_credential_id, []).append(rec)
    return found
