"""The resume as a PDF: the page's own template, laid out by WeasyPrint for paper.

Everything the PDF shows comes inline (the print stylesheet, the QR code as a data: URL), and
WeasyPrint may fetch nothing else: no file, no network (``allowed_protocols=["data"]``), so text
a learner typed can never make the server read a file or call an address.
"""

from __future__ import annotations

import base64
import io
import logging
from functools import lru_cache
from pathlib import Path

import qrcode
from django.template.loader import render_to_string
from qrcode.image.pil import PilImage

from skillstack.resume.selectors import ResumeView

PRINT_CSS = Path(__file__).parent / "static" / "resume" / "resume.css"


def qr_png(*, url: str) -> bytes:
    """A QR code of ``url`` as PNG bytes (error correction M: survives a smudged print)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image(image_factory=PilImage).save(out, format="PNG")
    return out.getvalue()


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return PRINT_CSS.read_text(encoding="utf-8")


def resume_pdf(*, view: ResumeView, live_url: str, site_url: str) -> bytes:
    """The PDF of ``view``; its QR code and link lead to ``live_url`` (the live page)."""
    html = render_to_string(
        "resume/print.html",
        {
            "view": view,
            "live_url": live_url,
            "site_url": site_url,
            "qr": data_url(qr_png(url=live_url)) if live_url else "",
            "stylesheet": _stylesheet(),
            "for_print": True,
        },
    )
    # Imported here: WeasyPrint loads its fonts and stylesheets on import, which only the PDF
    # needs; its step-by-step progress log is noise in the server's log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"], timeout=2)
    document = HTML(string=html, base_url=site_url, url_fetcher=fetcher)
    return bytes(document.write_pdf())
