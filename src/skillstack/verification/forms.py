"""The verify page's form: one of pasted text, an uploaded file or a URL."""

from __future__ import annotations

from typing import Any

from django import forms

MAX_PASTE_CHARS = 2_000_000


class VerifyForm(forms.Form):
    text = forms.CharField(
        label="Paste the credential",
        required=False,
        max_length=MAX_PASTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text="The credential's JSON, or a VC-JWT (three parts separated by dots).",
    )
    file = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="A badge image (PNG or SVG) with the credential inside, a JSON file or a JWT. "
        "Up to 10 MB.",
    )
    url = forms.CharField(
        label="Or give its address",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text="An https address that serves the credential's JSON.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [n for n in ("text", "file", "url") if data.get(n)]
        if not given:
            raise forms.ValidationError(
                "Give a credential: paste it, upload its file, or enter its address."
            )
        if len(given) > 1:
            raise forms.ValidationError(
                "Give only one credential at a time: paste it, upload a file, or enter an "
                "address, not several."
            )
        return data
