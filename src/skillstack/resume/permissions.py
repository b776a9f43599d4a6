"""Permission rules of the resume app: a learner's own resume, and the page they publish."""

from skillstack.accounts.roles import LEARNER
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of(
        "resume.resume.view",
        {LEARNER},
        Scope.SELF,
        "See, preview and download one's own resume (PDF, presentation)",
    ),
    Rule.of(
        "resume.resume.update",
        {LEARNER},
        Scope.SELF,
        "Compose one's own resume, choose what shows, publish or revoke its link",
    ),
    Rule.of(
        "resume.public.view",
        set(),
        Scope.PUBLIC,
        "A resume its owner published by link (until revoked or expired)",
    ),
]
