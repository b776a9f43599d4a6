"""Badge images: the micro-credential's own image, or a clean round badge drawn with Pillow,
with the signed credential baked in (OB 3.0 §5.3.1, through obcore.baking).

Drawn on request, never in a model's save(): the image is small and the credential is the
truth, so nothing needs storing.
"""

from __future__ import annotations

import io
import json
import logging
import textwrap

from obcore.baking import bake_png
from obcore.errors import BakingError
from PIL import Image, ImageDraw, ImageFont

from skillstack.issuing.models import IssuedCredential

logger = logging.getLogger(__name__)

SIZE = 600
MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_SOURCE_PIXELS = 4096 * 4096
TEAL, DEEP, GOLD, WHITE = (0, 105, 120), (8, 54, 68), (232, 180, 60), (255, 255, 255)


def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        try:
            return ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{name}", size)
        except OSError:
            return ImageFont.load_default(size=size)


def _centred(draw: ImageDraw.ImageDraw, lines: list[str], font: object, top: int) -> int:
    for line in lines:
        box = draw.textbbox((0, 0), line, font=font)  # type: ignore[arg-type]
        width, height = box[2] - box[0], box[3] - box[1]
        draw.text(((SIZE - width) / 2, top), line, fill=WHITE, font=font)  # type: ignore[arg-type]
        top += int(height * 1.35)
    return top


def badge_drawn(*, name: str, issuer: str) -> bytes:
    """A round badge with the credential's name and its issuer, as PNG bytes."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=GOLD)
    draw.ellipse((30, 30, SIZE - 30, SIZE - 30), fill=TEAL)
    draw.ellipse((52, 52, SIZE - 52, SIZE - 52), outline=WHITE, width=3)
    draw.polygon([(300, 92), (318, 132), (362, 134), (328, 160), (340, 202), (300, 178),
                  (260, 202), (272, 160), (238, 134), (282, 132)], fill=GOLD)  # fmt: skip
    title_lines = textwrap.wrap(name, width=16)[:4] or ["Credential"]
    title_font = _font(46 if len(title_lines) <= 2 else 38, bold=True)
    bottom = _centred(draw, title_lines, title_font, 230)
    draw.line((200, bottom + 8, 400, bottom + 8), fill=GOLD, width=3)
    issuer_lines = textwrap.wrap(issuer, width=28)[:2]
    _centred(draw, issuer_lines, _font(24), bottom + 26)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _own_image_png(credential: IssuedCredential) -> bytes | None:
    """The micro-credential's uploaded image as PNG, or None when there is none usable."""
    version = credential.micro_credential_version
    if version is None or not version.image:
        return None
    try:
        if version.image.size > MAX_SOURCE_BYTES:
            return None
        with version.image.open("rb") as handle:
            raw = handle.read(MAX_SOURCE_BYTES + 1)
        with Image.open(io.BytesIO(raw)) as source:
            if source.width * source.height > MAX_SOURCE_PIXELS:
                return None
            if source.format == "PNG":
                return raw
            out = io.BytesIO()
            source.convert("RGBA").save(out, format="PNG")
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("The image of %s could not be read; drawing a badge", version)
        return None


def badge_png(*, credential: IssuedCredential) -> bytes:
    """The badge picture of a credential (no credential baked in): for og:image and lists."""
    own = _own_image_png(credential)
    return (
        own if own is not None else badge_drawn(name=credential.name, issuer=credential.issuer.name)
    )


def baked_badge_png(*, credential: IssuedCredential) -> bytes:
    """The badge with the signed credential baked in: a file that verifies on its own."""
    payload = json.dumps(credential.document, ensure_ascii=False, separators=(",", ":"))
    try:
        return bake_png(badge_png(credential=credential), payload)
    except BakingError:  # an uploaded image with broken chunks: bake into a drawn badge
        drawn = badge_drawn(name=credential.name, issuer=credential.issuer.name)
        return bake_png(drawn, payload)
