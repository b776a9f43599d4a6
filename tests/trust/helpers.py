"""External credentials for trust tests: signed by a did:key issuer that is not hosted here
(OB 3.0 JSON, VC-JWT, baked PNG/SVG) and OB 2.0 signed assertions with their key documents."""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import obcore.credentials as ob
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from obcore.baking import bake_png, bake_svg
from obcore.keys import Ed25519KeyPair
from obcore.ob2 import OB2_CONTEXT, sign_assertion
from obcore.proofs import proof_add
from obcore.vc_jwt import issue_jwt

SEED = hashlib.sha256(b"elsewhere-academy-test-key").digest()
KEY = Ed25519KeyPair.from_seed(SEED)
SKILL_URL = "http://data.europa.eu/esco/skill/test-aseptic"

# a 1x1 PNG and a tiny SVG to bake into
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg=="
)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    '<rect width="10" height="10"/></svg>'
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def unsigned(*, email: str = "", did: str = "", name: str = "Cell Counting") -> dict[str, Any]:
    subject: Any = did or ob.hashed_email_identifier(email=email, salt="salty")
    achievement = ob.achievement(
        id=f"https://elsewhere.example/achievements/{name.lower().replace(' ', '-')}",
        name=name,
        description=f"Performs {name.lower()}.",
        criteria_narrative="Observed by an assessor.",
        alignments=[ob.alignment(target_name="Aseptic work", target_url=SKILL_URL)],
    )
    return ob.achievement_credential(
        id=f"urn:uuid:{uuid.uuid4()}",
        issuer={"id": KEY.did, "type": ["Profile"], "name": "Elsewhere Academy"},
        subject=subject,
        achievement=achievement,
        valid_from=_iso(datetime.now(UTC) - timedelta(days=3)),
    )


def signed_json(**kwargs: Any) -> dict[str, Any]:
    return proof_add(unsigned(**kwargs), key=KEY, verification_method=KEY.verification_method)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def signed_jwt(**kwargs: Any) -> str:
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64(KEY.public_key), "d": _b64(KEY.seed)}
    return issue_jwt(unsigned(**kwargs), private_jwk=jwk, alg="EdDSA", kid=KEY.verification_method)


def baked_png(**kwargs: Any) -> bytes:
    import json

    return bake_png(PNG, json.dumps(signed_json(**kwargs)))


def baked_svg(**kwargs: Any) -> bytes:
    return bake_svg(SVG, signed_jwt(**kwargs)).encode()


OB2_ISSUER = "https://badges.elsewhere.example/issuer.json"
OB2_KEY = "https://badges.elsewhere.example/key.json"
_RSA = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ob2_documents() -> dict[str, dict[str, Any]]:
    pem = _RSA.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return {
        OB2_KEY: {
            "@context": OB2_CONTEXT,
            "id": OB2_KEY,
            "type": "CryptographicKey",
            "owner": OB2_ISSUER,
            "publicKeyPem": pem.decode(),
        },
        OB2_ISSUER: {
            "@context": OB2_CONTEXT,
            "id": OB2_ISSUER,
            "type": "Issuer",
            "name": "Elsewhere Badges",
            "url": "https://badges.elsewhere.example",
            "publicKey": OB2_KEY,
        },
    }


def ob2_signed(*, email: str, issuer: str = OB2_ISSUER) -> str:
    digest = hashlib.sha256((email + "pepper").encode()).hexdigest()
    assertion = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": f"urn:uuid:{uuid.uuid4()}",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": "pepper",
            "identity": f"sha256${digest}",
        },
        "issuedOn": _iso(datetime.now(UTC) - timedelta(days=30)),
        "badge": {
            "type": "BadgeClass",
            "id": "https://badges.elsewhere.example/badges/pipetting",
            "name": "Pipetting (OB 2.0)",
            "description": "Accurate pipetting.",
            "criteria": "https://badges.elsewhere.example/criteria/pipetting",
            "issuer": issuer,
            "alignment": [{"targetName": "Aseptic work", "targetUrl": SKILL_URL}],
        },
        "verification": {"type": "signed", "creator": OB2_KEY},
    }
    return sign_assertion(assertion, _RSA)


def issued_here_to_old_account(*, issuer: Any, email: str, old_account: Any) -> Any:
    """A credential signed by a platform issuer (with a real revocation entry) naming ``email``,
    stored for ``old_account``: what a learner carries over from an account they no longer use."""
    from django.conf import settings
    from obcore.status import status_entry

    from skillstack.issuing.dids import issuer_did
    from skillstack.issuing.keys import issuer_sign
    from skillstack.issuing.models import IssuedCredential, StatusAllocation
    from tests.verification.credentials import _index, _list_url, _status_list

    revocation = _status_list(issuer, "revocation")
    n = next(_index) + 500
    allocation = StatusAllocation.objects.create(status_list=revocation, index=n)
    achievement = ob.achievement(
        id=f"{settings.SITE_URL}/orgs/{issuer.slug}/achievements/{n}",
        name="Gowning",
        description="Gowns for a clean room.",
        criteria_narrative="Observed.",
    )
    document = ob.achievement_credential(
        id=f"urn:uuid:{uuid.uuid4()}",
        issuer={"id": issuer_did(organization=issuer), "type": ["Profile"], "name": issuer.name},
        subject=ob.hashed_email_identifier(email=email, salt="pepper"),
        achievement=achievement,
        valid_from=_iso(datetime.now(UTC) - timedelta(days=2)),
        credential_status=status_entry(
            status_list_credential=_list_url(issuer, "revocation"), index=n, purpose="revocation"
        ),
    )
    signed = issuer_sign(organization=issuer, document=document)
    return IssuedCredential.objects.create(
        idempotency_key=f"test:{document['id']}",
        credential_id=document["id"],
        issuer=issuer,
        recipient=old_account,
        document=signed,
        name="Gowning",
        issued_at=datetime.now(UTC) - timedelta(days=2),
        revocation_index=allocation,
    )
