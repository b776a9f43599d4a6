"""The micro-credential editor: create, edit a draft in place, edit a published one into a
new version, and the performance test's steps (add, remove, move; errors at the step)."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from skillstack.catalog.models import MicroCredential, Skill
from skillstack.catalog.services import micro_credential_publish
from tests.catalog.editor_posts import STEPS, editor_post
from tests.factories import sign_in

NEW = "/orgs/bioskills/micro-credentials/new/"
EDIT = "/orgs/bioskills/micro-credentials/micropipetting/"


def _designer(client, world):
    sign_in(client, world.people["designer"])
    return client


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(out, "PNG")
    return out.getvalue()


def test_a_designer_creates_a_draft_with_checks_and_a_rubric(client, world) -> None:
    skill = Skill.objects.create(organization=world.issuer, code="pip", label="Pipetting")
    response = _designer(client, world).post(NEW, editor_post(skills=[skill.pk]))
    assert response.status_code == 302 and response["Location"] == EDIT
    version = MicroCredential.objects.get(slug="micropipetting").versions.get()
    steps = version.performance_test["steps"]
    assert [s["title"] for s in steps] == [s["title"] for s in STEPS]
    assert steps[0] == {
        "key": "put-on-gloves-and-lab-coat",
        "title": STEPS[0]["title"],
        "kind": "check",
        "critical": True,
    }
    assert steps[3]["levels"] == ["Beginning", "Proficient", "Expert"]
    assert version.performance_test["rule"] == {"time_limit_s": 600}
    assert (version.tags, version.validity_months, str(version.credits_available)) == (
        ["lab", "pipetting"],
        36,
        "0.50",
    )
    assert list(version.skills.all()) == [skill]


def test_the_new_page_offers_add_buttons_and_a_first_step(client, world) -> None:
    page = _designer(client, world).get(NEW).content.decode()
    assert "Add a check" in page and "Add a rubric criterion" in page
    assert 'name="steps-0-title"' in page


def test_an_error_is_shown_at_the_step_it_concerns(client, world) -> None:
    steps = [*STEPS[:3], {"kind": "rubric", "title": "Explains", "levels": "Only one"}]
    response = _designer(client, world).post(NEW, editor_post(steps=steps))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_steps-3-levels_error"' in page
    assert "A rubric criterion needs at least two named levels." in page
    assert not MicroCredential.objects.exists()


def test_a_step_without_title_is_named(client, world) -> None:
    steps = [STEPS[0], {"kind": "check", "title": ""}]
    page = _designer(client, world).post(NEW, editor_post(steps=steps)).content.decode()
    assert 'id="id_steps-1-title_error"' in page
    assert "The title is required (what the learner must do)." in page


def test_too_many_other_checks_required_is_shown_at_the_rule(client, world) -> None:
    page = (
        _designer(client, world)
        .post(NEW, editor_post(**{"rule-min_other_checks": "9"}))
        .content.decode()
    )
    assert 'id="id_rule-min_other_checks_error"' in page
    assert "must be between 0 and 2" in page


def test_add_remove_and_move_work_without_javascript(client, world) -> None:
    client = _designer(client, world)
    page = client.post(NEW, editor_post(step_action="add-rubric")).content.decode()
    assert 'name="steps-4-levels"' in page and "Beginning, Developing, Proficient" in page
    assert "Some fields need your attention" not in page  # nothing saved, nothing scolded
    page = client.post(NEW, editor_post(step_action="remove-1")).content.decode()
    assert "Attach a fresh tip" not in page and 'name="steps-3-title"' not in page
    page = client.post(NEW, editor_post(step_action="up-2")).content.decode()
    assert page.index("Hold the pipette vertically") < page.index("Attach a fresh tip")
    assert not MicroCredential.objects.exists()


def test_htmx_gets_only_the_steps_panel(client, world) -> None:
    response = _designer(client, world).post(
        NEW, editor_post(step_action="add-check"), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<fieldset id="steps"')
    assert 'name="steps-4-title"' in page and "<html" not in page


def test_editing_a_draft_changes_it_in_place(client, world) -> None:
    client = _designer(client, world)
    client.post(NEW, editor_post())
    page = client.get(EDIT).content.decode()
    assert "This is a draft" in page
    client.post(EDIT, editor_post(name="Micropipetting I"))
    mc = MicroCredential.objects.get()
    assert [(v.number, v.name) for v in mc.versions.all()] == [(1, "Micropipetting I")]


def test_editing_a_published_one_says_so_and_makes_a_new_version(client, world) -> None:
    client = _designer(client, world)
    client.post(NEW, editor_post())
    mc = MicroCredential.objects.get()
    micro_credential_publish(micro_credential=mc, actor=world.people["designer"])
    page = client.get(EDIT).content.decode()
    assert "Saving your changes creates version 2 as a draft" in page
    assert "Save as version 2 (draft)" in page
    response = client.post(EDIT, editor_post(criteria="Stricter"), follow=True)
    assert "Saved as version 2, a draft. Version 1 stays published" in response.content.decode()
    assert [(v.number, v.criteria, v.published_at is None) for v in mc.versions.all()] == [
        (2, "Stricter", True),
        (1, "Performs every step under observation", False),
    ]


def test_saving_a_published_one_unchanged_makes_no_version(client, world) -> None:
    client = _designer(client, world)
    client.post(NEW, editor_post())
    mc = MicroCredential.objects.get()
    micro_credential_publish(micro_credential=mc, actor=world.people["designer"])
    steps = [
        {**s, "key": k}
        for s, k in zip(
            STEPS, [x["key"] for x in mc.versions.get().performance_test["steps"]], strict=True
        )
    ]
    response = client.post(EDIT, editor_post(steps=steps), follow=True)
    assert "Nothing changed" in response.content.decode()
    assert mc.versions.count() == 1


def test_a_badge_image_is_uploaded(client, world, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("badge.png", _png(), content_type="image/png")
    _designer(client, world).post(NEW, editor_post(image=upload))
    version = MicroCredential.objects.get().versions.get()
    assert version.image.name.endswith(".png")
    assert (tmp_path / version.image.name).exists()


def test_a_file_that_is_not_an_image_is_refused_at_the_field(client, world) -> None:
    upload = SimpleUploadedFile("badge.png", b"<svg></svg>", content_type="image/png")
    response = _designer(client, world).post(NEW, editor_post(image=upload))
    assert response.status_code == 400
    assert "not a PNG or JPEG image" in response.content.decode()
    assert not MicroCredential.objects.exists()


def test_step_errors_show_even_when_a_field_above_is_wrong(client, world) -> None:
    steps = [{"kind": "rubric", "title": "Explains", "levels": "Only one", "min_level": 3}]
    page = _designer(client, world).post(NEW, editor_post(steps=steps, name="")).content.decode()
    assert 'id="id_name_error"' in page
    assert "A rubric criterion needs at least two named levels." in page
    assert "between 0 and 0" not in page
