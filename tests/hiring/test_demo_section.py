"""The hiring demo section: every stage appears, two hires with check-ins (one set handed to
the navigator as missed), a caseload with notes; a second run changes nothing."""

from __future__ import annotations

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind, Role
from skillstack.demo import hiring as demo_hiring
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.hiring.models import (
    Application,
    CaseloadAssignment,
    CaseloadNote,
    CheckinStatus,
    Placement,
    RetentionCheckin,
    Stage,
    StageChange,
)
from tests.factories import grant, make_org, make_user
from tests.hiring.helpers import open_opening


def _cast() -> dict[str, Organization]:
    lsca = make_org(kind=OrgKind.COALITION, slug="lsca", name="Alliance")
    helix = make_org(kind=OrgKind.EMPLOYER, slug="helix-ridge", name="Helix Ridge Biologics")
    meridian = make_org(kind=OrgKind.EMPLOYER, slug="meridian-cell", name="Meridian Cell")
    grant(make_user(email=demo_hiring.NAVIGATOR), lsca, Role.CAREER_NAVIGATOR)
    grant(make_user(email=demo_hiring.COALITION_ADMIN), lsca, Role.COALITION_ADMIN)
    grant(make_user(email=demo_hiring.RECRUITERS["helix-ridge"]), helix, Role.RECRUITER)
    grant(make_user(email=demo_hiring.RECRUITERS["meridian-cell"]), meridian, Role.RECRUITER)
    for name in LEARNER_NAMES[:14]:
        make_user(email=learner_email(name), full_name=name, learner=True)
    open_opening(helix)
    open_opening(meridian, title="Cell Therapy Manufacturing Associate")
    return {"lsca": lsca, "helix-ridge": helix, "meridian-cell": meridian}


def _counts() -> tuple[int, ...]:
    return (
        Application.objects.count(),
        StageChange.objects.count(),
        Placement.objects.count(),
        CaseloadNote.objects.count(),
        CaseloadAssignment.objects.count(),
        RetentionCheckin.objects.exclude(status=CheckinStatus.SCHEDULED).count(),
    )


def test_the_hiring_demo_covers_every_stage_and_is_idempotent(db: None) -> None:
    organizations = _cast()
    demo_hiring.load(organizations=organizations, versions=[])
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert Placement.objects.count() == 2
    assert RetentionCheckin.objects.filter(status=CheckinStatus.MISSED).count() == 2
    assert RetentionCheckin.objects.filter(status=CheckinStatus.SENT).count() == 2
    assert Placement.objects.exclude(onboarding_needs="").count() == 1
    assert CaseloadNote.objects.count() == 2
    assert Application.objects.filter(source="navigator").count() == 1
    first = _counts()
    demo_hiring.load(organizations=organizations, versions=[])
    assert _counts() == first
