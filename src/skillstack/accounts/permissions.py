"""Permission rules of the accounts app (see skillstack.core.permissions)."""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

ADMINS = {Role.ORG_ADMIN, Role.COALITION_ADMIN}

RULES = [
    Rule.of("accounts.org.view", ADMINS, Scope.ORG, "See an organization's settings"),
    Rule.of("accounts.org.update", ADMINS, Scope.ORG, "Change an organization's settings"),
    Rule.of("accounts.org.create", {Role.COALITION_ADMIN}, Scope.ANY_ORG, "Add an organization"),
    Rule.of("accounts.org.list", {Role.COALITION_ADMIN}, Scope.ANY_ORG, "List all organizations"),
    Rule.of("accounts.member.list", ADMINS, Scope.ORG, "See who belongs to an organization"),
    Rule.of("accounts.member.remove", ADMINS, Scope.ORG, "Remove a member's role"),
    Rule.of("accounts.invitation.list", ADMINS, Scope.ORG, "See pending invitations"),
    Rule.of("accounts.invitation.send", ADMINS, Scope.ORG, "Invite someone to a role"),
    Rule.of("accounts.invitation.revoke", ADMINS, Scope.ORG, "Withdraw an invitation"),
    Rule.of("accounts.invitation.accept", set(), Scope.AUTHENTICATED, "Accept an invitation"),
    Rule.of("accounts.invitation.view", set(), Scope.PUBLIC, "Open an e-mailed invitation link"),
    Rule.of("accounts.profile.view", set(), Scope.AUTHENTICATED, "See one's own profile"),
    Rule.of("accounts.profile.update", set(), Scope.AUTHENTICATED, "Change one's own profile"),
    Rule.of("accounts.twofactor.manage", set(), Scope.AUTHENTICATED, "Set up two-factor sign-in"),
    Rule.of(
        "accounts.twofactor.verify",
        set(),
        Scope.PUBLIC,
        "Enter the second-factor code while signing in (the password step came first)",
    ),
    Rule.of("accounts.dashboard.view", set(), Scope.AUTHENTICATED, "See one's dashboard"),
    Rule.of("accounts.learner.home", {LEARNER}, Scope.SELF, "A learner's own home"),
    Rule.of("accounts.signin", set(), Scope.PUBLIC, "Sign in, sign up, reset a password"),
]
