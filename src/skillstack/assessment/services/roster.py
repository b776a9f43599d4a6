"""Rosters: learners added one by one or from a CSV file (all or nothing, with a dry run).

A learner without an account gets one with an unusable password and an e-mail that lets them
set a password through Django's password-reset token machinery.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from skillstack.accounts.models import User
from skillstack.accounts.services import learner_profile_ensure, user_create
from skillstack.assessment.models import AssessmentSession, RosterEntry
from skillstack.audit.services import audit_record

MAX_CSV_BYTES = 1024 * 1024
MAX_CSV_ROWS = 2000
COLUMNS = ("email", "full_name")


def _invite_learner(user: User, session: AssessmentSession) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = settings.SITE_URL + reverse("accounts:password_reset_confirm", args=[uid, token])
    send_mail(
        subject=f"{session.issuer.name}: set a password for your Skillstack account",
        message=(
            f"Hello {user.full_name},\n\n"
            f"{session.issuer.name} has enrolled you for an assessment of "
            f"{session.micro_credential_version.name} on {session.date:%d %B %Y} at "
            f"{session.place}.\n\n"
            f"Set a password to see your results and keep your credentials:\n{link}\n\n"
            "If you did not expect this, you can ignore this message."
        ),
        from_email=None,
        recipient_list=[user.email],
    )


def _learner_for(email: str, full_name: str, session: AssessmentSession) -> tuple[User, bool]:
    """The learner with this e-mail, made a learner or created (and invited) if needed."""
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = user_create(email=email, full_name=full_name or email, password=None)
        invited = user
        transaction.on_commit(lambda: _invite_learner(invited, session))
    learner_profile_ensure(user=user)
    return user, created


def roster_add(
    *, session: AssessmentSession, email: str, full_name: str = "", actor: Any
) -> RosterEntry:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": "Enter an e-mail address such as ana@example.org."}
        ) from None
    with transaction.atomic():
        user, created = _learner_for(email, full_name.strip(), session)
        if session.evaluators.filter(pk=user.pk).exists():
            raise ValidationError(
                {"email": f"{email} evaluates this session and cannot be assessed in it."}
            )
        if RosterEntry.objects.filter(session=session, learner=user).exists():
            raise ValidationError({"email": f"{email} is already on the roster."})
        entry = RosterEntry.objects.create(session=session, learner=user)
        audit_record(
            action="assessment.roster.added",
            actor=actor,
            organization=session.issuer,
            obj=entry,
            data={"email": email, "account_created": created},
        )
    return entry


@dataclass
class ImportReport:
    rows: list[tuple[str, str]] = field(default_factory=list)  # (email, full_name) to add
    errors: list[str] = field(default_factory=list)  # "Row 3, email: …"
    added: int = 0
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_csv(data: bytes, report: ImportReport) -> list[dict[str, str]]:
    if len(data) > MAX_CSV_BYTES:
        report.errors.append("The file is larger than 1 MB; split it into smaller files.")
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append("The file is not UTF-8 text; save it as 'CSV UTF-8' and retry.")
        return []
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        report.errors.append(
            f"The first row must name the columns email and full_name; missing: "
            f"{', '.join(missing)}."
        )
        return []
    reader.fieldnames = header
    rows = []
    for row in reader:
        rows.append({k: (v or "").strip() for k, v in row.items() if isinstance(k, str)})
        if len(rows) > MAX_CSV_ROWS:
            report.errors.append(f"At most {MAX_CSV_ROWS} learners per file.")
            return []
    if not rows:
        report.errors.append("The file has no learners below its header row.")
    return rows


def _check_rows(
    session: AssessmentSession, rows: list[dict[str, str]], report: ImportReport
) -> None:
    seen: dict[str, int] = {}
    on_roster = {e.lower() for e in session.roster.values_list("learner__email", flat=True)}
    evaluators = {e.lower() for e in session.evaluators.values_list("email", flat=True)}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        email, name = row.get("email", "").lower(), row.get("full_name", "")
        try:
            validate_email(email)
        except ValidationError:
            report.errors.append(f"Row {number}, email: '{email}' is not an e-mail address.")
            continue
        if "\x00" in name or len(name) > 200:
            report.errors.append(f"Row {number}, full_name: at most 200 plain characters.")
            continue
        if email in seen:
            report.errors.append(
                f"Row {number}, email: {email} is a duplicate of row {seen[email]}."
            )
            continue
        seen[email] = number
        if email in on_roster:
            report.errors.append(f"Row {number}, email: {email} is already on the roster.")
        elif email in evaluators:
            report.errors.append(f"Row {number}, email: {email} evaluates this session.")
        else:
            report.rows.append((email, name))


def roster_import(
    *, session: AssessmentSession, data: bytes, actor: Any, dry_run: bool = True
) -> ImportReport:
    """Check every row; add all of them only if none is wrong and this is not a dry run."""
    report = ImportReport(dry_run=dry_run)
    rows = _read_csv(data, report)
    if rows:
        _check_rows(session, rows, report)
    if report.errors or dry_run:
        return report
    with transaction.atomic():
        for email, name in report.rows:
            user, _ = _learner_for(email, name, session)
            RosterEntry.objects.create(session=session, learner=user)
        report.added = len(report.rows)
        audit_record(
            action="assessment.roster.imported",
            actor=actor,
            organization=session.issuer,
            obj=session,
            data={"added": report.added},
        )
    return report
