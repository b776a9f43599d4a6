"""The issuer's pages under /orgs/<slug>/credentials/: list, one credential, state changes,
issuing a session's credentials, and reviewing an evaluator's assessments to revoke them."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.models import Organization
from skillstack.audit.models import AuditEntry
from skillstack.core.access import requires
from skillstack.issuing import admin_selectors, selectors
from skillstack.issuing.forms import BulkRevokeForm, CredentialFilterForm, ReasonForm, ReviewForm
from skillstack.issuing.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
    credentials_revoke_bulk,
)
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.tasks import issue_credentials_for_session

PAGE_SIZE = 50
CHANGES = {
    "revoke": (credential_revoke, "revoked"),
    "suspend": (credential_suspend, "suspended"),
    "reinstate": (credential_reinstate, "reinstated"),
}


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _credential(request: HttpRequest, credential_pk: int) -> IssuedCredential:
    found = selectors.credential_of_issuer(organization=_org(request), pk=credential_pk)
    if found is None:
        raise Http404("No such credential was issued by this organization")
    return found


@requires("issuing.credential.view", org_kwarg="org_slug")
def credential_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = CredentialFilterForm(request.GET or None)
    state, search = "", ""
    if form.is_valid():
        state, search = form.cleaned_data["state"], form.cleaned_data["q"]
    rows = selectors.credentials_issued_by(organization=org, state=state or None, search=search)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {k: v for k, v in (("q", search), ("state", state)) if v}
    return render(
        request,
        "issuing/credential_list.html",
        {
            "org": org,
            "form": form,
            "page": page,
            "query": urlencode(query),
            "filtered": bool(query),
            "sessions": admin_selectors.sessions_to_issue(organization=org),
        },
    )


def _detail_page(
    request: HttpRequest, credential: IssuedCredential, form: ReasonForm, status: int = 200
) -> HttpResponse:
    history = AuditEntry.objects.filter(
        object_type="issuing.issuedcredential", object_id=str(credential.pk)
    ).order_by("created_at")
    return render(
        request,
        "issuing/credential_detail.html",
        {
            "org": _org(request),
            "credential": credential,
            "form": form,
            "history": history,
            "document": json.dumps(credential.document, indent=2, ensure_ascii=False),
            "evidence": credential.document.get("evidence", []),
        },
        status=status,
    )


@requires("issuing.credential.view", org_kwarg="org_slug")
def credential_detail(request: HttpRequest, org_slug: str, credential_pk: int) -> HttpResponse:
    return _detail_page(request, _credential(request, credential_pk), ReasonForm())


@requires("issuing.credential.change", org_kwarg="org_slug")
@require_POST
def credential_change(
    request: HttpRequest, org_slug: str, credential_pk: int, change: str
) -> HttpResponse:
    credential = _credential(request, credential_pk)
    service, done = CHANGES[change]
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            service(credential=credential, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason" if "reason" in exc.message_dict else None, exc.messages)
        else:
            messages.success(
                request, f"The credential of {credential.recipient} is {done}; verifiers see it."
            )
            return redirect("issuing:credential_detail", org_slug, credential.pk)
    return _detail_page(request, credential, form, status=400)


@requires("issuing.credential.issue", org_kwarg="org_slug")
@require_POST
def session_issue(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    session = admin_selectors.session_of(organization=_org(request), pk=session_id)
    if session is None:
        raise Http404("No such session at this organization")
    transaction.on_commit(lambda: issue_credentials_for_session.enqueue(session.pk))
    messages.success(
        request,
        f"Issuing the credentials of {session}. Each learner gets an e-mail with a claim link; "
        "issuing again never issues twice.",
    )
    return redirect("issuing:credential_list", org_slug)


@requires("issuing.credential.change", org_kwarg="org_slug")
def credential_review(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    evaluators = admin_selectors.evaluators_of(organization=org)
    review = ReviewForm(request.GET or None, evaluators=evaluators)
    rows: list[IssuedCredential] = []
    if review.is_valid():
        evaluator = review.evaluators[review.cleaned_data["evaluator"]]
        rows = list(
            selectors.credentials_assessed_by(
                evaluator=evaluator, since=review.cleaned_data["since"], organization=org
            )
        )
    choices = [(str(c.pk), str(c)) for c in rows if c.state != "revoked"]
    revoke = BulkRevokeForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        initial={"credentials": [pk for pk, _ in choices]},
    )
    if request.method == "POST" and revoke.is_valid():
        picked = [c for c in rows if str(c.pk) in set(revoke.cleaned_data["credentials"])]
        done = credentials_revoke_bulk(
            credentials=picked, actor=request.user, reason=revoke.cleaned_data["reason"]
        )
        messages.success(request, f"Revoked {len(done)} credential(s); verifiers see it now.")
        return redirect(request.get_full_path())
    status = 400 if request.method == "POST" else 200
    context = {"org": org, "review": review, "rows": rows, "revoke": revoke}
    return render(request, "issuing/credential_review.html", context, status=status)
