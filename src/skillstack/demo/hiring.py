"""Demo: applications at every stage across the employers' openings, two hires (one with its
day-30 check-ins just sent, one whose day-30 check-ins went unanswered and were handed to the
navigator), and the alliance's career navigator with a caseload, consent and notes.

Everything goes through the hiring services, so the audit log reads as if people had done it.
A second run finds each application by its (opening, candidate) pair and changes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.hiring import caseload_selectors as cs
from skillstack.hiring import selectors
from skillstack.hiring.models import Application, Placement, Stage
from skillstack.hiring.services import applications as apps
from skillstack.hiring.services import caseload as cl
from skillstack.hiring.services.checkins import checkins_escalate_missed, checkins_send
from skillstack.hiring.services.placements import placement_onboarding_update, placement_record
from skillstack.jobs import selectors as jobs_selectors
from skillstack.jobs.models import Opening

NAVIGATOR = "dev.raman@lsca.example"
COALITION_ADMIN = "ines.moreau@lsca.example"  # codespell:ignore ines
RECRUITERS = {
    "helix-ridge": "keisha.brooks@helixridge.example",
    "meridian-cell": "aiden.park@meridiancell.example",
}

PATH: dict[str, tuple[str, ...]] = {
    Stage.APPLIED: (),
    Stage.SCREENING: (Stage.SCREENING,),
    Stage.INTERVIEW: (Stage.SCREENING, Stage.INTERVIEW),
    Stage.OFFER: (Stage.SCREENING, Stage.INTERVIEW, Stage.OFFER),
    Stage.NOT_SELECTED: (Stage.SCREENING, Stage.NOT_SELECTED),
}
"""The moves that bring an application to each stage (hired and withdrawn are their own)."""

PLAN: tuple[tuple[int, str, str], ...] = (
    (0, Stage.HIRED, "started_35_days_ago"),
    (1, Stage.HIRED, "started_70_days_ago"),
    (2, Stage.OFFER, ""),
    (3, Stage.INTERVIEW, ""),
    (4, Stage.INTERVIEW, ""),
    (5, Stage.SCREENING, ""),
    (6, Stage.APPLIED, ""),
    (7, Stage.APPLIED, ""),
    (8, Stage.NOT_SELECTED, ""),
    (9, Stage.WITHDRAWN, ""),
    (10, Stage.APPLIED, "navigator"),
)
"""Learner index → the stage their demo application reaches (and how it started)."""


def _user(email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def _openings(organizations: dict[str, Organization]) -> list[Opening]:
    found: list[Opening] = []
    for slug in RECRUITERS:
        employer = organizations.get(slug) or Organization.objects.filter(slug=slug).first()
        if employer is not None:
            found.extend(jobs_selectors.openings_open(employer=employer).order_by("pk"))
    return found


def _bring_to(application: Application, stage: str, recruiter: Any, candidate: Any) -> None:
    if stage == Stage.WITHDRAWN:
        apps.application_withdraw(
            application=application, actor=candidate, note="Accepted an offer closer to home."
        )
        return
    for step in PATH.get(stage, PATH[Stage.OFFER] if stage == Stage.HIRED else ()):
        note = (
            "Thank you for your time; we chose another candidate." if step == "not_selected" else ""
        )
        apps.application_move(application=application, stage=step, actor=recruiter, note=note)


def _hire(application: Application, recruiter: Any, days_ago: int) -> Placement:
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    placement = placement_record(
        application=application,
        actor=recruiter,
        start_date=start,
        role_title=application.opening.title,
        wage="24.50",
        employment_type="full_time",
    )
    # Day-30 check-ins went out on the day they were due.
    due = [c.pk for c in placement.checkins.filter(day=30)]
    sent_at = timezone.now() - datetime.timedelta(days=days_ago - 30)
    checkins_send(pks=due, now=sent_at)
    return placement


def _caseload(learners: list[User], navigator: User, admin: User, org: Organization) -> None:
    for learner in learners[:6]:
        if not cs.assignment_of(organization=org, learner=learner):
            cl.caseload_assign(organization=org, learner=learner, navigator=navigator, actor=admin)
    for learner in learners[1:3] + learners[10:11]:
        cl.consent_grant(learner=learner, organization=org, actor=learner)
    if len(learners) > 12 and not cs.assignment_of(organization=org, learner=learners[12]):
        cl.caseload_request(learner=learners[12], organization=org)


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    openings = _openings(organizations)
    navigator, admin = _user(NAVIGATOR), _user(COALITION_ADMIN)
    coalition = organizations.get("lsca") or Organization.objects.filter(slug="lsca").first()
    learners = [u for u in (_user(learner_email(n)) for n in LEARNER_NAMES) if u is not None]
    if not openings or not learners or navigator is None or admin is None or coalition is None:
        return  # the jobs demo publishes the openings; without them there is nothing to apply to
    _caseload(learners, navigator, admin, coalition)
    fresh: list[Placement] = []
    for index, stage, how in PLAN:
        if index >= len(learners):
            break
        learner = learners[index]
        opening = openings[index % len(openings)]
        recruiter = _user(RECRUITERS[opening.employer.slug])
        if selectors.application_for_opening(user=learner, opening=opening) is not None:
            continue
        if how == "navigator":
            application = apps.application_apply_for_learner(
                opening=opening,
                learner=learner,
                organization=coalition,
                actor=navigator,
                note="Dev Raman, career navigator: strong aseptic technique, night shifts fine.",
            )
        else:
            application = apps.application_apply(
                opening=opening,
                candidate=learner,
                actor=learner,
                note="I hold the institute's micro-credential and can start in two weeks.",
            )
        _bring_to(application, stage, recruiter, learner)
        if stage == Stage.HIRED:
            days = 35 if how == "started_35_days_ago" else 70
            placement = _hire(application, recruiter, days)
            if days == 35:
                placement_onboarding_update(
                    placement=placement,
                    actor=recruiter,
                    onboarding_needs="Bus pass for the first month; a buddy on the night shift.",
                )
            fresh.append(placement)
    if fresh:
        checkins_escalate_missed()  # the 70-day hire's day-30 check-ins are 40 days old
        for learner, text in (
            (learners[0], "Started at the plant; check how nights go."),
            (learners[1], "Missed the day-30 check-in: call her."),
        ):
            assignment = cs.assignment_of(organization=coalition, learner=learner)
            if assignment is not None:
                cl.caseload_note_add(assignment=assignment, author=navigator, text=text)
