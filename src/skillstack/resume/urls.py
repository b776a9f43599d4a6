"""Pages of the resume app: the learner's composer under /me/resume/, the published resume
under /r/<token>/."""

from django.urls import path

from skillstack.resume import public_views, views

app_name = "resume"

urlpatterns = [
    path("me/resume/", views.compose, name="compose"),
    path("me/resume/profile/", views.profile, name="profile"),
    path("me/resume/credentials/", views.choose, name="choose"),
    path("me/resume/experience/", views.experience_add, name="experience_add"),
    path(
        "me/resume/experience/<int:experience_pk>/",
        views.experience_edit,
        name="experience_edit",
    ),
    path(
        "me/resume/experience/<int:experience_pk>/delete/",
        views.experience_delete,
        name="experience_delete",
    ),
    path("me/resume/publish/", views.publish, name="publish"),
    path("me/resume/revoke/", views.revoke, name="revoke"),
    path("me/resume/preview/", views.preview, name="preview"),
    path("me/resume/resume.pdf", views.pdf, name="pdf"),
    path("me/resume/presentation.json", views.presentation, name="presentation"),
    path("r/<str:resume_token>/", public_views.public_page, name="public"),
    path("r/<str:resume_token>/resume.pdf", public_views.public_pdf, name="public_pdf"),
    path(
        "r/<str:resume_token>/presentation.json",
        public_views.public_presentation,
        name="public_presentation",
    ),
]
