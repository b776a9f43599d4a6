from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "skillstack.jobs"
    label = "jobs"
    verbose_name = "Jobs"
