from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "skillstack.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from skillstack.core import dashboard, permissions

        permissions.load_app_rules()
        dashboard.load_app_dashboards()
