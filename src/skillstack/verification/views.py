"""The public verify page: paste, upload or give a URL, and read the report in plain words."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillstack.core.access import requires
from skillstack.verification import selectors, services
from skillstack.verification.forms import VerifyForm


def _verify_input(form: VerifyForm) -> bytes | str | dict[str, Any]:
    data = form.cleaned_data
    if data.get("file"):
        return services.upload_read(upload=data["file"])
    if data.get("url"):
        return services.credential_fetch(url=data["url"])
    return str(data["text"])


@requires("verification.credential.verify")
def verify_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"form": VerifyForm(), "report": None, "refusal": ""}
    status = 200
    if request.method == "POST":
        try:
            form = VerifyForm(request.POST, request.FILES)
        except RequestDataTooBig:
            form = VerifyForm()
            context["refusal"] = (
                "What you pasted is too large to check. Upload the credential as a file instead."
            )
            return render(request, "verification/verify.html", context, status=413)
        context["form"] = form
        if form.is_valid():
            try:
                report = services.credential_verify(data=_verify_input(form))
            except services.InputRefused as exc:
                context["refusal"] = str(exc)
                status = 400
            else:
                context["report"] = selectors.report_present(report=report)
        else:
            status = 400
    return render(request, "verification/verify.html", context, status=status)
