"""A learner's pages: progress on pathways (/me/pathways/) and credit toward programs with the
choice of colleges to share it with (/me/credit/); a college's view of incoming credit."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from skillstack.accounts.roles import IssuerType, OrgKind
from skillstack.core.access import requires
from skillstack.core.permissions import can
from skillstack.pathways import credit, credit_selectors, selectors
from skillstack.pathways.engine import evaluate


@requires("pathways.pathway.view")
def public_pathway(request: HttpRequest, org_slug: str, pathway_slug: str) -> HttpResponse:
    pathway = selectors.public_pathway(org_slug=org_slug, slug=pathway_slug)
    if pathway is None:
        raise Http404("No such pathway")
    tree = evaluate(pathway.definition, [], now=timezone.now()).root
    return render(request, "pathways/public.html", {"pathway": pathway, "tree": tree})


@requires("pathways.progress.view")
def my_pathways(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "pathways/my_pathways.html",
        {"rows": selectors.learner_pathways(user=request.user)},
    )


@requires("pathways.credit.view")
def my_credit(request: HttpRequest) -> HttpResponse:
    programs = credit_selectors.learner_credit(user=request.user)
    consents = credit_selectors.consents_of(user=request.user)
    colleges = [(college, consents.get(college.pk)) for college in credit_selectors.colleges()]
    return render(
        request,
        "pathways/my_credit.html",
        {"programs": programs, "colleges": colleges},
    )


@requires("pathways.credit.consent")
def my_credit_consent(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return redirect("pathways:my_credit")
    college = credit_selectors.colleges().filter(slug=request.POST.get("college", "")).first()
    if college is None:
        messages.error(request, "Choose one of the colleges listed.")
        return redirect("pathways:my_credit")
    share = request.POST.get("share") == "yes"
    try:
        credit.credit_consent_set(learner=request.user, college=college, share=share)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        verb = "now sees" if share else "no longer sees"
        messages.success(request, f"{college.name} {verb} your verified credit.")
    return redirect("pathways:my_credit")


def _is_college(org: object) -> bool:
    return (
        getattr(org, "kind", "") == OrgKind.ISSUER
        and getattr(org, "issuer_type", "") == IssuerType.COLLEGE
    )


@requires("pathways.credit.incoming", org_kwarg="org_slug")
def college_credit(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    college = _is_college(org)
    return render(
        request,
        "pathways/college_credit.html",
        {
            "org": org,
            "college": college,
            "agreements": credit_selectors.agreements(college=org) if college else [],
            "incoming": credit_selectors.incoming_learners(college=org) if college else [],
            "can_manage": can(request.user, "pathways.articulation.manage", org=org),
        },
    )


ITEMS_EXAMPLE = (
    '[{"micro_credential": 1, "credits": 3, "course": "BIOT 101"}, {"pathway": 2, "credits": 4}]'
)


@requires("pathways.articulation.manage", org_kwarg="org_slug")
def articulation_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    """A college admin writes an agreement: program, credits, cap, and what counts (JSON)."""
    org = request.organization  # type: ignore[attr-defined]
    values = {
        key: request.POST.get(key, "")
        for key in ("program", "program_credits", "cap_credits", "items")
    }
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            try:
                items = json.loads(values["items"])
            except ValueError as err:
                raise ValidationError({"items": f"This is not valid JSON ({err})."}) from None
            credit.articulation_create(
                college=org,
                actor=request.user,
                program=values["program"],
                program_credits=values["program_credits"],
                cap_credits=values["cap_credits"],
                items=items,
            )
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, f"The agreement for {values['program']} is in force.")
            return redirect("pathways:college_credit", org.slug)
    else:
        values["items"] = ITEMS_EXAMPLE
    return render(
        request,
        "pathways/articulation_form.html",
        {"org": org, "college": _is_college(org), "values": values, "errors": errors},
        status=422 if errors else 200,
    )


@requires("pathways.credit.incoming", org_kwarg="org_slug")
def college_credit_csv(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    body = credit_selectors.incoming_csv(college=org) if _is_college(org) else ""
    if not body:
        body = ",".join(credit_selectors.CSV_HEADER) + "\r\n"
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"{slugify(org.slug)}-incoming-credit.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires("pathways.clr.export")
def my_record(request: HttpRequest) -> HttpResponse:
    """The learner's CLR 2.0 record as a signed JSON download (``?issuer=<slug>`` picks who
    signs it among the issuers whose credentials it holds)."""
    from skillstack.accounts.models import Organization
    from skillstack.pathways.record import learner_record_signed, record_issuer_default

    slug = request.GET.get("issuer", "")
    issuer = (
        Organization.objects.filter(slug=slug).first()
        if slug
        else record_issuer_default(user=request.user)
    )
    if issuer is None:
        return render(request, "pathways/no_record.html", status=200)
    try:
        record = learner_record_signed(user=request.user, issuer=issuer)
    except ValidationError as err:
        messages.error(request, " ".join(err.messages))
        return redirect("pathways:mine")
    response = HttpResponse(
        json.dumps(record, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="learning-record-clr.json"'
    return response
