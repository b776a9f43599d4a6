"""The learner's page for sending one of their credentials to a mobile wallet app.

GET explains the two ways; POST makes a single-use offer and shows it once: a QR code, the
deep link (for a wallet on this same phone) and, for OpenID4VCI, the PIN to type in the app.
Another learner's credential answers 404, like one that does not exist.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe

from skillstack.core.access import requires
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.selectors import credentials_of
from skillstack.oid4vci.models import Channel
from skillstack.oid4vci.services import OFFER_LIFETIME, wallet_offer_create


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


@requires("oid4vci.offer.create")
def credential_mobile(request: HttpRequest, credential_pk: int) -> HttpResponse:
    credential = _own(request, credential_pk)
    context: dict[str, object] = {
        "credential": credential,
        "minutes": int(OFFER_LIFETIME.total_seconds() // 60),
        "channels": Channel,
    }
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
    response = render(request, "oid4vci/mobile.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response
