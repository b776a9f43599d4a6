"""Pages of the pathways app: editors under /orgs/<org_slug>/pathways/, a college's credit
under /orgs/<org_slug>/credit/, and a learner's own under /me/."""

from django.urls import path

from skillstack.pathways import editor_views, learner_views

app_name = "pathways"

ORG = "orgs/<slug:org_slug>/"

urlpatterns = [
    path(f"{ORG}pathways/", editor_views.pathway_list, name="list"),
    path(f"{ORG}pathways/new/", editor_views.pathway_create, name="create"),
    path(f"{ORG}pathways/reviews/", editor_views.review_list, name="reviews"),
    path(
        f"{ORG}pathways/reviews/<int:completion_pk>/",
        editor_views.review_decide,
        name="review_decide",
    ),
    path(f"{ORG}pathways/<int:pathway_pk>/", editor_views.pathway_detail, name="detail"),
    path(f"{ORG}pathways/<int:pathway_pk>/edit/", editor_views.pathway_edit, name="edit"),
    path(f"{ORG}pathways/<int:pathway_pk>/publish/", editor_views.pathway_publish, name="publish"),
    path(f"{ORG}pathways/<int:pathway_pk>/retire/", editor_views.pathway_retire, name="retire"),
    path(f"{ORG}credit/", learner_views.college_credit, name="college_credit"),
    path(
        f"{ORG}credit/agreements/new/",
        learner_views.articulation_create,
        name="articulation_create",
    ),
    path(f"{ORG}credit/incoming.csv", learner_views.college_credit_csv, name="college_credit_csv"),
    path(
        "pathways/<slug:org_slug>/<slug:pathway_slug>/",
        learner_views.public_pathway,
        name="public",
    ),
    path("me/pathways/", learner_views.my_pathways, name="mine"),
    path("me/credit/", learner_views.my_credit, name="my_credit"),
    path("me/record.json", learner_views.my_record, name="my_record"),
    path("me/credit/consent/", learner_views.my_credit_consent, name="my_credit_consent"),
]
