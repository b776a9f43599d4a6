"""Badge images: the bytes decide (PNG or JPEG decoded by Pillow), 2 MB at most."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from skillstack.catalog.images import MAX_IMAGE_BYTES, checked_image
from skillstack.catalog.services import micro_credential_image_set
from tests.catalog.catalog_factories import make_micro_credential


def _image(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), "navy").save(out, kind)
    return out.getvalue()


@pytest.mark.parametrize(("kind", "suffix"), [("PNG", ".png"), ("JPEG", ".jpg")])
def test_png_and_jpeg_are_accepted_under_a_fresh_name(kind, suffix) -> None:
    content = checked_image(io.BytesIO(_image(kind)))
    assert content.name.endswith(suffix)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_image("GIF"), "Upload a PNG or JPEG image."),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG or JPEG image"),
        (_image("PNG")[:40], "not a PNG or JPEG image"),
        (b"", "empty"),
        (b"\x89PNG" + b"0" * MAX_IMAGE_BYTES, "larger than 2 MB"),
    ],
)
def test_other_files_are_refused_with_a_reason(data, words) -> None:
    with pytest.raises(ValidationError) as err:
        checked_image(io.BytesIO(data))
    assert words in err.value.message_dict["image"][0]


def test_setting_the_image_of_a_published_one_makes_a_new_version(
    world, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    mc = make_micro_credential(world)
    version = micro_credential_image_set(
        micro_credential=mc, actor=world.people["designer"], file=io.BytesIO(_image("PNG"))
    )
    assert version.number == 2 and version.image
    assert not mc.versions.get(number=1).image
