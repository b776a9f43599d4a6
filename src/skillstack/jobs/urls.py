"""Pages of the jobs app: an organization's openings under /orgs/<slug>/openings/, the public
job board under /jobs/, and the alliance's skill equivalences."""

from django.urls import path

from skillstack.jobs import board_views, equivalence_views, import_views, views

app_name = "jobs"

OPENINGS = "orgs/<slug:org_slug>/openings/"
OPENING = OPENINGS + "<int:opening_pk>/"

urlpatterns = [
    path(OPENINGS, views.opening_list, name="opening_list"),
    path(OPENINGS + "new/", views.opening_create, name="opening_create"),
    path(OPENINGS + "import/", import_views.opening_import, name="opening_import"),
    path(OPENINGS + "suggest-skills/", views.skill_suggest, name="skill_suggest"),
    path(OPENINGS + "skill-search/", views.skill_search, name="skill_search"),
    path(OPENING, views.opening_detail, name="opening_detail"),
    path(OPENING + "edit/", views.opening_edit, name="opening_edit"),
    path(OPENING + "publish/", views.opening_publish, name="opening_publish"),
    path(OPENING + "close/", views.opening_close, name="opening_close"),
    path("jobs/", board_views.board, name="board"),
    path("jobs/<int:opening_pk>/", board_views.board_detail, name="board_detail"),
    path("alliance/skill-equivalences/", equivalence_views.equivalence_list, name="equivalences"),
    path(
        "alliance/skill-equivalences/<int:equivalence_pk>/remove/",
        equivalence_views.equivalence_remove,
        name="equivalence_remove",
    ),
]
