"""Publish and retire buttons: publishing validates and freezes; retiring keeps what was earned."""

from __future__ import annotations

from skillstack.audit.models import AuditEntry
from skillstack.catalog.models import MicroCredential
from tests.catalog.editor_posts import editor_post
from tests.factories import sign_in

NEW = "/orgs/bioskills/micro-credentials/new/"
EDIT = "/orgs/bioskills/micro-credentials/micropipetting/"


def _draft(client, world):
    sign_in(client, world.people["designer"])
    client.post(NEW, editor_post())
    return MicroCredential.objects.get()


def test_publishing_lists_it_publicly_and_says_so(client, world) -> None:
    mc = _draft(client, world)
    response = client.post(EDIT + "publish/", follow=True)
    assert "Version 1 is published and listed in the public catalog." in response.content.decode()
    mc.refresh_from_db()
    assert mc.status == "published"
    assert client.get("/catalog/bioskills/micropipetting/").status_code == 200


def test_publishing_an_invalid_definition_is_refused_with_the_reason(client, world) -> None:
    mc = _draft(client, world)
    version = mc.versions.get()
    version.performance_test = {"steps": []}
    version.save()
    response = client.post(EDIT + "publish/", follow=True)
    assert "Not published:" in response.content.decode()
    assert "a performance test needs at least one step" in response.content.decode()
    mc.refresh_from_db()
    assert mc.status == "draft"


def test_the_page_offers_publish_for_a_draft_and_retire_once_published(client, world) -> None:
    _draft(client, world)
    page = client.get(EDIT).content.decode()
    assert "Publish version 1" in page and "Retire this micro-credential" not in page
    client.post(EDIT + "publish/")
    page = client.get(EDIT).content.decode()
    assert "Publish version 1" not in page and "Retire this micro-credential" in page


def test_retiring_keeps_earned_credentials_valid_and_is_audited(client, world) -> None:
    mc = _draft(client, world)
    client.post(EDIT + "publish/")
    response = client.post(EDIT + "retire/", follow=True)
    assert "credentials already earned stay valid" in response.content.decode()
    mc.refresh_from_db()
    assert mc.status == "retired"
    assert AuditEntry.objects.filter(action="catalog.microcredential.retired").count() == 1


def test_a_draft_cannot_be_retired(client, world) -> None:
    mc = _draft(client, world)
    response = client.post(EDIT + "retire/", follow=True)
    assert "Only a published micro-credential can be retired" in response.content.decode()
    mc.refresh_from_db()
    assert mc.status == "draft"


def test_an_evaluator_cannot_publish(client, world) -> None:
    mc = _draft(client, world)
    sign_in(client, world.people["evaluator"])
    assert client.post(EDIT + "publish/").status_code == 403
    mc.refresh_from_db()
    assert mc.status == "draft"
