"""Pages of the hiring app: the candidate's under /jobs/…/apply/ and /me/, the employer's
pipeline and the navigators' caseload under /orgs/<org_slug>/, check-in links under
/checkins/."""

from django.urls import path

from skillstack.hiring import candidate_views

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
]
