"""Permission rules of the jobs app.

An employer's recruiters and admins manage its openings under ``/orgs/<employer>/openings/``.
The alliance's staff act for every employer from their own organization's pages
(``/orgs/<coalition>/openings/``), where they hold their role, so one ORG-scoped rule serves
both without a special case in the permission core.
"""

from skillstack.accounts.roles import Role
from skillstack.core.permissions import Rule, Scope

HIRING_STAFF = {Role.ORG_ADMIN, Role.RECRUITER, Role.COALITION_ADMIN}

RULES = [
    Rule.of(
        "jobs.opening.manage",
        HIRING_STAFF,
        Scope.ORG,
        "List, draft, edit and import an employer's openings (the alliance's for any employer)",
    ),
    Rule.of(
        "jobs.opening.publish",
        HIRING_STAFF,
        Scope.ORG,
        "Publish an opening on the job board, or close it",
    ),
    Rule.of("jobs.board.view", set(), Scope.PUBLIC, "The public job board and its openings"),
    Rule.of(
        "jobs.equivalence.manage",
        {Role.COALITION_ADMIN},
        Scope.ANY_ORG,
        "Declare that two skills mean the same (matching treats them as one)",
    ),
]
