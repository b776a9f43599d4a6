"""Permission rules of the hiring app: applications, hires, check-ins and caseloads."""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

EMPLOYER_STAFF = {Role.ORG_ADMIN, Role.RECRUITER}

RULES = [
    # The candidate's side.
    Rule.of("hiring.application.apply", {LEARNER}, Scope.SELF, "Apply to an open opening"),
    Rule.of(
        "hiring.application.list_own",
        {LEARNER},
        Scope.SELF,
        "See one's own applications, their stages and invitations (others' answer 404)",
    ),
    Rule.of("hiring.application.withdraw", {LEARNER}, Scope.SELF, "Withdraw one's own application"),
    Rule.of("hiring.invitation.respond", {LEARNER}, Scope.SELF, "Accept or decline an invitation"),
    Rule.of(
        "hiring.consent.manage",
        {LEARNER},
        Scope.SELF,
        "Let an organization's navigators act for oneself, revoke that, ask for a navigator",
    ),
    # The employer's side.
    Rule.of(
        "hiring.pipeline.view",
        {Role.COALITION_ADMIN, *EMPLOYER_STAFF},
        Scope.ORG,
        "See the organization's applications and the candidates' verified credentials",
    ),
    Rule.of(
        "hiring.application.move",
        EMPLOYER_STAFF,
        Scope.ORG,
        "Move an application of the organization to its next stage",
    ),
    Rule.of(
        "hiring.placement.record",
        EMPLOYER_STAFF,
        Scope.ORG,
        "Record a hire (start, role, wage, type) and note onboarding support needs",
    ),
    Rule.of(
        "hiring.invitation.send",
        EMPLOYER_STAFF,
        Scope.ORG,
        "Invite a discoverable candidate to apply to an opening of the organization",
    ),
    # Anyone holding a signed check-in link.
    Rule.of(
        "hiring.check_in.answer",
        set(),
        Scope.PUBLIC,
        "Answer a retention check-in from its signed e-mailed link (no sign-in)",
    ),
    # Career navigators.
    Rule.of(
        "hiring.caseload.view",
        {Role.CAREER_NAVIGATOR},
        Scope.ORG,
        "See the organization's caseload: learners, credentials, applications, flags, notes",
    ),
    Rule.of(
        "hiring.caseload.act",
        {Role.CAREER_NAVIGATOR},
        Scope.ORG,
        "Write a note, nudge a learner, apply on a consenting learner's behalf",
    ),
    Rule.of(
        "hiring.caseload.assign",
        {Role.COALITION_ADMIN, Role.ORG_ADMIN},
        Scope.ORG,
        "Assign learners to the organization's navigators, accept learners' requests",
    ),
]
