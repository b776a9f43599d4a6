"""Permission rules of the Open Badges API. OAuth endpoints are public (the protocol itself
authenticates clients and learners); resource endpoints act for the learner who holds the
token, or for the signed-in learner reading their own data."""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of("obapi.discovery.view", set(), Scope.PUBLIC, "The service description document"),
    Rule.of("obapi.client.register", set(), Scope.PUBLIC, "Dynamic client registration"),
    Rule.of("obapi.client.authorize", {LEARNER}, Scope.SELF, "Let an app reach one's credentials"),
    Rule.of("obapi.token.exchange", set(), Scope.PUBLIC, "OAuth token endpoint (client auth)"),
    Rule.of("obapi.token.revoke", set(), Scope.PUBLIC, "OAuth token revocation (client auth)"),
    Rule.of("obapi.credential.list", {LEARNER}, Scope.SELF, "getCredentials: one's own"),
    Rule.of("obapi.credential.upsert", {LEARNER}, Scope.SELF, "upsertCredential into one's wallet"),
    Rule.of("obapi.profile.view", {LEARNER}, Scope.SELF, "getProfile: one's own"),
    Rule.of("obapi.profile.update", {LEARNER}, Scope.SELF, "putProfile: one's own name"),
    Rule.of("obapi.connection.list", {LEARNER}, Scope.SELF, "See the apps one connected"),
    Rule.of("obapi.connection.revoke", {LEARNER}, Scope.SELF, "Disconnect an app"),
    Rule.of("obapi.ob2.view", set(), Scope.PUBLIC, "OB 2.0 hosted documents (verifiers read)"),
    Rule.of(
        "obapi.ob2.manage",
        {Role.ORG_ADMIN},
        Scope.ORG,
        "Turn an issuer's Open Badges 2.0 publishing on or off",
    ),
]
