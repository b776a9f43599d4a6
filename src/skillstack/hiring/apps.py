from django.apps import AppConfig


class HiringConfig(AppConfig):
    name = "skillstack.hiring"
    label = "hiring"
    verbose_name = "Hiring"
