"""Catalog pages: an issuer's skills and micro-credentials under /orgs/<slug>/, and the
public catalog under /catalog/."""

from django.urls import path

from skillstack.catalog import mc_views, public_views, skill_views

app_name = "catalog"

ORG = "orgs/<slug:org_slug>/"
MC = ORG + "micro-credentials/<slug:mc_slug>/"

urlpatterns = [
    path(ORG + "skills/", skill_views.skill_list, name="skills"),
    path(ORG + "skills/new/", skill_views.skill_create, name="skill_create"),
    path(ORG + "skills/import/", skill_views.skill_import, name="skill_import"),
    path(ORG + "skills/<int:skill_id>/edit/", skill_views.skill_edit, name="skill_edit"),
    path(ORG + "micro-credentials/", mc_views.mc_list, name="mc_list"),
    path(ORG + "micro-credentials/new/", mc_views.mc_create, name="mc_create"),
    path(MC, mc_views.mc_edit, name="mc_edit"),
    path(MC + "history/", mc_views.mc_history, name="mc_history"),
    path(MC + "publish/", mc_views.mc_publish, name="mc_publish"),
    path(MC + "retire/", mc_views.mc_retire, name="mc_retire"),
    path("catalog/", public_views.catalog_index, name="index"),
    path("catalog/<slug:org_slug>/", public_views.catalog_issuer, name="issuer"),
    path("catalog/<slug:org_slug>/<slug:mc_slug>/", public_views.catalog_detail, name="detail"),
    path(
        "catalog/<slug:org_slug>/<slug:mc_slug>/v<int:number>/",
        public_views.catalog_version,
        name="public_version",
    ),
]
