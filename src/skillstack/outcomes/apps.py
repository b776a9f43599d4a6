from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "skillstack.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes"
