"""Forms of the account pages: they parse input; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import ROLES_BY_KIND, IssuerType, OrgKind, Role


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (or above the form)."""
    if hasattr(exc, "error_dict"):
        for field, messages in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, exc.messages)


class SignInForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class _NewPasswordMixin(forms.Form):
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 12 characters; not a common password and not only digits.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password"), data.get("password_again")
        if first and second and first != second:
            self.add_error("password_again", "The two passwords are not the same.")
        return data


class SignUpForm(_NewPasswordMixin):
    full_name = forms.CharField(
        label="Full name", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="E-mail address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    field_order = ["full_name", "email", "password", "password_again"]


class InvitedSignUpForm(_NewPasswordMixin):
    full_name = forms.CharField(
        label="Full name", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    field_order = ["full_name", "password", "password_again"]


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label="Six-digit code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )


class OrganizationForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    website = forms.URLField(
        label="Website", required=False, assume_scheme="https", help_text="For example https://…"
    )
    email = forms.EmailField(
        label="Contact e-mail", required=False, help_text="Where learners and partners write to."
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class OrganizationCreateForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind of organization", choices=OrgKind.choices)
    issuer_type = forms.ChoiceField(
        label="Issuer type",
        choices=IssuerType.choices,
        required=False,
        help_text="Only for issuers.",
    )
    website = forms.URLField(label="Website", required=False, assume_scheme="https")
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def role_choices(organization: Organization) -> list[tuple[str, str]]:
    """Roles that fit the organization's kind, in the order they are declared."""
    fitting = ROLES_BY_KIND[organization.kind]
    return [(role.value, role.label) for role in Role if role.value in fitting]


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address of the person", widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(label="Role")

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role_field = self.fields["role"]
        assert isinstance(role_field, forms.ChoiceField)
        role_field.choices = role_choices(organization)


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label="Action starts with",
        required=False,
        max_length=120,
        help_text="For example accounts.invitation",
    )
