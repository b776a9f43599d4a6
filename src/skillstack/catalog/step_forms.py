"""The performance test editor: a formset of steps plus the pass rule, to and from JSON.

Works without JavaScript: "add", "remove" and "move" are submit buttons that re-render the
editor with the steps as typed so far; htmx (when present) swaps only the steps panel.
Errors from ``performance.parse_definition`` (paths such as ``steps[2].title``) are put on
the field of the step they concern.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.text import slugify

from skillstack.catalog.performance import DefinitionError, parse_definition

MAX_STEPS = 60


class StepForm(forms.Form):
    key = forms.CharField(max_length=60, required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        choices=[("check", "Check"), ("rubric", "Rubric criterion")], widget=forms.HiddenInput
    )
    title = forms.CharField(label="What the learner does", max_length=300, required=False)
    critical = forms.BooleanField(label="Critical (not done = not passed)", required=False)
    levels = forms.CharField(
        label="Levels, lowest first",
        max_length=500,
        required=False,
        help_text="Separated by commas, e.g. Beginning, Developing, Proficient, Exemplary.",
    )
    min_level = forms.IntegerField(
        label="Lowest passing level",
        min_value=0,
        max_value=20,
        required=False,
        help_text="1 = the first level; 0 = any level passes.",
    )


StepFormSet = formset_factory(StepForm, extra=0, max_num=MAX_STEPS, absolute_max=MAX_STEPS)


class RuleForm(forms.Form):
    min_other_checks = forms.IntegerField(
        label="Other (non-critical) checks needed",
        min_value=0,
        max_value=MAX_STEPS,
        required=False,
        help_text="Empty: all of them. Critical checks are always needed.",
    )
    time_limit_minutes = forms.IntegerField(
        label="Time limit (minutes)",
        min_value=1,
        max_value=600,
        required=False,
        help_text="Empty: no time limit.",
    )


NEW_STEP = {
    "check": {"key": "", "kind": "check", "title": "", "critical": False},
    "rubric": {
        "key": "",
        "kind": "rubric",
        "title": "",
        "levels": "Beginning, Developing, Proficient, Exemplary",
        "min_level": 3,
    },
}


def initial_steps(definition: dict[str, Any] | None) -> list[dict[str, Any]]:
    steps = (definition or {}).get("steps") or []
    return [
        {
            "key": s.get("key", ""),
            "kind": s.get("kind", "check"),
            "title": s.get("title", ""),
            "critical": bool(s.get("critical", False)),
            "levels": ", ".join(s.get("levels", [])),
            "min_level": s.get("min_level", 0),
        }
        for s in steps
        if isinstance(s, dict)
    ]


def initial_rule(definition: dict[str, Any] | None) -> dict[str, Any]:
    rule = (definition or {}).get("rule") or {}
    limit = rule.get("time_limit_s")
    return {
        "min_other_checks": rule.get("min_other_checks"),
        "time_limit_minutes": limit // 60 if isinstance(limit, int) else None,
    }


def raw_steps(formset: Any) -> list[dict[str, Any]]:
    """The steps as typed (valid or not), for re-rendering after add/remove/move."""
    return [{name: form[name].value() for name in StepForm.base_fields} for form in formset.forms]


def apply_step_action(steps: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    """``add-check``, ``add-rubric``, ``remove-<i>``, ``up-<i>``, ``down-<i>``."""
    verb, _, index_text = action.partition("-")
    if verb == "add" and index_text in NEW_STEP and len(steps) < MAX_STEPS:
        return [*steps, dict(NEW_STEP[index_text])]
    if not index_text.isdigit() or int(index_text) >= len(steps):
        return steps
    i = int(index_text)
    steps = list(steps)
    if verb == "remove":
        del steps[i]
    elif verb == "up" and i > 0:
        steps[i - 1], steps[i] = steps[i], steps[i - 1]
    elif verb == "down" and i < len(steps) - 1:
        steps[i + 1], steps[i] = steps[i], steps[i + 1]
    return steps


def _unique_key(title: str, taken: set[str]) -> str:
    base = slugify(title)[:40] or "step"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def build_definition(formset: Any, rule_form: RuleForm) -> dict[str, Any]:
    """The JSON definition from valid forms (keys kept, new steps keyed from their titles)."""
    taken = {f.cleaned_data.get("key") for f in formset.forms if f.cleaned_data.get("key")}
    steps = []
    for form in formset.forms:
        data = form.cleaned_data
        key = data.get("key") or _unique_key(data.get("title") or "", taken)
        taken.add(key)
        step: dict[str, Any] = {"key": key, "title": data.get("title") or "", "kind": data["kind"]}
        if data["kind"] == "check":
            step["critical"] = bool(data.get("critical"))
        else:
            step["levels"] = [x.strip() for x in (data.get("levels") or "").split(",") if x.strip()]
            step["min_level"] = data.get("min_level") or 0
        steps.append(step)
    rule: dict[str, Any] = {}
    if rule_form.cleaned_data.get("min_other_checks") is not None:
        rule["min_other_checks"] = rule_form.cleaned_data["min_other_checks"]
    if rule_form.cleaned_data.get("time_limit_minutes"):
        rule["time_limit_s"] = rule_form.cleaned_data["time_limit_minutes"] * 60
    return {"steps": steps, "rule": rule}


ERROR_FIELDS = {
    "key": "title",
    "title": "title",
    "kind": "title",
    "critical": "critical",
    "levels": "levels",
    "min_level": "min_level",
}


def check_definition(definition: dict[str, Any], formset: Any, rule_form: RuleForm) -> bool:
    """Validate with performance.py; put each error on the step field it concerns."""
    try:
        parse_definition(definition)
    except DefinitionError as exc:
        for path, reason in exc.errors.items():
            # Without valid levels the range of min_level is meaningless ("between 0 and 0").
            if path.endswith(".min_level") and path[: -len("min_level")] + "levels" in exc.errors:
                continue
            _attach(path, reason, formset, rule_form)
        return False
    return True


def _attach(path: str, reason: str, formset: Any, rule_form: RuleForm) -> None:
    if path.startswith("steps[") and "]" in path:
        index_text, _, rest = path[len("steps[") :].partition("]")
        part = rest.lstrip(".")
        name = ERROR_FIELDS.get(part, "title")
        if index_text.isdigit() and int(index_text) < len(formset.forms):
            formset.forms[int(index_text)].add_error(name, _sentence(reason, SUBJECTS.get(part)))
            return
    if path == "rule.min_other_checks":
        rule_form.add_error("min_other_checks", _sentence(reason, "The number"))
    elif path == "rule.time_limit_s":
        rule_form.add_error("time_limit_minutes", _sentence(reason, "The time limit"))
    else:
        formset._non_form_errors = formset.error_class([_sentence(f"{reason}")])


SUBJECTS = {"title": "The title", "key": "The title", "min_level": "The lowest passing level"}


def _sentence(reason: str, subject: str | None = None) -> str:
    if subject and reason.startswith(("is ", "must ")):
        reason = f"{subject} {reason}"
    text = reason[0].upper() + reason[1:] if reason else reason
    return text if text.endswith(".") else text + "."
