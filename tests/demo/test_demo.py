"""``skillstack demo``: a complete, deterministic, idempotent demo, made through the services."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.accounts.models import LearnerProfile, Membership, Organization, User
from skillstack.accounts.roles import OrgKind, Role
from skillstack.audit.models import AuditEntry
from skillstack.demo.builder import DEMO_PASSWORD, demo_totp_code
from skillstack.demo.people import LEARNER_NAMES, learner_email


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "learners": LearnerProfile.objects.count(),
        "audit": AuditEntry.objects.count(),
        "devices": TOTPDevice.objects.count(),
    }


@pytest.mark.django_db
def test_demo_twice_neither_fails_nor_duplicates() -> None:
    _run()
    first = _counts()
    _run()
    assert _counts() == first
    assert first["organizations"] == 7
    assert first["learners"] == 30


@pytest.mark.django_db
def test_demo_has_the_whole_ecosystem() -> None:
    _run()
    kinds = dict(Organization.objects.values_list("slug", "kind"))
    assert kinds["lsca"] == OrgKind.COALITION
    assert Organization.objects.get(slug="lsca").name == "Life Sciences Career Alliance"
    assert sorted(
        Organization.objects.filter(kind=OrgKind.ISSUER).values_list("issuer_type", flat=True)
    ) == ["certifying_institute", "college", "training_provider"]
    assert Organization.objects.filter(kind=OrgKind.EMPLOYER).count() == 2
    assert Organization.objects.filter(kind=OrgKind.FUNDER).count() == 1
    institute = Organization.objects.get(issuer_type="certifying_institute")
    assert institute.memberships.filter(role=Role.EVALUATOR).count() == 2
    assert institute.memberships.filter(role=Role.CREDENTIAL_DESIGNER).count() == 1
    for org in Organization.objects.exclude(kind=OrgKind.COALITION):
        assert org.memberships.filter(role=Role.ORG_ADMIN).exists(), org
    assert Membership.objects.filter(role=Role.COALITION_ADMIN).count() == 1
    for role in (Role.CAREER_NAVIGATOR, Role.RECRUITER, Role.FUNDER_ANALYST):
        assert Membership.objects.filter(role=role).exists(), role


@pytest.mark.django_db
def test_demo_is_made_through_the_services_so_it_is_audited() -> None:
    _run()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "accounts.organization.created",
        "accounts.membership.granted",
        "accounts.learner.registered",
    } <= actions


@pytest.mark.django_db
def test_demo_prints_every_login_with_the_shared_password() -> None:
    output = _run()
    assert DEMO_PASSWORD in output
    for user in User.objects.all():
        assert user.email in output
        assert user.check_password(DEMO_PASSWORD)
    assert "skillstack demo --totp EMAIL" in output


@pytest.mark.django_db
def test_admins_get_a_working_two_factor_code() -> None:
    _run()
    admin = Membership.objects.filter(role=Role.ORG_ADMIN).select_related("user").first().user
    code = _run("--totp", admin.email).strip()
    assert re.fullmatch(r"\d{6}", code)
    device = TOTPDevice.objects.get(user=admin, confirmed=True)
    assert device.verify_token(code)
    assert demo_totp_code(email=admin.email.upper()) == code


@pytest.mark.django_db
def test_totp_for_someone_without_a_demo_device_is_an_error() -> None:
    _run()
    with pytest.raises(CommandError, match="no demo authenticator"):
        _run("--totp", learner_email(LEARNER_NAMES[0]))


@pytest.mark.django_db
def test_demo_refuses_to_run_in_production(settings) -> None:
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="never runs in production"):
        _run()
    assert not User.objects.exists()


def test_learner_names_are_a_fixed_list_of_thirty_distinct_people() -> None:
    assert len(LEARNER_NAMES) == 30
    emails = {learner_email(name) for name in LEARNER_NAMES}
    assert len(emails) == 30
    assert learner_email("Luis Castañeda") == "luis.castaneda@learners.example"


def test_demo_publishes_three_lab_micro_credentials_with_real_checklists(db) -> None:
    from skillstack.catalog.models import MicroCredential
    from skillstack.catalog.performance import parse_definition
    from skillstack.demo.builder import demo_load

    demo_load()
    demo_load()
    lab = ["aseptic-technique", "lab-safety", "pipetting"]
    published = MicroCredential.objects.filter(issuer__slug="northfield-institute", slug__in=lab)
    assert sorted(published.values_list("slug", flat=True)) == lab
    for mc in published:
        version = mc.versions.get()
        test = parse_definition(version.performance_test)
        assert version.published_at is not None
        assert len(test.steps) >= 10
        assert test.critical_keys
