"""Issuing credentials: from a final passed attempt, or an evaluator's certification.

One code path for one credential and for ten thousand: ``credential_issue_for_attempt`` is
``credentials_issue_for_attempts`` with a batch of one. A batch unseals the issuer's key once,
builds what its credentials share once (issuer profile, each version's achievement), allocates
status indexes in bulk and stores each chunk in one transaction. Every credential is still
built by the same obcore builders, schema-checked, signed with eddsa-rdfc-2022, audited.

Idempotent: ``IssuedCredential.idempotency_key`` is unique (``attempt:<pk>``,
``certification:<pk>``). A credential already stored is returned as it is; when two
processes race, the loser's transaction rolls back on the unique constraint (its status
indexes with it) and it returns the winner's credential.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from skillstack.accounts.models import LearnerProfile, Organization, User
from skillstack.assessment.models import (
    AssessmentSession,
    Attempt,
    AttemptStatus,
    EvaluatorCertification,
)
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.issuing import documents
from skillstack.issuing.keys import IssuerSigner, issuer_signer
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.signals import credential_issued
from skillstack.issuing.status_lists import StatusSlots, status_slots_allocate

CHUNK_SIZE = 500


def attempt_key(attempt_pk: int) -> str:
    return f"attempt:{attempt_pk}"


def certification_key(certification_pk: int) -> str:
    return f"certification:{certification_pk}"


def _attempt_problem(attempt: Attempt) -> str | None:
    if attempt.status != AttemptStatus.FINAL:
        return (
            "This attempt is not final (it awaits a second evaluator or was corrected); "
            "a credential is issued only for a final result."
        )
    if not attempt.passed:
        return "This attempt did not pass; only a passed performance test earns a credential."
    return None


def learner_profiles(*, users: Sequence[User]) -> dict[int, LearnerProfile]:
    """The learner profiles of ``users`` (by user id), each with its identity salt.

    The salt is made once per learner so their hashed e-mail stays the same across their
    credentials; a conditional update makes two issuers racing agree on one salt.
    """
    profiles = {p.user_id: p for p in LearnerProfile.objects.filter(user__in=users)}
    unsalted = [p for p in profiles.values() if not p.identity_salt]
    for profile in unsalted:
        LearnerProfile.objects.filter(pk=profile.pk, identity_salt="").update(
            identity_salt=secrets.token_hex(16)
        )
        profile.refresh_from_db(fields=["identity_salt"])
    return profiles


@dataclass
class _Batch:
    """What the credentials of one issuer in one batch share, built once."""

    organization: Organization
    signer: IssuerSigner
    issuer: dict[str, Any]
    achievements: dict[int, dict[str, Any]] = field(default_factory=dict)
    profiles: dict[int, LearnerProfile] = field(default_factory=dict)
    certifications: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, organization: Organization) -> _Batch:
        signer = issuer_signer(organization=organization)
        return cls(organization, signer, documents.issuer_profile(organization=organization))

    def know(self, users: Sequence[User]) -> None:
        """Load the learner profiles of a chunk's recipients in one query."""
        missing = [u for u in users if u.pk not in self.profiles]
        if missing:
            self.profiles.update(learner_profiles(users=missing))

    def subject(self, user: User) -> str | dict[str, Any]:
        profile = self.profiles.get(user.pk)
        salt = profile.identity_salt if profile else None
        return documents.recipient_subject(profile=profile, email=user.email, salt=salt)

    def achievement(self, attempt: Attempt) -> dict[str, Any]:
        version = attempt.micro_credential_version
        if version.pk not in self.achievements:
            self.achievements[version.pk] = documents.version_achievement(version=version)
        return self.achievements[version.pk]

    def certification_credential_id(self, attempt: Attempt) -> str | None:
        """The id of the evaluator's certification credential, issued first if need be."""
        if attempt.certification_id not in self.certifications:
            try:
                credential = credential_issue_for_certification(certification=attempt.certification)
            except ValidationError:  # withdrawn: the narrative names no credential
                self.certifications[attempt.certification_id] = None
            else:
                self.certifications[attempt.certification_id] = credential.credential_id
        return self.certifications[attempt.certification_id]


def _attempt_row(batch: _Batch, attempt: Attempt, slot: StatusSlots) -> IssuedCredential:
    credential_id = documents.new_credential_id()
    unsigned = documents.attempt_credential(
        attempt=attempt,
        credential_id=credential_id,
        issuer=batch.issuer,
        achievement=batch.achievement(attempt),
        subject=batch.subject(attempt.learner),
        status_entry=slot.entry,
        certification_credential_id=batch.certification_credential_id(attempt),
    )
    signed = batch.signer.sign(unsigned)
    return IssuedCredential(
        idempotency_key=attempt_key(attempt.pk),
        credential_id=credential_id,
        issuer=batch.organization,
        recipient=attempt.learner,
        micro_credential_version=attempt.micro_credential_version,
        attempt=attempt,
        document=signed,
        name=signed["name"],
        issued_at=timezone.now(),
        valid_until=documents.parse_iso(signed.get("validUntil")),
        revocation_index=slot.revocation,
    )


def _store(rows: list[IssuedCredential], source: str) -> list[IssuedCredential]:
    stored = IssuedCredential.objects.bulk_create(rows)
    for credential in stored:
        audit_record(
            action="issuing.credential.issued",
            actor=None,
            organization=credential.issuer,
            obj=credential,
            data={
                "credential_id": credential.credential_id,
                "source": source,
                "idempotency_key": credential.idempotency_key,
            },
        )
    credential_issued.send(sender=IssuedCredential, credentials=stored)
    return stored


def _chunks(items: Sequence[Attempt], size: int) -> Iterator[Sequence[Attempt]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _issue_chunk(batch: _Batch, chunk: Sequence[Attempt]) -> list[IssuedCredential]:
    batch.know([a.learner for a in chunk])
    try:
        with transaction.atomic():
            slots = status_slots_allocate(
                organization=batch.organization, count=len(chunk), signer=batch.signer
            )
            rows = [_attempt_row(batch, a, s) for a, s in zip(chunk, slots, strict=True)]
            return _store(rows, "attempt")
    except IntegrityError:
        if len(chunk) > 1:  # another process issued some of them: settle one at a time
            return [c for a in chunk for c in _issue_chunk(batch, [a])]
        existing = IssuedCredential.objects.filter(idempotency_key=attempt_key(chunk[0].pk))
        if not existing.exists():
            raise
        return list(existing)


def credentials_issue_for_attempts(
    *, attempts: Sequence[Attempt], chunk_size: int = CHUNK_SIZE
) -> list[IssuedCredential]:
    """A signed credential for each final passed attempt, in order; none is issued twice.

    Refuses the whole batch (ValidationError naming the attempt) if any attempt is not a
    final pass. Already issued attempts get their stored credential back.
    """
    for attempt in attempts:
        problem = _attempt_problem(attempt)
        if problem:
            raise ValidationError({"attempt": f"Attempt {attempt.pk}: {problem}"})
    keys = [attempt_key(a.pk) for a in attempts]
    found = {
        c.idempotency_key: c for c in IssuedCredential.objects.filter(idempotency_key__in=keys)
    }
    todo = [a for a in attempts if attempt_key(a.pk) not in found]
    by_issuer: dict[int, list[Attempt]] = {}
    for attempt in todo:
        by_issuer.setdefault(attempt.session.issuer_id, []).append(attempt)
    for group in by_issuer.values():
        batch = _Batch.of(group[0].session.issuer)
        for attempt in group:  # before the chunks' transactions: issued on their own
            batch.certification_credential_id(attempt)
        for chunk in _chunks(group, chunk_size):
            for credential in _issue_chunk(batch, chunk):
                found[credential.idempotency_key] = credential
    return [found[key] for key in keys]


def credential_issue_for_attempt(*, attempt: Attempt) -> IssuedCredential:
    """The credential a final passed attempt earns, issued once whatever the retries."""
    return credentials_issue_for_attempts(attempts=[attempt])[0]


def session_attempts_to_issue(*, session: AssessmentSession) -> list[Attempt]:
    return list(
        Attempt.objects.filter(session=session, status=AttemptStatus.FINAL, passed=True)
        .select_related(
            "session__issuer", "learner", "evaluator", "cosigned_by", "micro_credential_version"
        )
        .order_by("pk")
    )


@dataclass(frozen=True, slots=True)
class SessionIssue:
    issued: list[IssuedCredential]  # new in this run
    already: int  # issued before


def credentials_issue_for_session(
    *, session: AssessmentSession, actor: Any | None = None
) -> SessionIssue:
    """Credentials for every final passed attempt of a session; a re-run issues nothing twice."""
    attempts = session_attempts_to_issue(session=session)
    before = set(
        IssuedCredential.objects.filter(
            idempotency_key__in=[attempt_key(a.pk) for a in attempts]
        ).values_list("idempotency_key", flat=True)
    )
    credentials = credentials_issue_for_attempts(attempts=attempts)
    issued = [c for c in credentials if c.idempotency_key not in before]
    audit_record(
        action="issuing.session.issued",
        actor=actor,
        organization=session.issuer,
        obj=session,
        data={"issued": len(issued), "already": len(before)},
    )
    return SessionIssue(issued, len(before))


def _certification_problem(certification: EvaluatorCertification) -> str | None:
    if certification.withdrawn_at is not None:
        return "This certification was withdrawn; no credential is issued for it."
    return None


def credential_issue_for_certification(
    *, certification: EvaluatorCertification
) -> IssuedCredential:
    """An OB 3.0 ``Certification`` credential to the evaluator, for the certification's dates."""
    key = certification_key(certification.pk)
    existing = IssuedCredential.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    problem = _certification_problem(certification)
    if problem:
        raise ValidationError({"certification": problem})

    def build(draft: CredentialDraft) -> dict[str, Any]:
        return documents.certification_credential(
            certification=certification,
            credential_id=draft.credential_id,
            issuer=draft.issuer,
            subject=draft.subject,
            status_entry=draft.status_entry,
        )

    return credential_issue_one(
        organization=certification.micro_credential.issuer,
        recipient=certification.evaluator,
        idempotency_key=key,
        build=build,
        source="certification",
    )


@dataclass(frozen=True, slots=True)
class CredentialDraft:
    """What a builder of one credential gets: its id, issuer profile, subject, status entry."""

    credential_id: str
    issuer: dict[str, Any]
    subject: str | dict[str, Any]
    status_entry: dict[str, Any]


def credential_issue_one(
    *,
    organization: Organization,
    recipient: User,
    idempotency_key: str,
    build: Callable[[CredentialDraft], dict[str, Any]],
    source: str,
    micro_credential_version: MicroCredentialVersion | None = None,
    subject: str | dict[str, Any] | None = None,
) -> IssuedCredential:
    """Sign and store one credential that ``build`` drafts, exactly once per ``idempotency_key``.

    The shared path for credentials that do not come from an attempt (certifications,
    pathway certificates, a copy bound to a wallet's DID): a status index is allocated, the
    issuer's key signs, the row and its audit entry are stored in one transaction; a retry
    or a racing process gets the stored credential back. ``subject`` overrides the learner's
    usual subject (their DID or hashed e-mail).
    """
    existing = IssuedCredential.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing
    batch = _Batch.of(organization)
    try:
        with transaction.atomic():
            batch.know([recipient])
            (slot,) = status_slots_allocate(organization=organization, count=1, signer=batch.signer)
            draft = CredentialDraft(
                credential_id=documents.new_credential_id(),
                issuer=batch.issuer,
                subject=subject if subject is not None else batch.subject(recipient),
                status_entry=slot.entry,
            )
            signed = batch.signer.sign(build(draft))
            row = IssuedCredential(
                idempotency_key=idempotency_key,
                credential_id=draft.credential_id,
                issuer=organization,
                recipient=recipient,
                micro_credential_version=micro_credential_version,
                document=signed,
                name=signed["name"],
                issued_at=timezone.now(),
                valid_until=documents.parse_iso(signed.get("validUntil")),
                revocation_index=slot.revocation,
            )
            return _store([row], source)[0]
    except IntegrityError:
        existing = IssuedCredential.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing
