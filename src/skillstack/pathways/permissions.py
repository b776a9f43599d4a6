"""Permission rules of the pathways app: who defines pathways, reviews certificates, sees
credit. A learner's own progress and credit are theirs alone; a college sees credit only of
learners who consented (checked in the selectors, on top of these rules)."""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

DESIGNERS = {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.CREDENTIAL_DESIGNER}
ADMINS = {Role.COALITION_ADMIN, Role.ORG_ADMIN}

RULES = [
    Rule.of(
        "pathways.pathway.view",
        set(),
        Scope.PUBLIC,
        "A published pathway's public page (its certificates' achievement id)",
    ),
    Rule.of("pathways.pathway.list", DESIGNERS, Scope.ORG, "See the organization's pathways"),
    Rule.of("pathways.pathway.edit", DESIGNERS, Scope.ORG, "Define and change draft pathways"),
    Rule.of("pathways.pathway.publish", DESIGNERS, Scope.ORG, "Publish or retire a pathway"),
    Rule.of(
        "pathways.certificate.review",
        ADMINS,
        Scope.ORG,
        "Keep or revoke a certificate whose component stopped verifying",
    ),
    Rule.of(
        "pathways.credit_recommendation.record",
        DESIGNERS,
        Scope.ORG,
        "Record a recommending body's credit recommendation for a micro-credential",
    ),
    Rule.of(
        "pathways.articulation.manage",
        {Role.ORG_ADMIN},
        Scope.ORG,
        "A college's articulation agreements (what counts toward which program)",
    ),
    Rule.of(
        "pathways.credit.incoming",
        {Role.ORG_ADMIN, Role.CAREER_NAVIGATOR},
        Scope.ORG,
        "A college's incoming learners' verified credit (only those who consented)",
    ),
    Rule.of("pathways.progress.view", {LEARNER}, Scope.SELF, "One's own pathway progress"),
    Rule.of("pathways.credit.view", {LEARNER}, Scope.SELF, "One's own credit toward programs"),
    Rule.of(
        "pathways.clr.export", {LEARNER}, Scope.SELF, "One's own CLR 2.0 record, signed, as JSON"
    ),
    Rule.of(
        "pathways.credit.consent",
        {LEARNER},
        Scope.SELF,
        "Share (or stop sharing) one's verified credit with a college",
    ),
]
