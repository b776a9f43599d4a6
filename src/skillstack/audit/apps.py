from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "skillstack.audit"
    label = "audit"
    verbose_name = "Audit log"
