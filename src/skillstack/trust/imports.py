"""Services for credentials imported from elsewhere: add, re-check, remove.

A learner adds a credential (JSON, VC-JWT, baked PNG/SVG, OB 2.0 assertion, or a URL on an
allowed host). It is verified exactly as the public verify page does (obcore, with this
platform's resolver and status lists) and kept with its report. It counts as a verified
holding only while its last check passed, and it is re-checked when used (older than
``TRUST_RECHECK_MAX_AGE``) and periodically (``skillstack trust recheck``).

Whose credential it is (decided here, ADR-worthy): the credential must name the learner by
their DID (the one in their wallet settings) or by their account's e-mail address (plain, or
hashed with its salt, as OB 2.0 and OB 3.0 IdentityObjects do). The account's address was
confirmed when the account was made (invitation or sign-up link), so no second confirmation
is asked. Anything else is refused with a sentence naming what the credential names instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from obcore.credentials import identifier_matches
from obcore.ob2 import recipient_matches
from obcore.report import Outcome, Report

from skillstack.audit.services import audit_record
from skillstack.trust.facts import Facts, credential_facts
from skillstack.trust.models import ImportedCredential, ImportState
from skillstack.verification import services as verification
from skillstack.wallet.holdings import Holding, holdings_changed, holdings_provider

DEFAULT_MAX_AGE = timedelta(hours=24)


def recheck_max_age() -> timedelta:
    hours = getattr(settings, "TRUST_RECHECK_MAX_AGE_HOURS", None)
    return timedelta(hours=float(hours)) if hours is not None else DEFAULT_MAX_AGE


def _state_of(report: Report) -> str:
    if report.verified:
        return ImportState.VERIFIED
    for check in report.checks:
        if check.outcome is Outcome.FAIL and check.id.endswith("status.revocation"):
            return ImportState.REVOKED
        if check.outcome is Outcome.FAIL and check.id == "validity" and "expired" in check.message:
            return ImportState.EXPIRED
    return ImportState.FAILED


def _report_json(report: Report) -> dict[str, Any]:
    from skillstack.verification.selectors import report_as_json

    return report_as_json(report=report)


def _subject_problem(credential: dict[str, Any], facts: Facts, user: Any) -> str | None:
    """Why ``credential`` is not about ``user``; None when it names them."""
    email = str(user.email or "")
    profile = getattr(user, "learner_profile", None)
    did = getattr(profile, "did", "") or ""
    if facts.ob2:
        recipient = credential.get("recipient")
        if isinstance(recipient, dict) and recipient_matches(recipient, email):
            return None
        return (
            "This badge was issued to someone else: its recipient is not your e-mail address "
            f"({email}). Only badges issued to you can be added to your wallet."
        )
    subjects = credential.get("credentialSubject")
    subjects = subjects if isinstance(subjects, list) else [subjects]
    for subject in subjects:
        if not isinstance(subject, dict):
            continue
        if did and subject.get("id") == did:
            return None
        identifiers = subject.get("identifier")
        identifiers = identifiers if isinstance(identifiers, list) else [identifiers]
        for identifier in identifiers:
            if isinstance(identifier, dict) and identifier_matches(identifier, value=email):
                return None
    named = next(
        (s.get("id") for s in subjects if isinstance(s, dict) and isinstance(s.get("id"), str)),
        "",
    )
    about = f" It names {named}." if named else ""
    yours = f"your DID ({did}) or " if did else ""
    return (
        f"This credential is about someone else: it does not name {yours}your e-mail address "
        f"({email}).{about} Only credentials issued to you can be added to your wallet."
    )


def _fingerprint(credential: dict[str, Any], raw: bytes) -> str:
    """One per credential, whatever its wrapping: its id, else its bytes."""
    ref = credential.get("id")
    basis = f"id:{ref}".encode() if isinstance(ref, str) and ref else raw
    return hashlib.sha256(basis).hexdigest()


def _raw_text(data: bytes | str | dict[str, Any]) -> tuple[str, bytes]:
    if isinstance(data, dict):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return text, text.encode()
    raw = data.encode() if isinstance(data, str) else data
    try:
        return raw.decode("utf-8"), raw
    except UnicodeDecodeError:
        return "base64:" + base64.b64encode(raw).decode("ascii"), raw


def _skill_ids(alignments: list[dict[str, str]]) -> list[int]:
    from skillstack.trust.skills import skills_for_alignments

    return skills_for_alignments(alignments)


def _refuse(message: str) -> ValidationError:
    return ValidationError({"credential": message})


def _already_issued_here(credential: dict[str, Any], user: Any) -> bool:
    from skillstack.wallet.selectors import wallet_credentials

    ref = credential.get("id")
    if not isinstance(ref, str):
        return False
    return any(c.credential_id == ref for c in wallet_credentials(user=user))


def imported_credential_add(
    *, actor: Any, data: bytes | str | dict[str, Any], source_url: str = ""
) -> ImportedCredential:
    """Verify and keep a credential ``actor`` received elsewhere; the same one twice is one.

    Refused (ValidationError on ``credential``) when it cannot be read, does not verify, or is
    not about ``actor``; nothing is stored then.
    """
    report = verification.credential_verify(data=data)
    credential = report.credential
    parse = next((c for c in report.checks if c.id == "parse"), None)
    if not isinstance(credential, dict) or (parse and parse.outcome is Outcome.FAIL):
        reason = parse.message if parse else "it is not a credential"
        raise _refuse(f"The credential could not be read: {reason}")
    state = _state_of(report)
    if state != ImportState.VERIFIED:
        view = _report_json(report)
        failed = [c["message"] for c in view["checks"] if c["outcome"] in ("fail", "not-checked")]
        detail = f" {failed[0]}" if failed else ""
        raise _refuse(f"{view['headline']}{detail} Only credentials that verify can be added.")
    facts = credential_facts(credential)
    problem = _subject_problem(credential, facts, actor)
    if problem:
        raise _refuse(problem)
    if _already_issued_here(credential, actor):
        raise _refuse("This credential was issued on this platform and is already in your wallet.")
    text, raw = _raw_text(data)
    fingerprint = _fingerprint(credential, raw)
    existing = ImportedCredential.objects.filter(owner=actor, fingerprint=fingerprint).first()
    if existing is not None:
        return existing
    now = timezone.now()
    try:
        with transaction.atomic():
            imported = ImportedCredential.objects.create(
                owner=actor,
                fingerprint=fingerprint,
                format=report.source or "json",
                raw=text,
                source_url=source_url,
                document=credential,
                credential_ref=facts.credential_ref,
                achievement_id=facts.achievement_id,
                achievement_name=facts.achievement_name[:300],
                issuer_id=facts.issuer_id,
                issuer_name=facts.issuer_name[:300],
                alignments=facts.alignments,
                skill_ids=_skill_ids(facts.alignments),
                issued_on=facts.issued_on,
                valid_until=facts.valid_until,
                state=state,
                report=_report_json(report),
                checked_at=now,
            )
            audit_record(
                action="trust.import.added",
                actor=actor,
                obj=imported,
                data={"issuer": facts.issuer_id, "achievement": facts.achievement_id},
            )
            transaction.on_commit(
                lambda: holdings_changed.send(sender=ImportedCredential, user=actor)
            )
    except IntegrityError:  # the same credential added twice at once: one row wins
        return ImportedCredential.objects.get(owner=actor, fingerprint=fingerprint)
    return imported


def imported_credential_add_from_url(*, actor: Any, url: str) -> ImportedCredential:
    """Fetch a credential from an allowed https host, then add it (no request otherwise)."""
    try:
        data = verification.credential_fetch(url=url)
    except verification.InputRefused as exc:
        raise ValidationError({"url": str(exc)}) from None
    return imported_credential_add(actor=actor, data=data, source_url=url.strip())


def _stored_input(imported: ImportedCredential) -> bytes | str:
    if imported.raw.startswith("base64:"):
        return base64.b64decode(imported.raw[len("base64:") :])
    return imported.raw


def imported_credential_recheck(
    *,
    imported: ImportedCredential,
    max_age: timedelta | None = None,
    now: datetime | None = None,
) -> ImportedCredential:
    """Verify again when the last check is older than ``max_age`` (0: always); keep the report.

    A change between verified and not verified is audited and announced with
    ``holdings_changed`` so stacking and matching stop (or start) counting it.
    """
    moment = now or timezone.now()
    age = recheck_max_age() if max_age is None else max_age
    if imported.checked_at and moment - imported.checked_at < age:
        return imported
    report = verification.credential_verify(data=_stored_input(imported))
    state = _state_of(report)
    with transaction.atomic():
        row = ImportedCredential.objects.select_for_update().get(pk=imported.pk)
        before = row.state
        row.state = state
        row.report = _report_json(report)
        row.checked_at = moment
        row.save(update_fields=["state", "report", "checked_at"])
        if before != state:
            audit_record(
                action="trust.import.state_changed",
                actor=None,
                obj=row,
                data={"from": before, "to": state},
            )
            owner = row.owner
            transaction.on_commit(
                lambda: holdings_changed.send(sender=ImportedCredential, user=owner)
            )
    return row


def imported_credentials_recheck_due(*, max_age: timedelta | None = None) -> int:
    """Re-check every import whose last check is older than ``max_age``; returns how many."""
    age = recheck_max_age() if max_age is None else max_age
    cutoff = timezone.now() - age
    count = 0
    due = ImportedCredential.objects.filter(checked_at__lte=cutoff).exclude(
        state=ImportState.REVOKED
    )
    for imported in due.order_by("checked_at").iterator(chunk_size=200):
        imported_credential_recheck(imported=imported, max_age=age)
        count += 1
    return count


def imported_credential_remove(*, actor: Any, imported: ImportedCredential) -> None:
    """Remove an import from ``actor``'s wallet (only their own)."""
    if imported.owner_id != actor.pk:
        raise ValidationError({"credential": "This credential is not in your wallet."})
    with transaction.atomic():
        audit_record(
            action="trust.import.removed",
            actor=actor,
            obj=imported,
            data={"achievement": imported.achievement_id},
        )
        was_verified = imported.state == ImportState.VERIFIED
        imported.delete()
        if was_verified:
            transaction.on_commit(
                lambda: holdings_changed.send(sender=ImportedCredential, user=actor)
            )


@holdings_provider
def verified_imports(user: Any, now: datetime) -> list[Holding]:
    """Imports that verify now, re-checked first when their last check is stale."""
    holdings = []
    rows = ImportedCredential.objects.filter(owner=user, state=ImportState.VERIFIED)
    for row in rows:
        row = imported_credential_recheck(imported=row)
        if row.state != ImportState.VERIFIED:
            continue
        if row.valid_until is not None and row.valid_until <= now:
            continue
        holdings.append(
            Holding(
                source="imported",
                ref=row.credential_ref or f"import:{row.pk}",
                pk=row.pk,
                name=row.achievement_name,
                issuer_name=row.issuer_name,
                issuer_id=row.issuer_id,
                achievement_id=row.achievement_id,
                micro_credential_id=None,
                level="",
                skill_ids=tuple(sorted(int(i) for i in row.skill_ids)),
                earned_at=row.issued_on or row.created_at,
                valid_until=row.valid_until,
                url=f"/wallet/imports/{row.pk}/",
            )
        )
    return holdings
