"""The resume as a W3C Verifiable Presentation (VCDM 2.0 §4.13): the chosen credentials that
verify now, each exactly as its issuer signed it.

The presentation itself is not signed. Holder binding needs a proof made with the holder's
private key; a learner's DID (LearnerProfile.did) names a key that lives in their own wallet
app, never on this platform, and signing with a key of ours would only prove that Skillstack
made the file. So it carries no ``holder`` claim it cannot back: each credential inside keeps
its issuer's signature, which any verifier checks credential by credential, and a learner who
wants holder binding signs the file in their own wallet.
"""

from __future__ import annotations

import uuid
from typing import Any

from skillstack.resume.selectors import ResumeView

VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"


def resume_presentation(*, view: ResumeView) -> dict[str, Any]:
    """An unsigned ``VerifiablePresentation`` of the credentials the resume shows now."""
    documents = [c.document for c in view.credentials if c.document is not None]
    return {
        "@context": [VC_V2_CONTEXT],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiablePresentation"],
        "verifiableCredential": documents,
    }
