from django.apps import AppConfig


class IssuingConfig(AppConfig):
    name = "skillstack.issuing"
    label = "issuing"
    verbose_name = "Issuing"
