"""Pages of the outcomes app: /me/demographics/ and /orgs/<slug>/outcomes/…"""

from django.urls import path

from skillstack.outcomes import demographics_views, insight_views, report_views

app_name = "outcomes"

P = "orgs/<slug:org_slug>/outcomes/"

urlpatterns = [
    path("me/demographics/", demographics_views.demographics, name="demographics"),
    path("me/demographics/consent/", demographics_views.consent, name="consent"),
    path(P, report_views.programs, name="programs"),
    path(P + "programs/new/", report_views.program_new, name="program_new"),
    path(P + "programs/<int:program_pk>/", report_views.report, name="report"),
    path(P + "programs/<int:program_pk>/report.csv", report_views.report_csv, name="report_csv"),
    path(P + "programs/<int:program_pk>/report.xlsx", report_views.report_xlsx, name="report_xlsx"),
    path(P + "programs/<int:program_pk>/chart.svg", report_views.report_chart, name="report_chart"),
    path(P + "programs/<int:program_pk>/cohorts/", report_views.cohort_new, name="cohort_new"),
    path(
        P + "programs/<int:program_pk>/snapshots/", report_views.snapshot_new, name="snapshot_new"
    ),
    path(P + "snapshots/<str:snapshot_key>/", report_views.snapshot, name="snapshot"),
    path(P + "gaps/", insight_views.gaps, name="gaps"),
    path(P + "roi/", insight_views.roi, name="roi"),
    path(P + "roi/baseline/", insight_views.baseline, name="baseline"),
    path("outcomes/alliance/", insight_views.alliance, name="alliance"),
]
