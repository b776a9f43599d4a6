"""The caching processor expands exactly like stock pyld, for many generated credentials.

The cache layer (static loader answers, memoised context processing and IRI expansion,
no defensive deepcopy) must never change a result; stock pyld without any of it is the
reference.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from obcore import jsonld
from obcore._jsonld.loader import BundledLoader

_LOADER = BundledLoader()


def _stock_loader(url: str, options: Any = None) -> dict[str, Any]:
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_LOADER.context(url))}


def _stock_expand(document: dict[str, Any]) -> Any:
    import pyld.jsonld as pj

    return pj.expand(
        document,
        {"documentLoader": _stock_loader, "base": "https://relative-reference.obcore.invalid/"},
    )


_text = st.text(min_size=1, max_size=12)
_url = st.integers(0, 9).map(lambda i: f"https://example.org/thing/{i}")
_result = st.fixed_dictionaries(
    {"type": st.just(["Result"]), "value": _text},
    optional={"status": st.sampled_from(["Completed", "Enrolled"])},
)
_alignment = st.fixed_dictionaries(
    {"type": st.just(["Alignment"]), "targetName": _text, "targetUrl": _url},
    optional={"targetCode": _text, "targetType": st.sampled_from(["ceasn:Competency", "CFItem"])},
)
_achievement = st.fixed_dictionaries(
    {
        "id": _url,
        "type": st.just(["Achievement"]),
        "name": _text,
        "criteria": st.fixed_dictionaries({"narrative": _text}),
    },
    optional={
        "description": _text,
        "alignment": st.lists(_alignment, max_size=3),
        "tag": st.lists(_text, max_size=3),
        "creditsAvailable": st.floats(0, 10),
        "achievementType": st.sampled_from(["Badge", "Certificate", "Course"]),
    },
)
_subject = st.fixed_dictionaries(
    {"type": st.just(["AchievementSubject"]), "achievement": _achievement},
    optional={
        "id": st.just("did:example:learner"),
        "result": st.lists(_result, max_size=2),
        "creditsEarned": st.floats(0, 10),
    },
)
_issuer = st.fixed_dictionaries(
    {"id": _url, "type": st.just(["Profile"])},
    optional={"name": _text, "email": _text, "url": _url},
)
_credential = st.fixed_dictionaries(
    {
        "@context": st.sampled_from(
            [
                [
                    "https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                ],
                [
                    "https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
                    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
                ],
            ]
        ),
        "type": st.sampled_from(
            [
                ["VerifiableCredential", "OpenBadgeCredential"],
                ["VerifiableCredential", "AchievementCredential"],
            ]
        ),
        "issuer": _issuer,
        "credentialSubject": _subject,
    },
    optional={
        "id": _url,
        "name": _text,
        "validFrom": st.just("2025-01-01T00:00:00Z"),
        "description": _text,
        "undefinedTerm": _text,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_credential)
def test_cached_expansion_equals_stock_pyld(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    assert jsonld.expand(document, safe=False) == _stock_expand(document)
    assert document == before  # the input is never modified
