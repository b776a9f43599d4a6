"""Whatever a broken or hostile wallet sends, the answer is the spec's error JSON, never a 500."""

from __future__ import annotations

import base64
import json
import time

import pytest
from django.conf import settings

from skillstack.oid4vci.exchanges import exchange_domain
from skillstack.oid4vci.models import WalletOffer
from skillstack.oid4vci.services import wallet_offer_create
from tests.oid4vci.conftest import credential_request, jwt_body, token_for
from tests.oid4vci.wallet import did_auth_presentation, ed25519_wallet

pytestmark = pytest.mark.django_db


def _b64(value: object) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unsigned(header: object, payload: object) -> str:
    return f"{_b64(header)}.{_b64(payload)}.{_b64(b'x' * 64)}"


def _payload() -> dict:
    return {"aud": settings.SITE_URL, "iat": int(time.time()), "nonce": "n"}


TYP = "openid4vci-proof+jwt"
BAD_PROOFS = [
    None,
    12,
    "",
    "a.b",
    "a.b.c",
    "x" * 20000,
    _unsigned("not an object", _payload()),
    _unsigned({"typ": TYP, "alg": "none", "kid": "did:key:z6Mk"}, _payload()),
    _unsigned({"typ": TYP, "alg": "HS256", "jwk": {"kty": "oct", "k": "AAAA"}}, _payload()),
    _unsigned({"typ": TYP, "alg": "EdDSA", "kid": "did:key:z6Mk", "jwk": {}}, _payload()),
    _unsigned({"typ": TYP, "alg": "EdDSA", "kid": "did:key:zzzz!!"}, _payload()),
    _unsigned({"typ": TYP, "alg": "EdDSA", "kid": "did:web:evil.example#k"}, _payload()),
    _unsigned(
        {
            "typ": TYP,
            "alg": "EdDSA",
            "kid": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#other",
        },
        _payload(),
    ),
    _unsigned(
        {"typ": TYP, "alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "!!"}}, _payload()
    ),
    _unsigned(
        {"typ": TYP, "alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "AA"}}, _payload()
    ),
    _unsigned(
        {"typ": TYP, "alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}},
        _payload(),
    ),
    _unsigned(
        {"typ": TYP, "alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": 1, "y": []}},
        _payload(),
    ),
    _unsigned(
        {"typ": TYP, "alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}},
        _payload(),
    ),
    _unsigned({"typ": TYP, "alg": "EdDSA", "x5c": ["MII"]}, _payload()),
]


@pytest.mark.parametrize("proof", BAD_PROOFS, ids=range(len(BAD_PROOFS)))
def test_a_malformed_proof_is_an_invalid_proof(client, offer, proof):
    token = token_for(client, offer).json()["access_token"]
    response = credential_request(client, token, jwt_body(proof))
    assert response.status_code == 400, response.content
    assert response.json()["error"] in {"invalid_proof", "invalid_nonce"}
    assert not WalletOffer.objects.get(pk=offer.offer.pk).completed_at


BAD_BODIES = [
    [],
    "text",
    {"credential_configuration_id": 7, "proofs": {"jwt": ["a.b.c"]}},
    {"credential_configuration_id": "AchievementCredential_ldp_vc", "proofs": {"jwt": "a.b.c"}},
    {"credential_configuration_id": "AchievementCredential_ldp_vc", "proofs": {"cwt": ["x"]}},
    {"credential_configuration_id": "AchievementCredential_ldp_vc", "proofs": []},
    {
        "credential_configuration_id": "AchievementCredential_ldp_vc",
        "proof": {"proof_type": "ldp_vp"},
    },
    {"credential_identifier": "x", "proofs": {"jwt": ["a.b.c"]}},
]


@pytest.mark.parametrize("body", BAD_BODIES, ids=range(len(BAD_BODIES)))
def test_a_malformed_credential_request_is_a_client_error(client, offer, body):
    token = token_for(client, offer).json()["access_token"]
    response = credential_request(client, token, body)
    assert response.status_code == 400, response.content
    assert "error_description" in response.json()


def test_the_token_endpoint_answers_garbage_with_errors(client, offer):
    for data in ({}, {"grant_type": ["a", "b"]}, {"pre-authorized_code": "x" * 5000}):
        response = client.post("/mobile/oid4vci/token", data)
        assert response.status_code == 400 and "error" in response.json()
    broken = client.post("/mobile/oid4vci/token", "{", content_type="application/json")
    assert broken.status_code == 400


def _vcapi(world, credential) -> str:
    created = wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="vcapi"
    )
    return f"/mobile/exchanges/{created.secret}"


def _mangled_presentations(challenge: str) -> list[object]:
    good = did_auth_presentation(ed25519_wallet(), challenge=challenge, domain=exchange_domain())
    return [
        None,
        [],
        {"type": "VerifiablePresentation"},
        {**good, "proof": None},
        {**good, "proof": [1, "x", None]},
        {**good, "proof": {**good["proof"], "proofValue": "zzz"}},
        {**good, "proof": {**good["proof"], "verificationMethod": "did:web:evil.example#key"}},
        {**good, "proof": {**good["proof"], "type": "Ed25519Signature2020"}},
        {**good, "@context": ["https://evil.example/context.jsonld"]},
        {**good, "@context": 5},
        {**good, "holder": {"id": 1}},
    ]


def test_a_mangled_presentation_is_refused_in_words(client, world, credential):
    url = _vcapi(world, credential)
    for vp in _mangled_presentations(
        client.post(url, {}, "application/json").json()["verifiablePresentationRequest"][
            "challenge"
        ]
    ):
        response = client.post(url, {"verifiablePresentation": vp}, "application/json")
        assert response.status_code in (400, 410), (vp, response.content)
        assert "error" in response.json()
