"""Assessment pages: an issuer's evaluators and sessions under /orgs/<slug>/, a learner's own
results under /me/."""

from django.urls import path

from skillstack.assessment import (
    attempt_views,
    checklist_views,
    evaluator_views,
    learner_views,
    session_views,
)

app_name = "assessment"

ORG = "orgs/<slug:org_slug>/"

urlpatterns = [
    path(ORG + "evaluators/", evaluator_views.evaluators, name="evaluators"),
    path(ORG + "evaluators/grant/", evaluator_views.certification_grant_view, name="grant"),
    path(
        ORG + "evaluators/<int:certification_id>/",
        evaluator_views.certification_detail,
        name="certification",
    ),
    path(
        ORG + "evaluators/<int:certification_id>/withdraw/",
        evaluator_views.certification_withdraw_view,
        name="withdraw",
    ),
    path(ORG + "sessions/", session_views.sessions, name="sessions"),
    path(ORG + "sessions/new/", session_views.session_new, name="session_new"),
    path(ORG + "sessions/sw.js", checklist_views.worker, name="worker"),
    path(ORG + "sessions/<int:session_id>/", session_views.session_detail, name="session"),
    path(ORG + "sessions/<int:session_id>/edit/", session_views.session_edit, name="session_edit"),
    path(
        ORG + "sessions/<int:session_id>/roster/add/",
        session_views.roster_add_view,
        name="roster_add",
    ),
    path(
        ORG + "sessions/<int:session_id>/roster/import/",
        session_views.roster_import_view,
        name="roster_import",
    ),
    path(ORG + "sessions/<int:session_id>/checklist/", checklist_views.checklist, name="checklist"),
    path(
        ORG + "sessions/<int:session_id>/evidence/",
        checklist_views.evidence_upload,
        name="evidence",
    ),
    path(ORG + "attempts/<int:attempt_id>/", attempt_views.attempt_detail, name="attempt"),
    path(
        ORG + "attempts/<int:attempt_id>/cosign/",
        attempt_views.attempt_cosign_view,
        name="cosign",
    ),
    path(
        ORG + "attempts/<int:attempt_id>/correct/",
        attempt_views.attempt_correct_view,
        name="correct",
    ),
    path("me/attempts/", learner_views.my_attempts, name="my_attempts"),
]
