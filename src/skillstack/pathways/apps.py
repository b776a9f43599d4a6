from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "skillstack.pathways"
    label = "pathways"
    verbose_name = "Pathways"

    def ready(self) -> None:
        """Documented extension points: re-check a learner's pathways when what they hold
        changes (issuing signals, the wallet's holdings_changed)."""
        from skillstack.issuing.signals import credential_issued, credential_state_changed
        from skillstack.pathways import receivers
        from skillstack.wallet.holdings import holdings_changed

        credential_issued.connect(receivers.on_credentials_issued, dispatch_uid="pathways.issued")
        credential_state_changed.connect(
            receivers.on_credential_state_changed, dispatch_uid="pathways.state"
        )
        holdings_changed.connect(receivers.on_holdings_changed, dispatch_uid="pathways.holdings")
