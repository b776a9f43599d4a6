from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "skillstack.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from skillstack.core import permissions

        permissions.load_app_rules()
