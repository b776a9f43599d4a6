"""Verify Open Badges 2.0 assertions (hosted or signed), badge classes and issuer profiles.

OB 2.0 (1EdTech, "Open Badges Specification v2.0", §Verification and §Data Validation):
an Assertion names its recipient (an identity, usually a salted hash of an e-mail address),
its BadgeClass and, through it, the issuer Profile. It is trusted one of two ways:

* **hosted**: the assertion lives at its ``id`` URL; a verifier fetches it there, compares,
  and checks that the URL lies within the issuer's allowed origins (``verification.startsWith``
  / ``allowedOrigins``, else the issuer's own host). A hosted copy marked ``revoked`` is revoked.
* **signed**: the assertion is the payload of a JWS (RS256) made with the issuer's key
  (``verification.creator``, a CryptographicKey whose ``owner`` is the issuer); revocation is
  read from the issuer's ``revocationList``.

Nothing is fetched unless the caller passes ``fetch`` (with its own allow-list, timeouts and
size cap) or ``documents`` (objects known offline, by URL). Whatever would need a document that
is not available is reported ``not-checked``, never ``valid``. Endorsements, images, criteria
and evidence are not fetched: they describe the badge, they do not make it valid.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from obcore._ob2 import signed as _signed
from obcore._ob2 import vocab
from obcore._timeutil import CLOCK_SKEW, parse_datetime, utc_now
from obcore.errors import InputError, JwtError, ObcoreError
from obcore.report import Outcome, Report

__all__ = ["OB2_CONTEXT", "Fetcher", "is_ob2", "recipient_matches", "sign_assertion", "verify_ob2"]

OB2_CONTEXT = vocab.OB2_CONTEXT
Fetcher = Callable[[str], dict[str, Any]]
MAX_BYTES = 8 * 1024 * 1024
sign_assertion = _signed.sign


class _Unavailable(Exception):
    """A document the caller's fetcher could not (or would not) provide."""


def _text_of(data: bytes | str | dict[str, Any]) -> str | dict[str, Any]:
    """The JSON object, or the text (JSON, JWS or hosted URL) carried by ``data``."""
    if isinstance(data, dict):
        return data
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(raw, bytes):
        raise InputError("The input must be bytes, text or a JSON object.")
    if len(raw) > MAX_BYTES:
        raise InputError(f"The input is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    from obcore.baking import sniff, unbake

    stripped = raw.strip()
    if stripped.startswith((b"https://", b"http://")) and len(stripped) < 2048:
        return stripped.decode("ascii", "replace")
    kind = sniff(raw)
    if kind in ("png", "svg"):
        return unbake(raw)
    return raw.decode("utf-8-sig").strip()


def _parse(data: bytes | str | dict[str, Any]) -> tuple[dict[str, Any] | None, str, str]:
    """(object, JWS token or "", hosted URL or ""); InputError for what cannot be read."""
    text = _text_of(data)
    if isinstance(text, dict):
        return text, "", ""
    if text.startswith(("https://", "http://")):
        return None, "", text
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except ValueError:
            raise InputError("The input looks like JSON but is not valid JSON.") from None
        if not isinstance(value, dict):
            raise InputError("The JSON is not an object, so it cannot be a badge.")
        return value, "", ""
    _, payload = _signed.split(text)
    return payload, text, ""


def is_ob2(data: bytes | str | dict[str, Any]) -> bool:
    """True when ``data`` (JSON, JWS, or a PNG/SVG carrying one) is an OB 2.0 object."""
    try:
        document, _, url = _parse(data)
    except (ObcoreError, ValueError, UnicodeDecodeError):
        return False
    if url:
        return True  # a badge image baked with a hosted assertion's URL (OB 2.0 baking)
    return document is not None and vocab.context_problem(document) is None


def recipient_matches(recipient: Mapping[str, Any], identity: str) -> bool:
    """Whether ``identity`` (an e-mail address, URL or telephone) is the assertion's recipient.

    OB 2.0 IdentityObject: a hashed identity is ``<alg>$<hex>`` of identity + salt (sha256 or
    md5); e-mail addresses compare case-insensitively, as mail systems do.
    """
    value = recipient.get("identity")
    if not isinstance(value, str) or not identity:
        return False
    kind = recipient.get("type", "email")
    candidates = {identity, identity.lower()} if kind == "email" else {identity}
    if recipient.get("hashed") is not True:
        return value in candidates or (kind == "email" and value.lower() in candidates)
    alg, _, digest = value.partition("$")
    if alg.lower() not in ("sha256", "md5") or not digest:
        return False
    salt = recipient.get("salt") if isinstance(recipient.get("salt"), str) else ""
    for candidate in candidates:
        made = hashlib.new(alg.lower(), (candidate + str(salt)).encode("utf-8")).hexdigest()
        if hmac.compare_digest(made, digest.lower()):
            return True
    return False


class _Run:
    """One verification: the report, the clock and the documents at hand."""

    def __init__(
        self, now: datetime, fetch: Fetcher | None, documents: Mapping[str, dict[str, Any]]
    ) -> None:
        self.report = Report()
        self.now = now
        self.fetch = fetch
        self.documents = documents

    def get(self, url: str) -> dict[str, Any]:
        if url in self.documents:
            return self.documents[url]
        if self.fetch is None:
            raise _Unavailable(f"{url} would have to be fetched, and this check works offline.")
        try:
            value = self.fetch(url)
        except Exception as err:  # noqa: BLE001 - whatever the fetcher raises: not available
            raise _Unavailable(f"{url} could not be fetched: {err}") from None
        if not isinstance(value, dict):
            raise _Unavailable(f"{url} did not answer with a JSON object.")
        return value

    def node(self, value: Any, step: str, what: str) -> tuple[dict[str, Any] | None, str]:
        """The object ``value`` names (embedded or fetched) and the URL it came from."""
        if isinstance(value, dict) and not (set(value) <= {"id", "@id"}):
            return value, ""
        ref = value.get("id", value.get("@id")) if isinstance(value, dict) else value
        if not isinstance(ref, str) or not vocab.is_iri(ref):
            self.report.add(step, Outcome.FAIL, f"The {what} is neither an object nor an IRI.")
            return None, ""
        try:
            found = self.get(ref)
        except _Unavailable as err:
            self.report.add(step, Outcome.NOT_CHECKED, f"The {what} was not checked: {err}")
            return None, ref
        if found.get("id") != ref:
            self.report.add(
                f"{step}.id",
                Outcome.WARNING,
                f"The {what} fetched from {ref} calls itself {found.get('id')!r} "
                "(a redirection or a moved document).",
            )
        return found, ref


def _structure(run: _Run, document: dict[str, Any], cls: str, step: str, what: str) -> bool:
    missing = vocab.missing_properties(document, cls)
    if missing:
        run.report.add(step, Outcome.FAIL, f"The {what} lacks {', '.join(missing)}.")
        return False
    return True


def _check_issuer(run: _Run, value: Any) -> tuple[dict[str, Any] | None, str]:
    issuer, url = run.node(value, "issuer", "issuer profile")
    if issuer is None:
        return None, url
    problem = vocab.type_problem(issuer, ("Issuer", "Profile"))
    if problem:
        run.report.add("issuer", Outcome.FAIL, f"The issuer profile is not valid: {problem}")
        return None, url
    if not _structure(run, issuer, "Issuer", "issuer", "issuer profile"):
        return None, url
    if not vocab.is_http(issuer.get("id")):
        run.report.add(
            "issuer.id",
            Outcome.WARNING,
            "The issuer's id is not an http(s) address, so it cannot be looked up; "
            "OB 2.0 expects issuers to be identified by an https URL.",
        )
    name = issuer.get("name")
    run.report.add("issuer", Outcome.PASS, f"The issuer profile names “{name}”.")
    return issuer, url


def _check_badge(run: _Run, value: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    badge, _ = run.node(value, "badge", "badge class")
    if badge is None:
        return None, None
    problem = vocab.type_problem(badge, ("BadgeClass",))
    if problem:
        run.report.add("badge", Outcome.FAIL, f"The badge class is not valid: {problem}")
        return None, None
    if not _structure(run, badge, "BadgeClass", "badge", "badge class"):
        return None, None
    run.report.add("badge", Outcome.PASS, f"The badge class is “{badge.get('name')}”.")
    issuer, issuer_url = _check_issuer(run, badge.get("issuer"))
    if issuer is not None:
        issuer = {**issuer, "_fetchedFrom": issuer_url} if issuer_url else issuer
    return badge, issuer


def _check_dates(run: _Run, assertion: dict[str, Any]) -> None:
    issued = parse_datetime(assertion.get("issuedOn"))
    if issued is None:
        run.report.add("validity", Outcome.FAIL, "issuedOn is not a date and time.")
        return
    if issued > run.now + CLOCK_SKEW:
        run.report.add("validity", Outcome.FAIL, f"The badge is dated in the future ({issued}).")
        return
    if "expires" in assertion:
        expires = parse_datetime(assertion.get("expires"))
        if expires is None:
            run.report.add("validity", Outcome.FAIL, "expires is not a date and time.")
            return
        if expires < issued:
            run.report.add("validity", Outcome.FAIL, "The badge expires before it was issued.")
            return
        if expires < run.now:
            run.report.add("validity", Outcome.FAIL, f"The badge expired on {expires:%d %B %Y}.")
            return
    run.report.add("validity", Outcome.PASS, f"Issued on {issued:%d %B %Y}; not expired.")


def _check_recipient(run: _Run, assertion: dict[str, Any]) -> bool:
    recipient = assertion.get("recipient")
    if not isinstance(recipient, dict) or not isinstance(recipient.get("identity"), str):
        run.report.add("schema", Outcome.FAIL, "The recipient has no identity.")
        return False
    if recipient.get("hashed") is True:
        alg, _, digest = str(recipient["identity"]).partition("$")
        if alg.lower() not in ("sha256", "md5") or not digest:
            run.report.add(
                "schema", Outcome.FAIL, "The recipient's hashed identity is not sha256$… or md5$…."
            )
            return False
    return True


def _origin_allowed(assertion_id: str, issuer: dict[str, Any]) -> str | None:
    """Why the hosted URL is outside the issuer's allowed origins; None when inside."""
    verification = issuer.get("verification")
    verification = verification if isinstance(verification, dict) else {}
    starts = verification.get("startsWith")
    origins = verification.get("allowedOrigins")
    host = (urlsplit(assertion_id).hostname or "").lower()
    if starts:
        prefixes = starts if isinstance(starts, list) else [starts]
        if any(isinstance(p, str) and assertion_id.startswith(p) for p in prefixes):
            return None
        return f"{assertion_id} does not start with the issuer's prefixes ({', '.join(prefixes)})."
    if origins:
        allowed = origins if isinstance(origins, list) else [origins]
        if host in {str(a).lower() for a in allowed}:
            return None
        return f"{host} is not among the issuer's allowed origins ({', '.join(allowed)})."
    own = issuer.get("id") if vocab.is_http(issuer.get("id")) else issuer.get("_fetchedFrom")
    own_host = (urlsplit(own).hostname or "").lower() if isinstance(own, str) else ""
    if own_host and own_host == host:
        return None
    return f"{host} is not the issuer's host ({own_host or 'unknown'})."


def _check_hosted(
    run: _Run, assertion: dict[str, Any], issuer: dict[str, Any] | None, fetched: bool
) -> None:
    assertion_id = assertion.get("id")
    if not vocab.is_http(assertion_id):
        run.report.add("hosted", Outcome.FAIL, "A hosted badge's id must be its https address.")
        return
    if issuer is not None:
        problem = _origin_allowed(str(assertion_id), issuer)
        if problem:
            run.report.add("hosted", Outcome.FAIL, f"Not hosted where the issuer allows: {problem}")
            return
    hosted = assertion
    if not fetched:
        try:
            hosted = run.get(str(assertion_id))
        except _Unavailable as err:
            run.report.add(
                "hosted", Outcome.NOT_CHECKED, f"The hosted copy was not compared: {err}"
            )
            return
        if hosted != assertion:
            run.report.add(
                "hosted", Outcome.FAIL, f"The copy hosted at {assertion_id} differs from this one."
            )
            return
    run.report.add("hosted", Outcome.PASS, f"The issuer hosts this badge at {assertion_id}.")
    if hosted.get("revoked") is True:
        reason = hosted.get("revocationReason") or "no reason given"
        run.report.add("status.revocation", Outcome.FAIL, f"The badge was revoked ({reason}).")
    else:
        run.report.add("status.revocation", Outcome.PASS, "The hosted badge is not revoked.")


def _check_signed(run: _Run, token: str, assertion: dict[str, Any], issuer: Any) -> None:
    verification = assertion.get("verification")
    creator = verification.get("creator") if isinstance(verification, dict) else None
    if not vocab.is_iri(creator):
        run.report.add("proof", Outcome.FAIL, "The signed badge names no key (creator).")
        return
    try:
        key = run.get(str(creator))
    except _Unavailable as err:
        run.report.add("proof", Outcome.NOT_CHECKED, f"The signature was not checked: {err}")
        return
    pem = key.get("publicKeyPem")
    if not isinstance(pem, str):
        run.report.add("proof", Outcome.FAIL, "The issuer's key document has no publicKeyPem.")
        return
    if issuer is not None and key.get("owner") != issuer.get("id"):
        run.report.add(
            "issuer",
            Outcome.FAIL,
            f"The signing key belongs to {key.get('owner')!r}, not to the issuer {issuer.get('id')!r}.",
        )
        return
    try:
        good = _signed.signature_valid(token, pem)
    except (JwtError, InputError) as err:
        run.report.add("proof", Outcome.FAIL, str(err))
        return
    if not good:
        run.report.add(
            "proof", Outcome.FAIL, "The signature does not match: the badge was altered or forged."
        )
        return
    run.report.add("proof", Outcome.PASS, f"Signed with the issuer's key {creator}.")
    _check_revocation_list(run, assertion, issuer)


def _revoked_entry(entries: Any, assertion_id: Any) -> tuple[bool, str]:
    for entry in entries if isinstance(entries, list) else []:
        entry_id = entry.get("id") if isinstance(entry, dict) else entry
        if entry_id == assertion_id:
            reason = entry.get("revocationReason", "") if isinstance(entry, dict) else ""
            return True, str(reason or "no reason given")
    return False, ""


def _check_revocation_list(run: _Run, assertion: dict[str, Any], issuer: Any) -> None:
    url = issuer.get("revocationList") if isinstance(issuer, dict) else None
    if issuer is None:
        run.report.add("status.revocation", Outcome.NOT_CHECKED, "The issuer is unknown.")
        return
    if not url:
        run.report.add(
            "status.revocation", Outcome.PASS, "The issuer publishes no revocation list."
        )
        return
    try:
        listing = run.get(str(url))
    except _Unavailable as err:
        run.report.add("status.revocation", Outcome.NOT_CHECKED, f"Not checked: {err}")
        return
    revoked, reason = _revoked_entry(listing.get("revokedAssertions"), assertion.get("id"))
    if revoked:
        run.report.add("status.revocation", Outcome.FAIL, f"The badge was revoked ({reason}).")
    else:
        run.report.add(
            "status.revocation", Outcome.PASS, "The badge is not on the revocation list."
        )


def _verify_assertion(run: _Run, assertion: dict[str, Any], token: str, fetched: bool) -> None:
    if not _structure(run, assertion, "Assertion", "schema", "assertion"):
        return
    if not _check_recipient(run, assertion):
        return
    run.report.add("schema", Outcome.PASS, "The assertion has every required property.")
    _check_dates(run, assertion)
    badge, issuer = _check_badge(run, assertion.get("badge"))
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, dict) else None
    if token:
        _check_signed(run, token, assertion, issuer)
    elif kind in ("signed", "SignedBadge"):
        run.report.add(
            "proof", Outcome.FAIL, "A signed badge must be given in its signed form (the JWS)."
        )
    elif kind in ("hosted", "HostedBadge"):
        _check_hosted(run, assertion, issuer, fetched)
    else:
        run.report.add(
            "schema", Outcome.FAIL, "The verification type is neither hosted nor signed."
        )
    if badge is not None:
        framed = {k: v for k, v in (issuer or {}).items() if k != "_fetchedFrom"}
        badge = {**badge, "issuer": framed or badge.get("issuer")}
        run.report.credential = {**assertion, "badge": badge}


def _verify_other(run: _Run, document: dict[str, Any]) -> None:
    """A BadgeClass, Issuer or other vocabulary object given on its own (the validator's inputs)."""
    cls = vocab.main_class(document)
    if cls is None:
        run.report.add(
            "schema", Outcome.PASS, "An extension object: its type and context are valid."
        )
        return
    if not _structure(run, document, cls, "schema", cls):
        return
    run.report.add("schema", Outcome.PASS, f"The {cls} has every required property.")
    if cls == "BadgeClass":
        _check_issuer(run, document.get("issuer"))


def verify_ob2(
    data: bytes | str | dict[str, Any],
    *,
    now: datetime | None = None,
    fetch: Fetcher | None = None,
    documents: Mapping[str, dict[str, Any]] | None = None,
) -> Report:
    """Verify an OB 2.0 object and report each step; never raises for bad input.

    ``report.credential`` is the assertion with its badge class (and the issuer inside it)
    embedded as found, so a caller reads names and alignments without fetching again.
    """
    run = _Run(utc_now(now), fetch, documents or {})
    report = run.report
    try:
        document, token, url = _parse(data)
        fetched = False
        if url:
            document = run.get(url)
            fetched = True
    except _Unavailable as err:
        report.add("parse", Outcome.NOT_CHECKED, f"The hosted badge was not fetched: {err}")
        return report
    except (ObcoreError, ValueError, UnicodeDecodeError) as err:
        report.add("parse", Outcome.FAIL, str(err) or "The input could not be read.")
        return report
    assert document is not None
    report.source = "ob2+jws" if token else "ob2"
    report.credential = document
    report.add("parse", Outcome.PASS, "The input is an Open Badges 2.0 object.")
    problem = vocab.context_problem(document)
    if problem:
        report.add("context", Outcome.FAIL, problem)
        return report
    report.add("context", Outcome.PASS, "It uses the Open Badges 2.0 vocabulary.")
    problem = vocab.type_problem(document)
    if problem:
        report.add("type", Outcome.FAIL, problem)
        return report
    report.add(
        "type", Outcome.PASS, f"It is of type {', '.join(map(str, vocab.types_of(document)))}."
    )
    try:
        if vocab.main_class(document) == "Assertion":
            _verify_assertion(run, document, token, fetched)
        else:
            _verify_other(run, document)
    except Exception as err:  # noqa: BLE001 - a report, never a traceback, for any input
        report.add(
            "internal", Outcome.FAIL, f"The badge could not be checked: {type(err).__name__}"
        )
    return report
