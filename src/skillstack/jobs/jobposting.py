"""schema.org ``JobPosting`` (https://schema.org/JobPosting) read into an importable item.

Properties used: ``title``, ``description`` (HTML allowed; tags are stripped),
``identifier`` (text or ``PropertyValue``) else ``url`` as the de-duplication key,
``hiringOrganization.name``, ``jobLocation.address`` (``PostalAddress``), ``jobLocationType``
("TELECOMMUTE" is remote work), ``workHours`` (shift words), ``baseSalary``
(``MonetaryAmount`` with a ``QuantitativeValue`` per HOUR or YEAR), ``totalJobOpenings``,
``educationRequirements`` (with ``experienceInPlaceOfEducation``), ``validThrough``,
``occupationalCategory`` (an O*NET-SOC or ESCO code, text or ``CategoryCode``) and ``skills``
(text, comma separated, or ``DefinedTerm``s).
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from django.utils.html import strip_tags

from skillstack.jobs.services import ESCO_CODE, ONET_SOC

if TYPE_CHECKING:
    from skillstack.jobs.importing import Item, OpeningImportReport

LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
SOC_SHORT = re.compile(r"^\d{2}-\d{4}$")
SHIFT_WORDS = (
    ("night", "night"),
    ("evening", "evening"),
    ("swing", "evening"),
    ("weekend", "weekend"),
    ("rotating", "rotating"),
    ("flexible", "flexible"),
)
UNITS = {"HOUR": "hour", "YEAR": "year", "ANNUAL": "year"}


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def _collect(data: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(data, list):
        for entry in data:
            _collect(entry, found)
    elif isinstance(data, dict):
        if "JobPosting" in _types(data):
            found.append(data)
        elif "@graph" in data:
            _collect(data["@graph"], found)
        elif "itemListElement" in data:  # an ItemList of postings
            _collect(
                [e.get("item", e) for e in data["itemListElement"] if isinstance(e, dict)], found
            )


def postings_in(text: str, *, html: bool, report: OpeningImportReport) -> list[dict[str, Any]]:
    """Every JobPosting of a JSON-LD document, or of the JSON-LD blocks of an HTML page."""
    from skillstack.jobs.importing import ItemError

    blocks = LD_SCRIPT.findall(text) if html else [text]
    if html and not blocks:
        report.errors.append(ItemError("", "", "The page embeds no JSON-LD (application/ld+json)."))
        return []
    found: list[dict[str, Any]] = []
    for number, block in enumerate(blocks, 1):
        try:
            data = json.loads(block)
        except (json.JSONDecodeError, RecursionError) as exc:
            where = f"JSON-LD block {number}: " if html else ""
            message = getattr(exc, "msg", "too deeply nested")
            line = getattr(exc, "lineno", 0)
            report.errors.append(
                ItemError("", "", f"{where}not valid JSON ({message}, line {line}).")
            )
            continue
        _collect(data, found)
    if not found and not report.errors:
        report.errors.append(ItemError("", "", "No schema.org JobPosting was found in the file."))
    return found


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):
        return _text(value.get("value") or value.get("name") or value.get("@value") or "")
    if value is None or isinstance(value, bool):
        return ""
    return str(value).strip()


def plain(value: Any) -> str:
    """Posting HTML as plain text: paragraphs and list items on their own lines."""
    markup = _text(value)
    markup = re.sub(r"(?i)<\s*(br|/p|/li|/h\d|/div)\s*/?>", "\n", markup)
    markup = re.sub(r"(?i)<\s*li[^>]*>", "• ", markup)
    lines = [" ".join(line.split()) for line in html.unescape(strip_tags(markup)).splitlines()]
    return "\n".join(line for line in lines if line).strip()


def _location(posting: dict[str, Any]) -> str:
    places = posting.get("jobLocation") or []
    places = places if isinstance(places, list) else [places]
    named = []
    for place in places:
        if not isinstance(place, dict):
            continue
        address = place.get("address", place)
        if isinstance(address, dict):
            parts = [
                _text(address.get(k))
                for k in ("addressLocality", "addressRegion", "addressCountry")
            ]
            named.append(", ".join(p for p in parts if p))
        else:
            named.append(_text(address))
    return "; ".join(n for n in named if n)[:200]


def _remote(posting: dict[str, Any]) -> str:
    kind = _text(posting.get("jobLocationType")).upper()
    if "TELECOMMUTE" in kind:
        return "hybrid" if posting.get("jobLocation") else "remote"
    return "on_site"


def _shift(posting: dict[str, Any]) -> str:
    hours = _text(posting.get("workHours")).lower()
    return next((shift for word, shift in SHIFT_WORDS if word in hours), "day")


def _wage(posting: dict[str, Any], where: str, report: OpeningImportReport) -> dict[str, Any]:
    from skillstack.jobs.importing import ItemError

    salary = posting.get("baseSalary")
    if not isinstance(salary, dict):
        return {}
    value = salary.get("value", salary)
    if not isinstance(value, dict):
        return {"wage_min": value, "wage_max": value}
    unit_text = _text(value.get("unitText") or salary.get("unitText") or "HOUR").upper()
    unit = UNITS.get(unit_text)
    if unit is None:
        report.errors.append(
            ItemError(where, "baseSalary", f"a wage per {unit_text.lower()}: use HOUR or YEAR.")
        )
        return {}
    low = value.get("minValue", value.get("value"))
    high = value.get("maxValue", value.get("value"))
    return {"wage_min": low, "wage_max": high, "wage_unit": unit}


def _degree(posting: dict[str, Any]) -> str:
    wanted = posting.get("educationRequirements")
    text = _text(wanted).lower() if not isinstance(wanted, dict) else ""
    if isinstance(wanted, dict):
        text = _text(wanted.get("credentialCategory")).lower()
    if not text or "no requirement" in text or "high school" in text:
        return "none"
    if posting.get("experienceInPlaceOfEducation") is True or "preferred" in text:
        return "preferred"
    return "required" if "degree" in text or "bachelor" in text or "master" in text else "none"


def _occupation(posting: dict[str, Any]) -> dict[str, str]:
    category = posting.get("occupationalCategory")
    values = category if isinstance(category, list) else [category]
    for value in values:
        code = _text(value.get("codeValue") if isinstance(value, dict) else value)
        code = code.split(" ", 1)[0].strip()
        if SOC_SHORT.match(code):
            code += ".00"
        if ONET_SOC.match(code):
            return {"occupation_scheme": "onet", "occupation_code": code}
        if ESCO_CODE.match(code):
            return {"occupation_scheme": "esco", "occupation_code": code}
    return {}


def _skills(posting: dict[str, Any]) -> list[str]:
    skills = posting.get("skills")
    entries = skills if isinstance(skills, list) else [skills]
    names: list[str] = []
    for entry in entries:
        if isinstance(entry, dict):
            names.append(_text(entry.get("name") or entry.get("termCode")))
        elif isinstance(entry, str):
            names.extend(part.strip() for part in re.split(r"[,;\n]", entry))
    return [name for name in names if name][:40]


def _key(posting: dict[str, Any]) -> str:
    identifier = posting.get("identifier")
    if isinstance(identifier, dict):
        key = _text(identifier.get("value"))
        scope = _text(identifier.get("name"))
        return f"{scope}:{key}" if scope and key else key
    return _text(identifier) or _text(posting.get("url"))


def item_of(posting: dict[str, Any], where: str, report: OpeningImportReport) -> Item:
    from skillstack.jobs.importing import Item

    fields: dict[str, Any] = {
        "title": _text(posting.get("title")),
        "description": plain(posting.get("description")),
        "location": _location(posting),
        "remote": _remote(posting),
        "shift": _shift(posting),
        "degree_requirement": _degree(posting),
        **_wage(posting, where, report),
        **_occupation(posting),
    }
    openings = posting.get("totalJobOpenings")
    if openings not in (None, ""):
        fields["positions"] = openings
    valid_through = _text(posting.get("validThrough"))
    if valid_through:
        fields["closing_date"] = valid_through
    hiring = posting.get("hiringOrganization")
    employer = _text(hiring.get("name") if isinstance(hiring, dict) else hiring)
    return Item(where, _key(posting), employer, fields, _skills(posting), [], strict_skills=False)
