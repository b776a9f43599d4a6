"""Pages of the hiring app: the candidate's under /jobs/…/apply/ and /me/, the employer's
pipeline and the navigators' caseload under /orgs/<org_slug>/, check-in links under
/checkins/."""

from django.urls import path

from skillstack.hiring import candidate_views, caseload_views, checkin_views, employer_views

ORG = "orgs/<slug:org_slug>/"

app_name = "hiring"

urlpatterns = [
    path("jobs/<int:opening_pk>/apply/", candidate_views.apply, name="apply"),
    path("me/applications/", candidate_views.my_applications, name="my_applications"),
    path(
        "me/applications/<int:application_pk>/",
        candidate_views.my_application,
        name="my_application",
    ),
    path(
        "me/applications/<int:application_pk>/withdraw/",
        candidate_views.withdraw,
        name="withdraw",
    ),
    path(
        "me/invitations/<int:invitation_pk>/",
        candidate_views.invitation_answer,
        name="invitation_answer",
    ),
    path("me/navigators/", candidate_views.my_navigators, name="my_navigators"),
    path(f"{ORG}caseload/", caseload_views.caseload, name="caseload"),
    path(f"{ORG}caseload/assignments/", caseload_views.assignments, name="assignments"),
    path(f"{ORG}caseload/<int:assignment_pk>/", caseload_views.learner, name="caseload_learner"),
    path(f"{ORG}caseload/<int:assignment_pk>/note/", caseload_views.note, name="caseload_note"),
    path(f"{ORG}caseload/<int:assignment_pk>/nudge/", caseload_views.nudge, name="caseload_nudge"),
    path(
        f"{ORG}caseload/<int:assignment_pk>/apply/",
        caseload_views.apply_for,
        name="caseload_apply",
    ),
    path("checkins/<str:checkin_token>/", checkin_views.check_in, name="check_in"),
    path("orgs/<slug:org_slug>/applications/", employer_views.pipeline, name="pipeline"),
    path(f"{ORG}applications/invite/", employer_views.invite, name="invite"),
    path(
        "orgs/<slug:org_slug>/applications/<int:application_pk>/",
        employer_views.application_detail,
        name="application",
    ),
    path(
        "orgs/<slug:org_slug>/applications/<int:application_pk>/move/",
        employer_views.move,
        name="move",
    ),
    path(
        "orgs/<slug:org_slug>/applications/<int:application_pk>/hire/",
        employer_views.hire,
        name="hire",
    ),
    path(
        "orgs/<slug:org_slug>/applications/<int:application_pk>/onboarding/",
        employer_views.onboarding,
        name="onboarding",
    ),
]
