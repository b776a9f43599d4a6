from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "skillstack.matching"
    label = "matching"
    verbose_name = "Matching"
