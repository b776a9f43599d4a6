"""Writes of the resume app: the learner's words, their choices, and the public link.

Each function owns its transaction and records an audit entry. Choosing a credential can turn
on its share link (the learner consents on the form) through the wallet's own service, so the
resume's verify link opens the credential's public page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skillstack.audit.services import audit_record
from skillstack.issuing.selectors import credentials_of
from skillstack.resume.models import Experience, Resume, ResumeCredential
from skillstack.resume.selectors import new_token
from skillstack.wallet.holdings import verified_holdings
from skillstack.wallet.services import credential_share_enable

MAX_CREDENTIALS = 100
MAX_EXPERIENCES = 50


def _locked(resume: Resume) -> Resume:
    return Resume.objects.select_for_update().get(pk=resume.pk)


def resume_ensure(*, owner: Any) -> Resume:
    """The learner's resume, made empty (and unpublished) the first time they open it."""
    resume, created = Resume.objects.get_or_create(owner=owner)
    if created:
        audit_record(action="resume.resume.created", actor=owner, obj=resume, data={})
    return resume


def resume_profile_update(
    *, resume: Resume, actor: Any, headline: str, summary: str, allow_indexing: bool
) -> Resume:
    headline, summary = headline.strip(), summary.strip()
    errors = {}
    if len(headline) > 150:
        errors["headline"] = "Keep the headline to 150 characters or fewer."
    if len(summary) > 2000:
        errors["summary"] = "Keep the summary to 2000 characters or fewer."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = _locked(resume)
        row.headline, row.summary, row.allow_indexing = headline, summary, allow_indexing
        row.save(update_fields=["headline", "summary", "allow_indexing", "updated_at"])
        audit_record(
            action="resume.profile.updated",
            actor=actor,
            obj=row,
            data={"allow_indexing": allow_indexing},
        )
    return row


def _check_refs(owner: Any, refs: list[str]) -> dict[str, str]:
    """Chosen refs → their source; each must be a credential the owner holds that verifies."""
    if len(refs) > MAX_CREDENTIALS:
        raise ValidationError({"credentials": f"Choose at most {MAX_CREDENTIALS} credentials."})
    held = {h.ref: h.source for h in verified_holdings(user=owner)}
    unknown = [ref for ref in refs if ref not in held]
    if unknown:
        raise ValidationError(
            {
                "credentials": "Only credentials you hold and that verify now can be shown; "
                f"this one is not among them: {unknown[0][:100]}"
            }
        )
    return {ref: held[ref] for ref in refs}


def _check_skills(skill_ids: Iterable[Any]) -> list[int]:
    cleaned = []
    for value in skill_ids:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
            raise ValidationError({"hidden_skills": "Skills are named by their numeric id."})
        cleaned.append(value)
    return sorted(set(cleaned))[:1000]


def resume_credentials_choose(
    *,
    resume: Resume,
    actor: Any,
    refs: list[str],
    hidden_skill_ids: Iterable[Any] = (),
    share: bool = False,
) -> Resume:
    """Show exactly the credentials ``refs`` (in that order) and hide the skills named.

    With ``share`` (the learner's consent), each chosen credential issued here gets its public
    share link turned on, so the resume's verify link opens that credential's own page.
    """
    refs = list(dict.fromkeys(r for r in refs if isinstance(r, str)))
    sources = _check_refs(resume.owner, refs)
    hidden = _check_skills(hidden_skill_ids)
    with transaction.atomic():
        row = _locked(resume)
        row.credentials.exclude(ref__in=refs).delete()
        for position, ref in enumerate(refs):
            ResumeCredential.objects.update_or_create(
                resume=row, ref=ref, defaults={"position": position, "source": sources[ref]}
            )
        row.hidden_skill_ids = hidden
        row.save(update_fields=["hidden_skill_ids", "updated_at"])
        shared = _share_chosen(row, refs, sources, actor) if share else []
        audit_record(
            action="resume.credentials.chosen",
            actor=actor,
            obj=row,
            data={"credentials": refs, "hidden_skills": hidden, "shared": shared},
        )
    return row


def resume_share_links_enable(*, resume: Resume, actor: Any) -> Resume:
    """Turn on the share link of each chosen credential that verifies now (the holder's
    consent); the choice itself stays as it is."""
    chosen = list(resume.credentials.values_list("ref", flat=True))
    held = {h.ref: h.source for h in verified_holdings(user=resume.owner)}
    refs = [ref for ref in chosen if ref in held]
    with transaction.atomic():
        row = _locked(resume)
        shared = _share_chosen(row, refs, held, actor)
        audit_record(
            action="resume.credentials.shared", actor=actor, obj=row, data={"shared": shared}
        )
    return row


def _share_chosen(resume: Resume, refs: list[str], sources: dict[str, str], actor: Any) -> list:
    platform = [ref for ref in refs if sources[ref] == "platform"]
    turned_on = []
    rows = credentials_of(user=resume.owner).filter(credential_id__in=platform)
    for credential in rows:
        if not credential.share_enabled:
            credential_share_enable(credential=credential, actor=actor)
            turned_on.append(credential.credential_id)
    return turned_on


def _experience_errors(
    role: str, organisation: str, start_date: date | None, end_date: date | None
) -> dict[str, str]:
    errors = {}
    if not role.strip():
        errors["role"] = "Say what your role was (for example “Lab technician”)."
    elif len(role) > 150:
        errors["role"] = "Keep the role to 150 characters or fewer."
    if not organisation.strip():
        errors["organisation"] = "Name the organisation you worked or trained at."
    elif len(organisation) > 150:
        errors["organisation"] = "Keep the organisation's name to 150 characters or fewer."
    if start_date is None:
        errors["start_date"] = "Give the date you started."
    elif start_date > timezone.localdate():
        errors["start_date"] = "The start date is in the future; give the date you started."
    if start_date and end_date and end_date < start_date:
        errors["end_date"] = "The end date is before the start date."
    return errors


def _experience_check(
    role: str, organisation: str, start_date: date | None, end_date: date | None, text: str
) -> None:
    errors = _experience_errors(role, organisation, start_date, end_date)
    if len(text) > 2000:
        errors["description"] = "Keep the description to 2000 characters or fewer."
    if errors:
        raise ValidationError(errors)


def experience_add(
    *,
    resume: Resume,
    actor: Any,
    role: str,
    organisation: str,
    start_date: date | None,
    end_date: date | None = None,
    description: str = "",
    shown: bool = True,
) -> Experience:
    _experience_check(role, organisation, start_date, end_date, description)
    assert start_date is not None  # checked above
    with transaction.atomic():
        row = _locked(resume)
        if row.experiences.count() >= MAX_EXPERIENCES:
            raise ValidationError({"role": f"A resume holds at most {MAX_EXPERIENCES} entries."})
        experience = Experience.objects.create(
            resume=row,
            role=role.strip(),
            organisation=organisation.strip(),
            start_date=start_date,
            end_date=end_date,
            description=description.strip(),
            shown=shown,
        )
        audit_record(
            action="resume.experience.added",
            actor=actor,
            obj=experience,
            data={"role": experience.role, "organisation": experience.organisation},
        )
    return experience


def experience_update(
    *,
    experience: Experience,
    actor: Any,
    role: str,
    organisation: str,
    start_date: date | None,
    end_date: date | None = None,
    description: str = "",
    shown: bool = True,
) -> Experience:
    _experience_check(role, organisation, start_date, end_date, description)
    with transaction.atomic():
        row = Experience.objects.select_for_update().get(pk=experience.pk)
        row.role, row.organisation = role.strip(), organisation.strip()
        row.start_date, row.end_date = start_date, end_date  # type: ignore[assignment]
        row.description, row.shown = description.strip(), shown
        row.save()
        audit_record(
            action="resume.experience.updated",
            actor=actor,
            obj=row,
            data={"role": row.role, "organisation": row.organisation, "shown": shown},
        )
    return row


def experience_delete(*, experience: Experience, actor: Any) -> None:
    with transaction.atomic():
        audit_record(
            action="resume.experience.deleted",
            actor=actor,
            obj=experience,
            data={"role": experience.role, "organisation": experience.organisation},
        )
        experience.delete()


def resume_publish(*, resume: Resume, actor: Any, expires_at: datetime | None = None) -> Resume:
    """Publish the resume at an unguessable link (kept if already published; expiry updated)."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_on": "Choose an end date after today, or none."})
    with transaction.atomic():
        row = _locked(resume)
        fresh = not row.public_token
        if fresh:
            row.public_token = new_token()
            row.published_at = timezone.now()
        row.expires_at = expires_at
        row.save(update_fields=["public_token", "published_at", "expires_at", "updated_at"])
        audit_record(
            action="resume.link.published",
            actor=actor,
            obj=row,
            data={"new_link": fresh, "expires_at": expires_at.isoformat() if expires_at else None},
        )
    return row


def resume_unpublish(*, resume: Resume, actor: Any) -> Resume:
    """Revoke the public link for good: publishing again makes a new one."""
    with transaction.atomic():
        row = _locked(resume)
        was = bool(row.public_token)
        row.public_token = ""
        row.published_at = None
        row.expires_at = None
        row.save(update_fields=["public_token", "published_at", "expires_at", "updated_at"])
        audit_record(action="resume.link.revoked", actor=actor, obj=row, data={"was_live": was})
    return row
