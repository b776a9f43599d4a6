"""A learner's wallet (under /wallet/): their credentials, downloads, share links, identity.

Every credential is looked up among the signed-in learner's own, so another learner's id
answers 404 exactly like an id that does not exist.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from skillstack.accounts.models import LearnerProfile
from skillstack.core.access import requires
from skillstack.issuing.claims import credential_by_claim_token, credential_claim
from skillstack.issuing.models import IssuedCredential
from skillstack.verification.selectors import report_present
from skillstack.verification.services import credential_verify
from skillstack.wallet import badge, selectors, services
from skillstack.wallet.forms import OWN, PLATFORM, IdentityForm


def _own(request: HttpRequest, credential_pk: int) -> IssuedCredential:
    credential = selectors.wallet_credential(user=request.user, pk=credential_pk)
    if credential is None:
        raise Http404("No such credential in your wallet")
    return credential


def _filename(credential: IssuedCredential, suffix: str) -> str:
    return f"{slugify(credential.name)[:60] or 'credential'}{suffix}"


def credential_context(credential: IssuedCredential) -> dict[str, Any]:
    """What the credential page and the share page both show."""
    report = report_present(report=credential_verify(data=credential.document))
    state = selectors.credential_state(credential=credential)
    return {
        "credential": credential,
        "facts": selectors.credential_facts(credential=credential),
        "state": state,
        "state_words": selectors.STATE_WORDS[state],
        "report": report,
    }


@requires("wallet.credential.list")
def wallet_home(request: HttpRequest) -> HttpResponse:
    rows = []
    for credential in selectors.wallet_credentials(user=request.user):
        state = selectors.credential_state(credential=credential)
        report = report_present(report=credential_verify(data=credential.document))
        rows.append(
            {
                "credential": credential,
                "state": state,
                "state_words": selectors.STATE_WORDS[state],
                "report": report,
            }
        )
    return render(request, "wallet/home.html", {"rows": rows})


@requires("wallet.credential.view")
def credential_detail(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    context = credential_context(credential)
    context["share_url"] = share_url = (
        request.build_absolute_uri(
            reverse("wallet:share", kwargs={"share_token": credential.share_token})
        )
        if credential.share_enabled
        else ""
    )
    if share_url:  # LinkedIn and e-mail need a page anyone can open: only while sharing is on
        context["share_links"] = selectors.share_links(
            credential=credential, facts=context["facts"], share_url=share_url
        )
    return render(request, "wallet/credential.html", context)


@requires("wallet.credential.view")
def credential_json(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    body = json.dumps(credential.document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    filename = _filename(credential, ".json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires("wallet.credential.view")
def credential_png(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    response = HttpResponse(badge.baked_badge_png(credential=credential), content_type="image/png")
    filename = _filename(credential, "-badge.png")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires("wallet.credential.view")
def credential_raw(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    text = json.dumps(credential.document, ensure_ascii=False, indent=2)
    return render(request, "wallet/raw.html", {"credential": credential, "text": text})


@requires("wallet.credential.share")
@require_POST
def credential_share(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    if request.POST.get("share") == "on":
        services.credential_share_enable(credential=credential, actor=request.user)
        messages.success(request, "Your share link is on: anyone with the link can see it.")
    else:
        services.credential_share_disable(credential=credential, actor=request.user)
        messages.success(request, "Your share link is off: the link no longer opens anything.")
    return redirect("wallet:credential", credential_pk=credential.pk)


@requires("wallet.settings.update")
def wallet_settings(request: HttpRequest) -> HttpResponse:
    profile = LearnerProfile.objects.get(user_id=int(request.user.pk or 0))
    status = 200
    if request.method == "POST":
        form = IdentityForm(request.POST)
        if form.is_valid():
            own = form.cleaned_data["identity"] == OWN
            services.learner_did_set(
                user=request.user, did=form.cleaned_data["did"] if own else None
            )
            messages.success(
                request,
                "Saved. Credentials issued from now on name your own DID."
                if own
                else "Saved. Credentials issued from now on name your platform identity.",
            )
            return redirect("wallet:settings")
        status = 400
    else:
        form = IdentityForm(
            initial={"identity": OWN if profile.did else PLATFORM, "did": profile.did}
        )
    return render(
        request, "wallet/settings.html", {"form": form, "profile": profile}, status=status
    )


def _masked(email: str) -> str:
    name, _, domain = email.partition("@")
    return f"{name[:1]}{'•' * max(len(name) - 1, 2)}@{domain}"


@requires("wallet.credential.claim")
def claim(request: HttpRequest, claim_token: str) -> HttpResponse:
    """The e-mailed link: its recipient claims (once; the link is then used up)."""
    credential = credential_by_claim_token(token=claim_token)
    if credential is None:
        return render(request, "wallet/claim_invalid.html", status=404)
    if credential.recipient_id != request.user.pk:
        context = {"credential": credential, "recipient": _masked(credential.recipient.email)}
        return render(request, "wallet/claim_wrong_account.html", context)
    try:
        credential_claim(token=claim_token, user=request.user)
    except ValidationError:  # claimed a moment ago in another tab
        return render(request, "wallet/claim_invalid.html", status=404)
    messages.success(request, f"“{credential.name}” is in your wallet.")
    return redirect("wallet:credential", credential_pk=credential.pk)
