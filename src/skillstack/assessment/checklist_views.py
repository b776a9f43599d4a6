"""The evaluator's tablet checklist (an offline-first page), its photo upload and its worker.

The page carries everything it needs (steps, roster, URLs, CSRF token) so that, once cached by
the service worker, it works without a network; observations go to the sync API operation.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_POST

from skillstack.accounts.models import Organization
from skillstack.assessment import selectors
from skillstack.assessment.services.evidence import MAX_PHOTO_BYTES, evidence_store
from skillstack.assessment.services.rules import NotAllowed, require_assigned_and_certified
from skillstack.core.access import requires


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


@requires("assessment.attempt.record", org_kwarg="org_slug")
def checklist(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    org = _org(request)
    session = selectors.session_visible(user=request.user, organization=org, session_id=session_id)
    try:
        require_assigned_and_certified(session=session, evaluator=request.user)
    except NotAllowed as exc:
        context = {"org": org, "session": session, "refusal": exc.message}
        return render(request, "assessment/checklist.html", context, status=403)
    test = selectors.performance_test(session.micro_credential_version)
    config = {
        "sessionId": session.pk,
        "syncUrl": reverse("api:assessment_attempt_sync", args=[org.slug, session.pk]),
        "evidenceUrl": reverse("assessment:evidence", args=[org.slug, session.pk]),
        "workerUrl": reverse("assessment:worker", args=[org.slug]),
        "timeLimit": test.rule.time_limit_s,
        "steps": [
            {
                "key": s.key,
                "title": s.title,
                "kind": s.kind,
                "critical": s.critical,
                "levels": list(s.levels),
            }
            for s in test.steps
        ],
        "roster": [
            {"id": e.learner_id, "name": e.learner.full_name or e.learner.email}
            for e in session.roster.select_related("learner")
            if e.learner_id != request.user.pk
        ],
        "recorded": list(
            session.attempts.filter(evaluator_id=request.user.pk).values_list(
                "learner_id", flat=True
            )
        ),
    }
    context = {"org": org, "session": session, "config": config, "test": test}
    return render(request, "assessment/checklist.html", context)


@requires("assessment.attempt.record", org_kwarg="org_slug")
@require_POST
def evidence_upload(request: HttpRequest, org_slug: str, session_id: int) -> JsonResponse:
    """Store one photo (multipart ``photo`` and its ``sha256``); JSON like the API."""
    session = selectors.session_visible(
        user=request.user, organization=_org(request), session_id=session_id
    )
    photo = request.FILES.get("photo")
    if photo is None:
        return _error(422, "input.invalid", "Attach the photo as the field 'photo'.", "photo")
    if photo.size is not None and photo.size > MAX_PHOTO_BYTES:
        return _error(413, "input.too_large", "The photo is larger than 10 MB.", "photo")
    try:
        evidence, created = evidence_store(
            session=session,
            uploader=request.user,
            data=photo.read(MAX_PHOTO_BYTES + 1),
            declared_sha256=str(request.POST.get("sha256", ""))[:64],
        )
    except NotAllowed as exc:
        return _error(403, "auth.forbidden", exc.message, "")
    except ValidationError as exc:
        field, message = next(iter(exc.message_dict.items()))
        return _error(422, "input.invalid", message[0], field)
    return JsonResponse(
        {"sha256": evidence.sha256, "created": created}, status=201 if created else 200
    )


def _error(status: int, code: str, detail: str, field: str) -> JsonResponse:
    errors = [{"field": field, "message": detail}] if field else []
    return JsonResponse({"code": code, "detail": detail, "errors": errors}, status=status)


@requires("assessment.worker.view", org_kwarg="org_slug")
def worker(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The service worker, served from the sessions folder so its scope covers the checklists."""
    response = render(
        request,
        "assessment/sw.js",
        {
            "assets": [
                static("vendor/idb/umd.js"),
                static("assessment/checklist.js"),
                static("assessment/checklist.css"),
                static("vendor/pico/pico.min.css"),
                static("core/site.css"),
            ]
        },
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = reverse("assessment:sessions", args=[org_slug])
    response["Cache-Control"] = "no-cache"
    return response
