"""Public pages of a credential its holder shares by link (/c/<token>/): the credential, its
live verification report, and Open Graph tags so the link previews well where it is posted."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString

from skillstack.core.access import requires
from skillstack.issuing.models import IssuedCredential
from skillstack.resume.structured_data import credential_schema, json_ld
from skillstack.wallet import badge, selectors
from skillstack.wallet.views import credential_context


def _shared(share_token: str) -> IssuedCredential:
    credential = selectors.shared_credential(token=share_token)
    if credential is None:
        raise Http404("This share link is off or does not exist")
    return credential


def _structured_data(context: dict[str, Any], url: str) -> SafeString:
    """schema.org JSON-LD so search engines and link previews name the badge and its issuer."""
    facts = context["facts"]
    return json_ld(
        credential_schema(
            name=facts.name,
            description=facts.description,
            issuer_name=facts.issuer_name,
            issuer_url=facts.issuer_url,
            url=url,
            image=context["og_image"],
            category=facts.achievement_type or "Micro-credential",
            issued=facts.valid_from,
            valid_until=facts.valid_until,
        )
    )


@requires("wallet.share.view")
def share_page(request: HttpRequest, share_token: str) -> HttpResponse:
    credential = _shared(share_token)
    context = credential_context(credential)
    context["og_image"] = request.build_absolute_uri(
        reverse("wallet:share_badge", kwargs={"share_token": share_token})
    )
    context["og_url"] = request.build_absolute_uri()
    context["structured_data"] = _structured_data(context, context["og_url"])
    response = render(request, "wallet/share.html", context)
    response["X-Robots-Tag"] = "noindex"  # shared with those who have the link, not searchable
    return response


@requires("wallet.share.view")
def share_badge(request: HttpRequest, share_token: str) -> HttpResponse:
    credential = _shared(share_token)
    response = HttpResponse(badge.baked_badge_png(credential=credential), content_type="image/png")
    response["Cache-Control"] = "no-cache"  # a link turned off stops showing the image
    return response
