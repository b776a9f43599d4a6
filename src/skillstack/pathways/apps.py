from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "skillstack.pathways"
    label = "pathways"
    verbose_name = "Pathways"
