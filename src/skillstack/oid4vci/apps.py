from django.apps import AppConfig


class Oid4vciConfig(AppConfig):
    name = "skillstack.oid4vci"
    label = "oid4vci"
    verbose_name = "Wallet apps"
