from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "skillstack.accounts"
    label = "accounts"
    verbose_name = "Accounts and organizations"
