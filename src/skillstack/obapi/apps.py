from django.apps import AppConfig


class ObapiConfig(AppConfig):
    name = "skillstack.obapi"
    label = "obapi"
    verbose_name = "Open Badges API"
