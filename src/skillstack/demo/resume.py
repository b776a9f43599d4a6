"""Demo: a learner with a published skills-based resume (summary, one experience entry, the
credentials they hold), through the resume services. A second run finds it in place."""

from __future__ import annotations

import datetime

from skillstack.accounts.models import Organization, User
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.demo.people import LEARNER_NAMES, learner_email
from skillstack.resume import services
from skillstack.wallet.holdings import verified_holdings

HEADLINE = "Biomanufacturing technician: aseptic work, upstream and media prep"
SUMMARY = (
    "I moved into biomanufacturing from hospitality two years ago. Every skill below was "
    "observed by a certified evaluator in a working lab; I am looking for a cleanroom "
    "technician role on day or rotating shifts."
)
EXPERIENCE = {
    "role": "Media preparation assistant (internship)",
    "organisation": "Cedar Valley Community College teaching lab",
    "start_date": datetime.date(2024, 9, 2),
    "end_date": datetime.date(2025, 5, 30),
    "description": "Prepared and checked buffers and culture media for the teaching lab's "
    "fermentation runs; kept the batch records.",
}


def _best_held() -> User | None:
    """The demo learner holding the most credentials that verify (the first name on a tie)."""
    best, most = None, 0
    for name in LEARNER_NAMES:
        user = User.objects.filter(email__iexact=learner_email(name)).first()
        count = len(verified_holdings(user=user)) if user else 0
        if count > most:
            best, most = user, count
    return best


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    learner = _best_held()
    if learner is None:
        return
    resume = services.resume_ensure(owner=learner)
    if resume.public_token:
        return  # already built (a learner's later edits are theirs to keep)
    services.resume_profile_update(
        resume=resume, actor=learner, headline=HEADLINE, summary=SUMMARY, allow_indexing=False
    )
    if not resume.experiences.exists():
        services.experience_add(resume=resume, actor=learner, **EXPERIENCE)  # type: ignore[arg-type]
    refs = [h.ref for h in verified_holdings(user=learner)]
    services.resume_credentials_choose(resume=resume, actor=learner, refs=refs, share=True)
    services.resume_publish(resume=resume, actor=learner)
