"""The learner's page for sending one of their credentials to a mobile wallet app.

GET explains the two ways; POST makes a single-use offer and shows it once: a QR code, the
deep link (for a wallet on this same phone) and, for OpenID4VCI, the PIN to type in the app.
Another learner's credential answers 404, like one that does not exist.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from skillstack.core.access import requires
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.selectors import credentials_of
from skillstack.oid4vci.models import Channel
from skillstack.oid4vci.selectors import offer_of_learner, offers_of_credential
from skillstack.oid4vci.services import OFFER_LIFETIME, wallet_offer_cancel, wallet_offer_create


def _own(request: HttpRequest, credential_pk: int) -> IssuedCredential:
    credential = credentials_of(user=request.user).filter(pk=credential_pk).first()
    if credential is None:
        raise Http404("No such credential in your wallet")
    return credential


def qr_svg(link: str) -> SafeString:
    """The offer link as an inline SVG QR code; built by qrcode from our own link."""
    image = qrcode.make(link, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode")
    svg = svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code to scan with your wallet app" class="qr" ', 1
    )
    return mark_safe(svg)  # noqa: S308 - generated from our own URL, no user markup


def _context(request: HttpRequest, credential: IssuedCredential) -> dict[str, object]:
    return {
        "credential": credential,
        "minutes": int(OFFER_LIFETIME.total_seconds() // 60),
        "channels": Channel,
        "offers": offers_of_credential(learner=request.user, credential=credential),
    }


@requires("oid4vci.offer.create")
def credential_mobile(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    context = _context(request, credential)
    status = 200
    if request.method == "POST":
        try:
            created = wallet_offer_create(
                actor=request.user, credential=credential, channel=request.POST.get("channel", "")
            )
        except ValidationError as err:
            context["problem"] = " ".join(err.messages)
            status = 400
        else:
            context["created"] = created
            context["qr"] = qr_svg(created.link)
            context["offers"] = offers_of_credential(learner=request.user, credential=credential)
    response = render(request, "oid4vci/mobile.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@requires("oid4vci.offer.cancel")
@require_POST
def offer_cancel(request: HttpRequest, credential_pk: int, wallet_offer_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    offer = offer_of_learner(learner=request.user, credential=credential, pk=wallet_offer_pk)
    if offer is None:
        raise Http404("No such offer")
    try:
        wallet_offer_cancel(actor=request.user, offer=offer)
    except ValidationError as err:
        messages.error(request, " ".join(err.messages))
    else:
        messages.success(request, "The offer is cancelled: no wallet can use it now.")
    return redirect("oid4vci:credential_mobile", credential_pk=credential.pk)
