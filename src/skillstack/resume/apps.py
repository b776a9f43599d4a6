from django.apps import AppConfig


class ResumeConfig(AppConfig):
    name = "skillstack.resume"
    label = "resume"
    verbose_name = "Resumes"
