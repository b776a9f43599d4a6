"""Forms of the trust app."""

from __future__ import annotations

from django import forms

from skillstack.trust.models import EndorsementKind


class ApplyForm(forms.Form):
    issuer_id = forms.CharField(
        label="Issuer DID or address",
        max_length=300,
        help_text="The DID its credentials name as issuer (did:web:… or did:key:…), or its "
        "https address for Open Badges 2.0 issuers.",
    )
    name = forms.CharField(label="Issuer name", max_length=200)
    website = forms.URLField(label="Website", required=False, max_length=200, assume_scheme="https")
    contact_email = forms.EmailField(label="Contact e-mail", help_text="Where the answer goes.")
    statement = forms.CharField(
        label="About the issuer",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What it certifies and how it assesses.",
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Recognise"), ("suspend", "Suspend"), ("decline", "Decline")]
    )
    reason = forms.CharField(
        label="Reason (sent to the issuer)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EndorseForm(forms.Form):
    kind = forms.ChoiceField(label="What you endorse", choices=EndorsementKind.choices)
    subject_id = forms.CharField(
        label="Its DID or address",
        max_length=500,
        help_text="An issuer's DID, or the micro-credential's page address (its achievement id).",
    )
    subject_name = forms.CharField(label="Its name", max_length=300)
    comment = forms.CharField(
        label="Why you endorse it",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
