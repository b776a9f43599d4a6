"""Recording what an evaluator observed, judged on the server, exactly once per client id.

The pass/fail verdict comes from the pass rule of the session's exact micro-credential version
(``catalog.performance.evaluate``); whatever the client believed is stored for the record only.
A submitted attempt is never edited: a correction is a new attempt that supersedes it.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from skillstack.assessment.issuing import enqueue_issuing
from skillstack.assessment.models import (
    AssessmentSession,
    Attempt,
    AttemptStatus,
    EvaluatorCertification,
)
from skillstack.assessment.services.rules import (
    NotAllowed,
    current_certification,
    require_assigned_and_certified,
    require_not_self,
    require_open,
)
from skillstack.audit.services import audit_record
from skillstack.catalog.performance import PerformanceTest, evaluate, parse_definition

CLOCK_SKEW = datetime.timedelta(minutes=10)


class SyncConflict(Exception):
    """The client id was already used for a different observation."""


@dataclass(frozen=True)
class Observation:
    """What the evaluator saw, as the tablet sends it."""

    checks_done: Sequence[str] = ()
    rubric_levels: Mapping[str, int] | None = None
    notes: Mapping[str, str] | None = None
    elapsed_s: int | None = None
    evidence_sha256: Sequence[str] = ()
    client_verdict: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "checks_done": sorted(set(self.checks_done)),
            "rubric_levels": dict(self.rubric_levels or {}),
            "notes": {k: v for k, v in (self.notes or {}).items() if v},
            "client_verdict": self.client_verdict,
        }


@dataclass(frozen=True)
class SyncResult:
    attempt: Attempt
    created: bool


def _test_of(session: AssessmentSession) -> PerformanceTest:
    return parse_definition(session.micro_credential_version.performance_test)


def _check_observation(test: PerformanceTest, observation: Observation) -> None:
    steps = {s.key: s for s in test.steps}
    errors: dict[str, str] = {}
    unknown = [k for k in observation.checks_done if k not in steps]
    not_checks = [k for k in observation.checks_done if k in steps and steps[k].kind != "check"]
    if unknown or not_checks:
        errors["checks_done"] = f"Not a check of this test: {', '.join(unknown + not_checks)}."
    for key, level in (observation.rubric_levels or {}).items():
        step = steps.get(key)
        if step is None or step.kind != "rubric":
            errors["rubric_levels"] = f"'{key}' is not a rubric criterion of this test."
        elif not 0 <= level <= len(step.levels):
            errors["rubric_levels"] = f"'{key}' has levels 1 to {len(step.levels)}."
    bad_notes = [k for k in (observation.notes or {}) if k not in steps and k != "general"]
    if bad_notes:
        errors["notes"] = f"Notes name unknown steps: {', '.join(bad_notes)}."
    if errors:
        raise ValidationError(errors)


def _check_times(
    session: AssessmentSession, observed_at: datetime.datetime, attested_at: datetime.datetime
) -> None:
    now = timezone.now()
    session_start = timezone.make_aware(
        datetime.datetime.combine(session.date, datetime.time.min)
    ) - datetime.timedelta(days=1)
    if not session_start <= observed_at <= now + CLOCK_SKEW:
        raise ValidationError(
            {"observed_at": f"An attempt of this session is observed on {session.date:%d %b %Y}."}
        )
    if not observed_at - CLOCK_SKEW <= attested_at <= now + CLOCK_SKEW:
        raise ValidationError(
            {"attested_at": "The attestation comes after the observation, and not in the future."}
        )


def _payload_hash(**parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _status_for(session: AssessmentSession) -> str:
    return AttemptStatus.AWAITING_COSIGN if session.requires_cosign else AttemptStatus.FINAL


def _after_final(attempt: Attempt) -> None:
    if attempt.status == AttemptStatus.FINAL and attempt.passed:
        enqueue_issuing("issue_credential_for_attempt", attempt.pk)


def _existing(client_id: uuid.UUID, payload_sha256: str, evaluator: Any) -> SyncResult | None:
    attempt = Attempt.objects.filter(client_id=client_id).first()
    if attempt is None:
        return None
    if attempt.payload_sha256 != payload_sha256 or attempt.evaluator_id != evaluator.pk:
        raise SyncConflict(
            "This client id was already used for a different observation; "
            "the tablet must send each new observation with a new id."
        )
    return SyncResult(attempt, created=False)


def _judge(session: AssessmentSession, observation: Observation) -> Any:
    test = _test_of(session)
    _check_observation(test, observation)
    return evaluate(
        test,
        checks_done=list(observation.checks_done),
        rubric_levels=dict(observation.rubric_levels or {}),
        elapsed_s=observation.elapsed_s,
    )


def attempt_submit(
    *,
    session: AssessmentSession,
    evaluator: Any,
    learner_id: int,
    client_id: uuid.UUID,
    observed_at: datetime.datetime,
    attested_at: datetime.datetime,
    observation: Observation,
) -> SyncResult:
    """Record one observed attempt; a retry with the same client id and body returns it again."""
    payload_sha256 = _payload_hash(
        session=session.pk,
        learner=learner_id,
        observed_at=observed_at.isoformat(),
        attested_at=attested_at.isoformat(),
        observation=observation.as_json(),
        elapsed_s=observation.elapsed_s,
        evidence=sorted(set(observation.evidence_sha256)),
    )
    previous = _existing(client_id, payload_sha256, evaluator)
    if previous is not None:
        return previous
    entry = session.roster.select_related("learner").filter(learner_id=learner_id).first()
    if entry is None:
        raise ValidationError({"learner_id": "This learner is not on the session's roster."})
    require_not_self(evaluator=evaluator, learner=entry.learner)
    certification = require_assigned_and_certified(session=session, evaluator=evaluator)
    require_open(session)
    _check_times(session, observed_at, attested_at)
    verdict = _judge(session, observation)
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                client_id=client_id,
                session=session,
                learner=entry.learner,
                micro_credential_version=session.micro_credential_version,
                evaluator=evaluator,
                certification=certification,
                observed_at=observed_at,
                elapsed_s=observation.elapsed_s,
                observations=observation.as_json(),
                evidence_hashes=sorted(set(observation.evidence_sha256)),
                passed=verdict.passed,
                reasons=list(verdict.reasons),
                to_practise=list(verdict.to_practise),
                status=_status_for(session),
                attested_at=attested_at,
                payload_sha256=payload_sha256,
            )
            audit_record(
                action="assessment.attempt.recorded",
                actor=evaluator,
                organization=session.issuer,
                obj=attempt,
                data={"passed": attempt.passed, "status": attempt.status},
            )
            _after_final(attempt)
    except IntegrityError:
        # Two deliveries of the same observation raced; the first one won.
        previous = _existing(client_id, payload_sha256, evaluator)
        if previous is None:
            raise
        return previous
    return SyncResult(attempt, created=True)


def attempt_cosign(*, attempt: Attempt, evaluator: Any) -> Attempt:
    """A second assigned, certified evaluator confirms the attempt; it becomes final."""
    session = attempt.session
    if evaluator.pk == attempt.evaluator_id:
        raise NotAllowed("The evaluator who observed the attempt cannot also co-sign it.")
    require_not_self(evaluator=evaluator, learner=attempt.learner)
    require_assigned_and_certified(session=session, evaluator=evaluator)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != AttemptStatus.AWAITING_COSIGN:
            raise ValidationError({"status": "This attempt is not waiting for a co-signature."})
        locked.status = AttemptStatus.FINAL
        locked.cosigned_by = evaluator
        locked.cosigned_at = timezone.now()
        locked.save(update_fields=["status", "cosigned_by", "cosigned_at"])
        audit_record(
            action="assessment.attempt.cosigned",
            actor=evaluator,
            organization=session.issuer,
            obj=locked,
            data={"passed": locked.passed},
        )
        _after_final(locked)
    return locked


def _correction_certification(attempt: Attempt, actor: Any, is_admin: bool) -> Any:
    session = attempt.session
    if is_admin:
        return attempt.certification
    require_not_self(evaluator=actor, learner=attempt.learner)
    return require_assigned_and_certified(session=session, evaluator=actor)


def attempt_correct(
    *,
    attempt: Attempt,
    actor: Any,
    is_admin: bool,
    reason: str,
    observation: Observation,
) -> Attempt:
    """Record a corrected attempt that supersedes ``attempt``; the original stays as it was."""
    reason = reason.strip()
    if len(reason) < 5:
        raise ValidationError({"reason": "Say why the result is corrected (a sentence)."})
    certification: EvaluatorCertification = _correction_certification(attempt, actor, is_admin)
    evaluator = attempt.evaluator if is_admin else actor
    verdict = _judge(attempt.session, observation)
    with transaction.atomic():
        old = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if old.status == AttemptStatus.SUPERSEDED:
            raise ValidationError({"reason": "This attempt was already corrected."})
        old.status = AttemptStatus.SUPERSEDED
        old.save(update_fields=["status"])
        new = Attempt.objects.create(
            session=old.session,
            learner=old.learner,
            micro_credential_version=old.micro_credential_version,
            evaluator=evaluator,
            certification=certification,
            observed_at=old.observed_at,
            elapsed_s=observation.elapsed_s if observation.elapsed_s is not None else old.elapsed_s,
            observations=observation.as_json(),
            evidence_hashes=old.evidence_hashes,
            passed=verdict.passed,
            reasons=list(verdict.reasons),
            to_practise=list(verdict.to_practise),
            status=_status_for(old.session),
            attested_at=timezone.now(),
            supersedes=old,
            correction_reason=reason,
            corrected_by=actor,
        )
        audit_record(
            action="assessment.attempt.corrected",
            actor=actor,
            organization=old.session.issuer,
            obj=new,
            data={"supersedes": old.pk, "reason": reason, "passed": new.passed},
        )
        _revoke_superseded_credential(old, actor=actor, reason=reason)
        _after_final(new)
    return new


def _revoke_superseded_credential(old: Attempt, *, actor: Any, reason: str) -> None:
    """A credential earned by a result that was corrected no longer stands on it: revoke it
    (the corrected result, if it passes, earns its own)."""
    from skillstack.issuing.models import CredentialState, IssuedCredential
    from skillstack.issuing.services import credential_revoke

    credential = IssuedCredential.objects.filter(attempt=old).first()
    if credential is not None and credential.state != CredentialState.REVOKED:
        credential_revoke(credential=credential, actor=actor, reason=f"Result corrected: {reason}")


__all__ = [
    "Observation",
    "SyncConflict",
    "SyncResult",
    "attempt_correct",
    "attempt_cosign",
    "attempt_submit",
    "current_certification",
]
