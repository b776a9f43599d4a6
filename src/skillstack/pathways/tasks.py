"""Background work of pathways: thin tasks that take primary keys and call a service.

Idempotent: a retried task finds the completion and the certificate in place (unique
``PathwayCompletion`` per pathway and learner, unique credential idempotency key).
"""

from __future__ import annotations

from django_tasks import task

from skillstack.accounts.models import LearnerProfile, User
from skillstack.pathways.certificates import learner_pathways_check


@task()
def pathways_check_learner(user_id: int) -> int:
    """Issue the certificates one learner has earned; flag those that lost a component."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    return learner_pathways_check(learner=user)


@task()
def pathway_check_all(pathway_id: int) -> int:
    """After a pathway is published: every learner who already completed it gets it."""
    issued = 0
    for user_id in LearnerProfile.objects.order_by("user_id").values_list("user_id", flat=True):
        issued += pathways_check_learner.call(user_id)
    return issued
