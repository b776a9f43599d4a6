from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "skillstack.matching"
    label = "matching"
    verbose_name = "Matching"

    def ready(self) -> None:
        from skillstack.matching import receivers  # noqa: F401 - connects the signal receivers
