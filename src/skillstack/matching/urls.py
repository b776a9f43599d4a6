"""Pages of the matching app: the learner's under /me/, an opening's candidates under
/orgs/<slug>/openings/<pk>/matches/."""

from django.urls import path

from skillstack.matching import views

app_name = "matching"

MATCHES = "orgs/<slug:org_slug>/openings/<int:opening_pk>/matches/"

urlpatterns = [
    path("me/job-preferences/", views.preferences, name="preferences"),
    path("me/skills/", views.skills, name="skills"),
    path(
        "me/skills/declared/<int:declared_skill_pk>/remove/",
        views.declared_skill_remove,
        name="declared_skill_remove",
    ),
    path("me/jobs/", views.jobs, name="jobs"),
    path("me/jobs/<int:opening_pk>/", views.job, name="job"),
    path(MATCHES, views.opening_matches, name="opening_matches"),
    path(MATCHES + "<int:match_candidate_pk>/", views.opening_candidate, name="opening_candidate"),
]
