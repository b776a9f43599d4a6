"""The wallet settings form: keep the platform identity, or name one's own DID."""

from __future__ import annotations

from typing import Any

from django import forms

from skillstack.wallet.services import did_check

PLATFORM, OWN = "platform", "own"


class IdentityForm(forms.Form):
    identity = forms.ChoiceField(
        label="Who your future credentials name",
        choices=[
            (PLATFORM, "The platform identity: a scrambled (hashed) form of your e-mail address"),
            (OWN, "My own decentralized identifier (DID)"),
        ],
        widget=forms.RadioSelect,
    )
    did = forms.CharField(
        label="Your DID",
        required=False,
        max_length=300,
        help_text="A did:key (did:key:z6Mk…, an Ed25519 key) or a did:web (did:web:example.org).",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("identity") == OWN:
            did = (data.get("did") or "").strip()
            if not did:
                self.add_error("did", "Enter your DID, or choose the platform identity.")
            else:
                try:
                    data["did"] = did_check(did)
                except forms.ValidationError as exc:
                    for message in exc.message_dict.get("did", exc.messages):
                        self.add_error("did", message)
        return data
