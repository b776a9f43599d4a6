"""Data Integrity proofs (W3C VC Data Integrity 1.0) with the EdDSA cryptosuites.

``proof_add`` signs; ``proof_set_verify`` verifies every proof of a document and reports
each one. Only ``DataIntegrityProof`` with ``eddsa-rdfc-2022`` or ``eddsa-jcs-2022`` is
accepted (allow-list; ``eddsa-2022`` is read as the pre-Recommendation name of
``eddsa-rdfc-2022`` with a warning). Proof sets and chains follow VC DI 1.0 §2.1.1-2.1.2:
each proof signs the document without any proof, except that a proof naming
``previousProof`` also signs the proofs it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from obcore import _di_eddsa as suites
from obcore._timeutil import CLOCK_SKEW, parse_datetime, utc_now
from obcore.dids import NetworkRequired, Resolver
from obcore.errors import ObcoreError, ProofError
from obcore.keys import Ed25519KeyPair, public_key_from_multibase, verify_signature
from obcore.report import Check, Outcome

__all__ = ["SUPPORTED_CRYPTOSUITES", "ProofResult", "proof_add", "proof_set_verify"]

SUPPORTED_CRYPTOSUITES = suites.SUITES
#: older proof types a credential may still carry: reported "not checked", never valid
LEGACY_PROOF_TYPES = frozenset(
    {"Ed25519Signature2020", "Ed25519Signature2018", "JsonWebSignature2020"}
)
_DEFAULT_RESOLVER = Resolver()


@dataclass(slots=True)
class ProofResult:
    """Outcome of one proof: its checks, and the key's controller when it was resolved."""

    index: int
    cryptosuite: str
    verification_method: str
    controller: str | None = None
    checks: list[Check] = field(default_factory=list)
    #: the proof's type or cryptosuite is outside the allow-list (it was not verified)
    unsupported: bool = False

    @property
    def verified(self) -> bool:
        return bool(self.checks) and all(c.outcome is Outcome.PASS for c in self.checks)


def _proofs_of(document: dict[str, Any]) -> list[Any]:
    proof = document.get("proof")
    if proof is None:
        return []
    return proof if isinstance(proof, list) else [proof]


def proof_add(
    document: dict[str, Any],
    *,
    key: Ed25519KeyPair,
    cryptosuite: str = suites.RDFC,
    created: str | None = None,
    verification_method: str | None = None,
    proof_purpose: str = "assertionMethod",
    proof_id: str | None = None,
    previous_proof: str | list[str] | None = None,
) -> dict[str, Any]:
    """Return a copy of ``document`` with one more proof (VC DI 1.0 §4.2 Add Proof).

    ``created`` defaults to now (second precision, UTC). Safe mode applies to both suites:
    a property the contexts do not define makes signing fail (SafeModeError) instead of
    going unsigned (rdfc) or being signed without a meaning (jcs). Verifying a JCS proof
    does not expand the document: like the reference verifier, it checks the signed JSON.
    """
    if cryptosuite not in suites.SUITES:
        raise ProofError(f"The cryptosuite {cryptosuite!r} is not one obcore signs with.")
    if created is None:
        created = utc_now(None).strftime("%Y-%m-%dT%H:%M:%SZ")
    options: dict[str, Any] = {"type": "DataIntegrityProof", "cryptosuite": cryptosuite}
    if proof_id is not None:
        options["id"] = proof_id
    options["created"] = created
    options["verificationMethod"] = verification_method or key.verification_method
    options["proofPurpose"] = proof_purpose
    if previous_proof is not None:
        options["previousProof"] = previous_proof
    existing = _proofs_of(document)
    unsecured = _unsecured(document, options, existing)
    if cryptosuite == suites.JCS and "@context" in unsecured:
        # JCS signs the JSON as it is; still never issue terms the contexts do not define
        from obcore.jsonld import check_safe

        check_safe(unsecured)
    canonical = suites.canonicalize(suite=cryptosuite, document=unsecured, proof_options=options)
    proof = dict(options)
    if cryptosuite == suites.JCS and "@context" in unsecured:
        proof["@context"] = unsecured["@context"]  # §3.3.1 step: proof carries @context
    proof["proofValue"] = suites.encode_proof_value(key.sign(canonical.hash_data))
    signed = {k: v for k, v in document.items() if k != "proof"}
    signed["proof"] = [*existing, proof] if existing else proof
    return signed


def _unsecured(
    document: dict[str, Any], proof: dict[str, Any], all_proofs: list[Any]
) -> dict[str, Any]:
    """The document a proof signs: no proofs, plus those named by ``previousProof``."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    previous = proof.get("previousProof")
    if previous is not None:
        wanted = [previous] if isinstance(previous, str) else list(previous)
        chained = [p for p in all_proofs if isinstance(p, dict) and p.get("id") in wanted]
        if len(chained) != len(wanted):
            raise ProofError("The proof names a previousProof that is not in the document.")
        unsecured["proof"] = chained
    return unsecured


def proof_set_verify(
    document: dict[str, Any],
    *,
    resolver: Resolver | None = None,
    now: datetime | None = None,
    purpose: str = "assertionMethod",
) -> list[ProofResult]:
    """Verify each proof of ``document``; one ``ProofResult`` per proof, in order."""
    resolver = resolver or _DEFAULT_RESOLVER
    moment = utc_now(now)
    all_proofs = _proofs_of(document)
    cache: dict[tuple[str, str], str] = {}
    results = []
    for index, proof in enumerate(all_proofs):
        result = _verify_one(document, proof, index, all_proofs, resolver, moment, purpose, cache)
        results.append(result)
    return results


def _fail(result: ProofResult, message: str, outcome: Outcome = Outcome.FAIL) -> ProofResult:
    result.checks.append(Check(f"proof[{result.index}]", outcome, message))
    return result


def _verify_one(
    document: dict[str, Any],
    proof: Any,
    index: int,
    all_proofs: list[Any],
    resolver: Resolver,
    now: datetime,
    purpose: str,
    cache: dict[tuple[str, str], str],
) -> ProofResult:
    if not isinstance(proof, dict):
        return _fail(ProofResult(index, "", ""), f"Proof {index + 1} is not a JSON object.")
    suite = proof.get("cryptosuite")
    vm_id = proof.get("verificationMethod")
    result = ProofResult(index, str(suite or proof.get("type", "")), str(vm_id or ""))
    label = f"Proof {index + 1}"
    if proof.get("type") != "DataIntegrityProof":
        result.unsupported = True
        legacy_type = proof.get("type") in LEGACY_PROOF_TYPES
        return _fail(
            result,
            f"{label} has the {'legacy' if legacy_type else 'unknown'} type "
            f"{proof.get('type')!r}, which obcore does not verify (it accepts only "
            "DataIntegrityProof with eddsa-rdfc-2022 or eddsa-jcs-2022).",
            Outcome.NOT_CHECKED if legacy_type else Outcome.FAIL,
        )
    legacy = suites.LEGACY_ALIASES.get(str(suite))
    if suite not in suites.SUITES and legacy is None:
        result.unsupported = True
        return _fail(
            result,
            f"{label} uses the cryptosuite {suite!r}, which obcore does not "
            "accept (allowed: eddsa-rdfc-2022, eddsa-jcs-2022).",
        )
    if proof.get("proofPurpose") != purpose:
        return _fail(
            result,
            f"{label} was made for {proof.get('proofPurpose')!r}, not for "
            f"{purpose!r} (asserting a credential).",
        )
    problem = _dates_problem(proof, now)
    if problem:
        return _fail(result, f"{label}: {problem}")
    try:
        method = resolver.verification_method(str(vm_id or ""), purpose=purpose)
    except NetworkRequired as err:
        return _fail(result, f"{label} was not checked: {err}", Outcome.NOT_CHECKED)
    except ObcoreError as err:
        return _fail(result, f"{label}: the signing key could not be found. {err}")
    result.controller = method.get("controller")
    try:
        public_key = public_key_from_multibase(method.get("publicKeyMultibase"))
        signature = suites.decode_proof_value(proof.get("proofValue"))
        ok = _check_signature(
            document, proof, all_proofs, legacy or str(suite), public_key, signature, cache
        )
    except ObcoreError as err:
        return _fail(result, f"{label} is invalid: {err}")
    if not ok:
        return _fail(
            result,
            f"{label}: the signature does not match the credential's "
            "content; it was changed after signing or signed by another key.",
        )
    if legacy:
        return _fail(
            result,
            f"{label} verified, but uses the outdated cryptosuite name {suite!r} (now {legacy!r}).",
            Outcome.WARNING,
        )
    result.checks.append(
        Check(
            f"proof[{index}]", Outcome.PASS, f"{label} ({suite}) is a valid signature by {vm_id}."
        )
    )
    return result


def _dates_problem(proof: dict[str, Any], now: datetime) -> str | None:
    created = proof.get("created")
    if created is not None:
        moment = parse_datetime(created)
        if moment is None or not suites.DATE_TIME_STAMP.match(str(created)):
            return f"its created value {created!r} is not a date-time with a time zone."
        if moment > now + CLOCK_SKEW:
            return f"it claims to be created in the future ({created})."
    expires = proof.get("expires")
    if expires is not None:
        moment = parse_datetime(expires)
        if moment is None:
            return f"its expires value {expires!r} is not a date-time."
        if moment < now - CLOCK_SKEW:
            return f"it expired on {expires}."
    return None


def _check_signature(
    document: dict[str, Any],
    proof: dict[str, Any],
    all_proofs: list[Any],
    suite: str,
    public_key: bytes,
    signature: bytes,
    cache: dict[tuple[str, str], str],
) -> bool:
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    unsecured = _unsecured(document, options, all_proofs)
    if "@context" in options:
        proof_ctx = options["@context"]
        doc_ctx = document.get("@context")
        want = proof_ctx if isinstance(proof_ctx, list) else [proof_ctx]
        have = doc_ctx if isinstance(doc_ctx, list) else [doc_ctx]
        if have[: len(want)] != want:
            raise ProofError("the proof's @context does not match the start of the document's.")
        unsecured["@context"] = proof_ctx
        del options["@context"]
    key = (suite, repr(options.get("previousProof")) + repr(unsecured.get("@context")))
    canonical_document = cache.get(key)
    canonical = suites.canonicalize(
        suite=suite,
        document=unsecured,
        proof_options=options,
        canonical_document=canonical_document,
    )
    cache[key] = canonical.document
    return verify_signature(public_key=public_key, message=canonical.hash_data, signature=signature)
