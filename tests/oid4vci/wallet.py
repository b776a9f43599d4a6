"""A wallet made in Python for the tests: its keys, its DIDs, its proof JWTs and DIDAuth VPs.

Built only from joserfc, cryptography and obcore's signing primitives (not from the code under
test), so that a mistake in the issuer's checks cannot be mirrored here.
"""

from __future__ import annotations

import json
import time
import warnings
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from joserfc import jws
from joserfc.jwk import ECKey, OKPKey
from obcore.keys import key_pair_generate

from obcore import _di_eddsa, _multibase
from skillstack.oid4vci.holder_keys import b64url

PROOF_TYP = "openid4vci-proof+jwt"


@dataclass
class Wallet:
    private_jwk: dict[str, str]
    did: str
    alg: str
    seed: bytes = b""

    @property
    def kid(self) -> str:
        return f"{self.did}#{self.did.removeprefix('did:key:')}"

    @property
    def public_jwk(self) -> dict[str, str]:
        return {k: v for k, v in self.private_jwk.items() if k != "d"}

    def sign(self, header: dict[str, Any], payload: dict[str, Any]) -> str:
        key = (OKPKey if self.alg == "EdDSA" else ECKey).import_key(self.private_jwk)
        body = json.dumps(payload).encode("utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return jws.serialize_compact(
                {"alg": self.alg, **header}, body, key, algorithms=[self.alg]
            )

    def proof(
        self,
        *,
        audience: str,
        nonce: str | None,
        by: str = "kid",
        iat: float | None = None,
        typ: str = PROOF_TYP,
    ) -> str:
        header: dict[str, Any] = {"typ": typ}
        if by == "kid":
            header["kid"] = self.kid
        else:
            header["jwk"] = self.public_jwk
        payload: dict[str, Any] = {"aud": audience, "iat": int(iat or time.time())}
        if nonce is not None:
            payload["nonce"] = nonce
        return self.sign(header, payload)


def ed25519_wallet() -> Wallet:
    pair = key_pair_generate()
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(pair.public_key), "d": b64url(pair.seed)}
    return Wallet(jwk, pair.did, "EdDSA", pair.seed)


def p256_wallet() -> Wallet:
    private = ec.generate_private_key(ec.SECP256R1())
    compressed = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
    did = "did:key:" + _multibase.encode(b"\x80\x24" + compressed)
    numbers = private.private_numbers()
    jwk = {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url(numbers.public_numbers.x.to_bytes(32, "big")),
        "y": b64url(numbers.public_numbers.y.to_bytes(32, "big")),
        "d": b64url(numbers.private_value.to_bytes(32, "big")),
    }
    return Wallet(jwk, did, "ES256")


def did_auth_presentation(wallet: Wallet, *, challenge: str, domain: str) -> dict[str, Any]:
    """A VP signed with eddsa-rdfc-2022 for proof purpose authentication (VC DI 1.0 §2.1)."""
    from obcore.keys import Ed25519KeyPair

    pair = Ed25519KeyPair.from_seed(wallet.seed)
    vp = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": wallet.did,
    }
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "verificationMethod": pair.verification_method,
        "proofPurpose": "authentication",
        "challenge": challenge,
        "domain": domain,
    }
    canonical = _di_eddsa.canonicalize(suite="eddsa-rdfc-2022", document=vp, proof_options=options)
    proof = {**options, "proofValue": _di_eddsa.encode_proof_value(pair.sign(canonical.hash_data))}
    return {**vp, "proof": proof}
