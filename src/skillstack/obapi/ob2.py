"""Open Badges 2.0 hosted assertions, for badge consumers that only read 2.0.

Each credential of a participating issuer is also published as a 2.0 ``Assertion`` with
``verification: hosted``: the JSON-LD documents live at stable public URLs under ``/ob2/``
(Assertion, BadgeClass, Issuer, RevocationList) and are built on request from the same rows
as the 3.0 credential, so the two can never disagree. A revoked credential's assertion
answers 410 Gone with ``revoked: true`` and is listed in the issuer's revocation list, as
the OB 2.0 hosted verification expects.

Only credentials of a micro-credential version take part (a BadgeClass is a version);
evaluator certifications and certificates are 3.0 only.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.urls import reverse

from skillstack.accounts.models import Organization
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.issuing.models import CredentialState, IssuedCredential

CONTEXT = "https://w3id.org/openbadges/v2"
Json = dict[str, Any]


def _url(name: str, *args: Any) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def assertion_uuid(credential: IssuedCredential) -> str:
    return credential.credential_id.removeprefix("urn:uuid:")


def assertion_url(credential: IssuedCredential) -> str:
    return _url("obapi:ob2_assertion", assertion_uuid(credential))


def _iso(moment: Any) -> str:
    return str(moment.isoformat().replace("+00:00", "Z"))


def _recipient(credential: IssuedCredential) -> Json:
    """The e-mail address, salted and hashed (OB 2.0 IdentityObject)."""
    profile = getattr(credential.recipient, "learner_profile", None)
    salt = (profile.identity_salt if profile else "") or credential.credential_id[-12:]
    digest = hashlib.sha256((credential.recipient.email.lower() + salt).encode()).hexdigest()
    return {"type": "email", "hashed": True, "salt": salt, "identity": f"sha256${digest}"}


def _evidence(document: Json) -> list[Json]:
    items = document.get("evidence") or []
    found = []
    for item in items if isinstance(items, list) else [items]:
        if not isinstance(item, dict):
            continue
        entry = {"type": "Evidence"}
        for key in ("id", "name", "description", "narrative", "genre", "audience"):
            if isinstance(item.get(key), str):
                entry[key] = item[key]
        found.append(entry)
    return found


def assertion_document(credential: IssuedCredential) -> Json:
    """The OB 2.0 Assertion of ``credential`` (revoked: the short 410 body)."""
    url = assertion_url(credential)
    if credential.state == CredentialState.REVOKED:
        return {
            "@context": CONTEXT,
            "id": url,
            "type": "Assertion",
            "revoked": True,
            "revocationReason": credential.state_reason,
        }
    document = credential.document
    assertion: Json = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": url,
        "recipient": _recipient(credential),
        "badge": _url("obapi:ob2_badge", credential.micro_credential_version_id),
        "verification": {"type": "hosted"},
        "issuedOn": _iso(credential.issued_at),
        "image": _url("obapi:ob2_assertion_png", assertion_uuid(credential)),
    }
    if credential.valid_until is not None:
        assertion["expires"] = _iso(credential.valid_until)
    evidence = _evidence(document)
    if evidence:
        assertion["evidence"] = evidence
    return assertion


def badge_class_document(version: MicroCredentialVersion) -> Json:
    from skillstack.issuing.documents import micro_credential_url

    micro_credential = version.micro_credential
    page = micro_credential_url(micro_credential=micro_credential, number=version.number)
    badge: Json = {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": _url("obapi:ob2_badge", version.pk),
        "name": version.name,
        "description": version.description,
        "image": _url("obapi:ob2_badge_image", version.pk),
        "criteria": {"id": page + "#criteria", "narrative": version.criteria},
        "issuer": _url("obapi:ob2_issuer", micro_credential.issuer.slug),
    }
    alignments = [
        {
            "targetName": skill.label,
            **({"targetUrl": skill.uri} if skill.uri else {}),
            "targetFramework": skill.get_framework_display(),
            "targetCode": skill.code,
        }
        for skill in version.skills.all()
    ]
    if alignments:
        badge["alignment"] = alignments
    tags = [t for t in version.tags if isinstance(t, str) and t.strip()]
    if tags:
        badge["tags"] = tags
    return badge


def issuer_document(organization: Organization) -> Json:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": _url("obapi:ob2_issuer", organization.slug),
        "name": organization.name,
        "url": organization.website or f"{settings.SITE_URL}/",
        "email": organization.email or _platform_address(),
        "description": organization.description,
        "revocationList": _url("obapi:ob2_revocations", organization.slug),
    }


def _platform_address() -> str:
    address = str(settings.DEFAULT_FROM_EMAIL)
    return address.split("<", 1)[-1].rstrip(">").strip()


def revocation_list_document(organization: Organization) -> Json:
    revoked = IssuedCredential.objects.filter(
        issuer=organization,
        state=CredentialState.REVOKED,
        micro_credential_version__isnull=False,
    ).order_by("state_changed_at", "id")
    return {
        "@context": CONTEXT,
        "type": "RevocationList",
        "id": _url("obapi:ob2_revocations", organization.slug),
        "issuer": _url("obapi:ob2_issuer", organization.slug),
        "revokedAssertions": [
            {"id": assertion_url(c), "revocationReason": c.state_reason} for c in revoked
        ],
    }
