from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "skillstack.trust"
    label = "trust"
    verbose_name = "Trust"
