"""The published resume at /r/<token>/: only what the learner chose and what verifies now,
a link they can revoke or let expire, and metadata that previews well and cannot be broken."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from skillstack.issuing.services import credential_revoke, credential_suspend
from skillstack.resume.models import Resume
from tests.conftest import World
from tests.factories import sign_in
from tests.resume.helpers import choose, held_credential
from tests.wallet.test_linkedin_and_metadata import _parsed

pytestmark = pytest.mark.django_db


def _publish(client: Client, **data: Any) -> str:
    assert client.post("/me/resume/publish/", data).status_code == 302
    return Resume.objects.get().public_token


def _built(client: Client, world: World) -> dict[str, Any]:
    """A learner with two chosen credentials (one shared), one not chosen, an entry, a link."""
    aseptic = held_credential(world, name="Aseptic Technique", skills=["Aseptic", "Gowning"])
    pipetting = held_credential(world, name="Accurate Pipetting", skills=["Pipetting"])
    hidden = held_credential(world, name="Cleanroom Entry", skills=["Cleanroom"])
    sign_in(client, world.people["learner"])
    client.post("/me/resume/profile/", {"headline": "Upstream technician", "summary": "Hi."})
    skills = [s.pk for c in (aseptic, pipetting) for s in c.micro_credential_version.skills.all()]  # type: ignore[union-attr]
    choose(client, [aseptic.credential_id], skills=skills, share=True)
    choose(client, [aseptic.credential_id, pipetting.credential_id], skills=skills)
    client.post(
        "/me/resume/experience/",
        {
            "role": "Media prep",
            "organisation": "Helix Ridge",
            "start_date": "2024-02-01",
            "shown": "on",
        },
    )
    token = _publish(client)
    return {"aseptic": aseptic, "pipetting": pipetting, "hidden": hidden, "token": token}


def test_the_public_page_shows_only_chosen_valid_items(client: Client, world: World) -> None:
    built = _built(client, world)
    page = Client().get(f"/r/{built['token']}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Learner</h1>" in html and "Upstream technician" in html
    assert "Aseptic Technique" in html and "Accurate Pipetting" in html
    assert "Cleanroom" not in html
    assert "Media prep, Helix Ridge" in html
    aseptic = built["aseptic"]
    aseptic.refresh_from_db()
    assert f"http://testserver/c/{aseptic.share_token}/" in html  # its own public page
    assert 'href="http://testserver/verify/"' in html  # the unshared one: the verify page
    assert "Credentials last checked" in html
    assert page["X-Robots-Tag"] == "noindex" and '<meta name="robots" content="noindex">' in html


def test_a_hidden_skill_and_a_hidden_entry_do_not_show(client: Client, world: World) -> None:
    credential = held_credential(world, name="Aseptic Technique", skills=["Aseptic", "Gowning"])
    sign_in(client, world.people["learner"])
    aseptic = credential.micro_credential_version.skills.get(label="Aseptic")  # type: ignore[union-attr]
    choose(client, [credential.credential_id], skills=[aseptic.pk])
    client.post(
        "/me/resume/experience/",
        {"role": "Secret job", "organisation": "Nowhere", "start_date": "2024-02-01"},  # not shown
    )
    token = _publish(client)
    html = Client().get(f"/r/{token}/").content.decode()
    skills = html[html.index("Verified skills") : html.index("Verified credentials")]
    assert "Aseptic" in skills and "Gowning" not in skills
    assert "Secret job" not in html


def test_a_revoked_credential_disappears_at_once(client: Client, world: World) -> None:
    built = _built(client, world)
    credential_revoke(
        credential=built["pipetting"], actor=world.people["issuer_admin"], reason="Wrong"
    )
    html = Client().get(f"/r/{built['token']}/").content.decode()
    assert "Accurate Pipetting" not in html and "Aseptic Technique" in html
    credential_suspend(credential=built["aseptic"], actor=world.people["issuer_admin"], reason="x")
    html = Client().get(f"/r/{built['token']}/").content.decode()
    assert "Aseptic Technique" not in html and "No verified credentials are shown." in html


def test_an_expired_credential_disappears(client: Client, world: World) -> None:
    built = _built(client, world)
    built["pipetting"].valid_until = timezone.now() - timedelta(minutes=1)
    built["pipetting"].save(update_fields=["valid_until"])
    html = Client().get(f"/r/{built['token']}/").content.decode()
    assert "Accurate Pipetting" not in html


def test_revoking_the_link_makes_it_404_and_republishing_makes_a_new_one(
    client: Client, world: World
) -> None:
    built = _built(client, world)
    assert client.post("/me/resume/revoke/").status_code == 302
    for suffix in ("", "resume.pdf", "presentation.json"):
        assert Client().get(f"/r/{built['token']}/{suffix}").status_code == 404
    fresh = _publish(client)
    assert fresh != built["token"] and len(fresh) == 43
    assert Client().get(f"/r/{fresh}/").status_code == 200
    assert Client().get(f"/r/{built['token']}/").status_code == 404


def test_a_link_with_an_end_date_stops_working_after_it(client: Client, world: World) -> None:
    built = _built(client, world)
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert _publish(client, expires_on=tomorrow.isoformat()) == built["token"]
    assert Client().get(f"/r/{built['token']}/").status_code == 200
    Resume.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(f"/r/{built['token']}/").status_code == 404
    assert "the link you had has expired" in client.get("/me/resume/").content.decode()


def test_an_end_date_in_the_past_is_refused(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post("/me/resume/publish/", {"expires_on": yesterday.isoformat()})
    assert response.status_code == 400
    assert "Choose an end date after today" in response.content.decode()
    assert Resume.objects.get().public_token == ""


def test_indexing_is_the_learners_choice(client: Client, world: World) -> None:
    built = _built(client, world)
    client.post("/me/resume/profile/", {"headline": "x", "allow_indexing": "on"})
    page = Client().get(f"/r/{built['token']}/")
    assert "X-Robots-Tag" not in page
    assert 'name="robots"' not in page.content.decode()


def test_unknown_tokens_answer_404(client: Client) -> None:
    for token in ("x" * 43, "short", "a" * 200):
        assert client.get(f"/r/{token}/").status_code == 404


def test_open_graph_and_person_metadata(client: Client, world: World) -> None:
    built = _built(client, world)
    url = f"http://testserver/r/{built['token']}/"
    head = _parsed(Client().get(url).content.decode())
    assert head.meta["og:title"] == "Learner — skills-based resume"
    assert head.meta["og:url"] == url and head.meta["og:type"] == "profile"
    built["aseptic"].refresh_from_db()
    assert head.meta["og:image"] == f"http://testserver/c/{built['aseptic'].share_token}/badge.png"
    (data,) = [json.loads(t) for t in head.jsonld]
    assert data["@type"] == "Person" and data["name"] == "Learner" and data["url"] == url
    names = [c["name"] for c in data["hasCredential"]]
    assert names == ["Aseptic Technique", "Accurate Pipetting"]
    assert all(c["@type"] == "EducationalOccupationalCredential" for c in data["hasCredential"])
    assert data["hasCredential"][0]["recognizedBy"]["name"] == "BioSkills Institute"
    assert set(data["knowsAbout"]) == {"Aseptic", "Gowning", "Pipetting"}


def test_hostile_text_cannot_break_out_of_the_page_or_its_metadata(
    client: Client, world: World
) -> None:
    built = _built(client, world)
    evil = '"><script>alert(1)</script></script>'
    client.post("/me/resume/profile/", {"headline": evil, "summary": evil})
    html = Client().get(f"/r/{built['token']}/").content.decode()
    assert "<script>alert(1)" not in html
    head = _parsed(html)
    assert head.meta["og:description"] == evil
    (text,) = head.jsonld
    assert "<" not in text and json.loads(text)["jobTitle"] == evil
    assert len(re.findall(r"<script\b", html)) == html.count("</script>")


def test_the_owner_previews_before_publishing(client: Client, world: World) -> None:
    credential = held_credential(world)
    sign_in(client, world.people["learner"])
    choose(client, [credential.credential_id])
    page = client.get("/me/resume/preview/").content.decode()
    assert "This is a preview of your resume; it is not published" in page
    assert "Aseptic Technique" in page
