"""Permission rules of the assessment app (who may do what, and where).

These rules say who may reach a page or an operation at all. Object-level rules — an evaluator
records results only for sessions they are assigned to and micro-credentials they are currently
certified for, and never for their own attempt — are enforced in the services
(``skillstack.assessment.services.rules``), where every caller passes through them.
"""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

ADMINS = {Role.ORG_ADMIN, Role.COALITION_ADMIN}
ORGANISERS = {*ADMINS, Role.CREDENTIAL_DESIGNER}
STAFF = {*ORGANISERS, Role.EVALUATOR}

RULES = [
    Rule.of("assessment.certification.list", ORGANISERS, Scope.ORG, "See certified evaluators"),
    Rule.of("assessment.certification.manage", ADMINS, Scope.ORG, "Grant, withdraw"),
    Rule.of("assessment.session.list", STAFF, Scope.ORG, "Sessions (an evaluator's own)"),
    Rule.of("assessment.session.view", STAFF, Scope.ORG, "A session, its roster, its attempts"),
    Rule.of("assessment.session.manage", ORGANISERS, Scope.ORG, "Plan sessions, fill rosters"),
    Rule.of("assessment.attempt.record", {Role.EVALUATOR}, Scope.ORG, "Record observations"),
    Rule.of("assessment.attempt.cosign", {Role.EVALUATOR}, Scope.ORG, "Co-sign an attempt"),
    Rule.of(
        "assessment.attempt.correct", {Role.EVALUATOR, *ADMINS}, Scope.ORG, "Correct an attempt"
    ),
    Rule.of("assessment.attempt.mine", {LEARNER}, Scope.SELF, "A learner's own attempts"),
    Rule.of("assessment.worker.view", set(), Scope.PUBLIC, "The checklist's service worker"),
]
