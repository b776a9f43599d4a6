from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "skillstack.verification"
    label = "verification"
    verbose_name = "Verification"
