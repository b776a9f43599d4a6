"""Badge images: PNG or JPEG only, checked by decoding them with Pillow, at most 2 MB.

The file's name and the browser's content type are never trusted: the bytes decide.
"""

from __future__ import annotations

import io
import uuid
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096
FORMATS = {"PNG": "png", "JPEG": "jpg"}


def checked_image(file: IO[bytes]) -> ContentFile[bytes]:
    """The upload as a ContentFile with a fresh name, or a ValidationError saying why not."""
    data = file.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError({"image": "The image is larger than 2 MB; make it smaller."})
    if not data:
        raise ValidationError({"image": "The file is empty."})
    try:
        with Image.open(io.BytesIO(data)) as img:
            kind = img.format or ""
            if kind not in FORMATS:
                raise ValidationError({"image": "Upload a PNG or JPEG image."})
            if img.width * img.height > MAX_PIXELS:
                raise ValidationError(
                    {"image": "The image is too large; 4096 by 4096 pixels at most."}
                )
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            {"image": "This file is not a PNG or JPEG image (or it is damaged)."}
        ) from None
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{FORMATS[kind]}")
