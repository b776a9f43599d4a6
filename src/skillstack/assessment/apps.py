from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "skillstack.assessment"
    label = "assessment"
    verbose_name = "Assessment"
