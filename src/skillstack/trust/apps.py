from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "skillstack.trust"
    label = "trust"
    verbose_name = "Trust"

    def ready(self) -> None:
        # registers the holdings provider: verified imports count in verified_holdings()
        from skillstack.trust import imports  # noqa: F401
