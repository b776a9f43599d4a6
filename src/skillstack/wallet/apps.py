from django.apps import AppConfig


class WalletConfig(AppConfig):
    name = "skillstack.wallet"
    label = "wallet"
    verbose_name = "Wallet"
