"""Sharing a credential elsewhere: LinkedIn's add-to-profile and share links, e-mail, and the
Open Graph and schema.org metadata that make a shared link preview with badge, name and issuer."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import World
from tests.factories import sign_in
from tests.verification.credentials import issue

pytestmark = pytest.mark.django_db


class _Head(HTMLParser):
    """The page's meta properties, JSON-LD scripts and links, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_ld = False
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("property"):
            self.meta[a["property"] or ""] = a.get("content") or ""
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        if tag == "a":
            self._href, self._text = a.get("href") or "", ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False
        if tag == "a" and self._href is not None:
            self.links[" ".join(self._text.split())] = self._href
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld[-1] += data
        elif self._href is not None:
            self._text += data


def _parsed(html: str) -> _Head:
    head = _Head()
    head.feed(html)
    return head


def _shared(client: Client, world: World, **kwargs: object) -> tuple[object, str]:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"], **kwargs)  # type: ignore[arg-type]
    sign_in(client, world.people["learner"])
    client.post(f"/wallet/credentials/{credential.pk}/share/", {"share": "on"})
    credential.refresh_from_db()
    return credential, f"http://testserver/c/{credential.share_token}/"


def test_add_to_linkedin_profile_is_prefilled_from_the_credential(
    client: Client, world: World
) -> None:
    start = timezone.now() - timedelta(days=40)
    end = start + timedelta(days=730)
    credential, share_url = _shared(
        client, world, name="Aseptic Technique", valid_from=start, valid_until=end
    )
    page = client.get(f"/wallet/credentials/{credential.pk}/").content.decode()  # type: ignore[attr-defined]
    href = _parsed(page).links["Add to LinkedIn profile (opens LinkedIn in a new tab)"]
    url = urlsplit(href)
    assert (url.scheme, url.netloc, url.path) == ("https", "www.linkedin.com", "/profile/add")
    params = {k: v[0] for k, v in parse_qs(url.query, strict_parsing=True).items()}
    assert params == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Aseptic Technique",
        "organizationName": "BioSkills Institute",
        "issueYear": str(start.year),
        "issueMonth": str(start.month),
        "expirationYear": str(end.year),
        "expirationMonth": str(end.month),
        "certUrl": share_url,
        "certId": credential.credential_id,  # type: ignore[attr-defined]
    }


def test_linkedin_share_and_email_carry_the_public_link(client: Client, world: World) -> None:
    credential, share_url = _shared(client, world)
    links = _parsed(client.get(f"/wallet/credentials/{credential.pk}/").content.decode()).links  # type: ignore[attr-defined]
    share = urlsplit(links["Post on LinkedIn (opens LinkedIn in a new tab)"])
    assert share.netloc == "www.linkedin.com" and share.path == "/sharing/share-offsite/"
    assert parse_qs(share.query) == {"url": [share_url]}
    mail = urlsplit(links["Send by e-mail"])
    assert mail.scheme == "mailto"
    fields = parse_qs(mail.query)
    assert "Aseptic Technique" in fields["subject"][0]
    assert share_url in fields["body"][0]


def test_no_linkedin_link_while_the_credential_is_not_shared(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    page = client.get(f"/wallet/credentials/{credential.pk}/").content.decode()
    assert "linkedin.com" not in page
    assert "Turn the share link on" in page


def test_shared_page_has_open_graph_and_schema_org_metadata(client: Client, world: World) -> None:
    credential, share_url = _shared(client, world)
    head = _parsed(Client().get(share_url).content.decode())
    assert head.meta["og:title"] == "Aseptic Technique — BioSkills Institute"
    assert head.meta["og:url"] == share_url
    assert head.meta["og:image"] == f"{share_url}badge.png"
    assert head.meta["og:type"] == "website"
    (data,) = [json.loads(text) for text in head.jsonld]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationalOccupationalCredential"
    assert data["name"] == "Aseptic Technique"
    assert data["url"] == share_url
    assert data["recognizedBy"] == {"@type": "Organization", "name": "BioSkills Institute"}
    assert data["credentialCategory"] == "MicroCredential"
    assert data["dateCreated"] == credential.issued_at.date().isoformat()  # type: ignore[attr-defined]


def test_a_hostile_credential_name_cannot_break_out_of_the_metadata(
    client: Client, world: World
) -> None:
    name = 'Fake "quoted" </script><script>alert(1)</script> & <b>'
    _credential, share_url = _shared(client, world, name=name)
    html = Client().get(share_url).content.decode()
    assert "<script>alert(1)" not in html
    head = _parsed(html)
    assert head.meta["og:title"] == f"{name} — BioSkills Institute"
    (text,) = head.jsonld
    assert "</" not in text and "<" not in text
    assert json.loads(text)["name"] == name
    assert len(re.findall(r"<script\b", html)) == html.count("</script>")
