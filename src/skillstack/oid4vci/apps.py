from django.apps import AppConfig


class Oid4vciConfig(AppConfig):
    name = "skillstack.oid4vci"
    label = "oid4vci"
    verbose_name = "Wallet apps"

    def ready(self) -> None:
        from skillstack.issuing.signals import credential_state_changed
        from skillstack.oid4vci.receivers import copies_follow_original

        credential_state_changed.connect(
            copies_follow_original, dispatch_uid="oid4vci.copies_follow_original"
        )
