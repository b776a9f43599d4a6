"""Photo evidence: checked to be a real image of at most 10 MB, stored once per hash."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image, UnidentifiedImageError

from skillstack.assessment.models import AssessmentSession, Evidence
from skillstack.assessment.services.rules import require_assigned_and_certified
from skillstack.audit.services import audit_record

MAX_PHOTO_BYTES = 10 * 1024 * 1024
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}


def _sniff(data: bytes) -> tuple[str, str]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError({"photo": "This file is not a photo (JPEG, PNG or WebP)."}) from None
    if fmt not in FORMATS:
        raise ValidationError({"photo": "Send the photo as JPEG, PNG or WebP."})
    return FORMATS[fmt]


def evidence_store(
    *, session: AssessmentSession, uploader: Any, data: bytes, declared_sha256: str
) -> tuple[Evidence, bool]:
    """Store a photo taken in ``session``; the same photo sent again is the same evidence."""
    require_assigned_and_certified(session=session, evaluator=uploader)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": "The photo is larger than 10 MB; take a smaller one."})
    if not data:
        raise ValidationError({"photo": "The photo is empty."})
    digest = hashlib.sha256(data).hexdigest()
    if declared_sha256 and declared_sha256.lower() != digest:
        raise ValidationError({"sha256": "The photo arrived damaged (its SHA-256 differs); retry."})
    existing = Evidence.objects.filter(session=session, sha256=digest).first()
    if existing is not None:
        return existing, False
    content_type, extension = _sniff(data)
    try:
        with transaction.atomic():
            evidence = Evidence(
                session=session,
                sha256=digest,
                content_type=content_type,
                size=len(data),
                uploaded_by=uploader,
            )
            evidence.file.save(f"{digest}.{extension}", ContentFile(data), save=False)
            evidence.save()
            audit_record(
                action="assessment.evidence.uploaded",
                actor=uploader,
                organization=session.issuer,
                obj=evidence,
                data={"sha256": digest, "size": len(data)},
            )
    except IntegrityError:
        return Evidence.objects.get(session=session, sha256=digest), False
    return evidence, True
