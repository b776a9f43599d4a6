"""Import openings from a CSV file or from schema.org ``JobPosting`` JSON-LD.

What career sites publish is JSON-LD: one ``JobPosting``, a list of them, an ``@graph``, or an
HTML page that embeds them in ``<script type="application/ld+json">``. Each item becomes an
opening through the same services as the pages, so it is checked the same way.

* **All-or-nothing.** Every item is applied inside one transaction; any error anywhere rolls all
  of them back, and the report names each item (CSV row or n-th posting), field and problem.
* **Dry run.** The same work, always rolled back: the report says what would be created,
  updated or left unchanged.
* **De-duplication.** ``Opening.source_key`` is the CSV's ``id`` or the posting's
  ``identifier`` (else its ``url``); a re-import updates that opening instead of adding one.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.audit.services import audit_record
from skillstack.jobs import jobposting, selectors, services
from skillstack.jobs.importing_skills import SkillResolver
from skillstack.jobs.models import Opening

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_ITEMS = 1000
CSV_COLUMNS = (
    "id",
    "employer",
    "title",
    "description",
    "occupation_scheme",
    "occupation_code",
    "location",
    "remote",
    "shift",
    "wage_min",
    "wage_max",
    "wage_unit",
    "positions",
    "degree_requirement",
    "closing_date",
    "required_skills",
    "preferred_skills",
)
CSV_REQUIRED = ("id", "title")


@dataclass(frozen=True, slots=True)
class ItemError:
    where: str  # "row 3" (CSV, the header is row 1) or "item 2" (the 2nd JobPosting)
    field: str
    message: str

    def __str__(self) -> str:
        place = self.where + (f", {self.field}" if self.field else "")
        return f"{place[:1].upper()}{place[1:]}: {self.message}" if self.where else self.message


@dataclass(frozen=True, slots=True)
class ItemResult:
    where: str
    source_key: str
    title: str
    employer: str


@dataclass
class OpeningImportReport:
    dry_run: bool
    format: str = ""
    created: list[ItemResult] = field(default_factory=list)
    updated: list[ItemResult] = field(default_factory=list)
    unchanged: list[ItemResult] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)
    warnings: list[ItemError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def applied(self) -> bool:
        return self.ok and not self.dry_run

    def summary(self) -> str:
        counts = (
            f"{len(self.created)} new, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        )
        if not self.ok:
            return f"Nothing was imported: {len(self.errors)} problem(s) to fix in the file."
        if self.dry_run:
            return f"Dry run, nothing saved. Importing would give: {counts}."
        return f"Imported: {counts}."


@dataclass
class Item:
    """One opening read from the file, before it meets the services."""

    where: str
    source_key: str
    employer_ref: str  # a slug (CSV) or a name (JobPosting); only the alliance needs one
    fields: dict[str, Any]
    required_skills: list[str]
    preferred_skills: list[str]
    strict_skills: bool = True  # CSV names skills on purpose; a posting's "skills" may be prose


# --- reading the file ------------------------------------------------------------------------


def _read_text(file: IO[bytes], report: OpeningImportReport) -> str | None:
    raw = file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        report.errors.append(
            ItemError(
                "", "", f"The file is larger than {MAX_IMPORT_BYTES // 1024**2} MB; split it."
            )
        )
        return None
    try:
        text: str = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.errors.append(
            ItemError("", "", f"The file is not UTF-8 text (line {line}); save it as UTF-8.")
        )
        return None
    if "\x00" in text:
        report.errors.append(ItemError("", "", "The file contains NUL bytes; it is not text."))
        return None
    if not text.strip():
        report.errors.append(ItemError("", "", "The file is empty."))
        return None
    return text


def _split_refs(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", value or "") if part.strip()]


def _csv_items(text: str, report: OpeningImportReport) -> list[Item]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [c for c in CSV_REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in CSV_COLUMNS]
    if missing or unknown:
        problems = [f"missing column(s): {', '.join(missing)}"] if missing else []
        problems += [f"unknown column(s): {', '.join(unknown)}"] if unknown else []
        report.errors.append(
            ItemError(
                "row 1",
                "",
                f"the header has {'; '.join(problems)}. Columns: {', '.join(CSV_COLUMNS)}.",
            )
        )
        return []
    reader.fieldnames = header
    items: list[Item] = []
    try:
        for record in reader:
            where = f"row {reader.line_num}"
            if len(items) >= MAX_ITEMS:
                report.errors.append(ItemError("", "", f"More than {MAX_ITEMS} rows; split it."))
                return []
            if None in record:
                report.errors.append(ItemError(where, "", "has more cells than the header."))
                continue
            values = {k: (v or "").strip() for k, v in record.items()}
            if not any(values.values()):
                continue
            fields = {
                k: values[k]
                for k in CSV_COLUMNS
                if k in values and k in services.EDITABLE and values[k] != ""
            }
            fields["title"] = values.get("title", "")
            items.append(
                Item(
                    where,
                    values.get("id", ""),
                    values.get("employer", ""),
                    fields,
                    _split_refs(values.get("required_skills", "")),
                    _split_refs(values.get("preferred_skills", "")),
                )
            )
    except csv.Error as exc:
        report.errors.append(ItemError(f"row {reader.line_num}", "", f"cannot be read: {exc}."))
        return []
    return items


def _looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<") or "<script" in text.lower()


def read_items(text: str, report: OpeningImportReport) -> list[Item]:
    """Items of a CSV, a JSON-LD document or an HTML page, recognised by their content."""
    if _looks_like_json(text) or _looks_like_html(text):
        report.format = "html" if not _looks_like_json(text) else "json-ld"
        postings = jobposting.postings_in(text, html=report.format == "html", report=report)
        if len(postings) > MAX_ITEMS:
            report.errors.append(ItemError("", "", f"More than {MAX_ITEMS} postings; split it."))
            return []
        return [jobposting.item_of(p, f"item {n}", report) for n, p in enumerate(postings, 1)]
    report.format = "csv"
    return _csv_items(text, report)


# --- applying --------------------------------------------------------------------------------


def _employer(
    organization: Organization, item: Item, report: OpeningImportReport
) -> Organization | None:
    """The employer of an item: the organization itself, or (the alliance) the one it names."""
    if not selectors.acts_for_every_employer(organization):
        return organization
    ref = item.employer_ref.strip()
    if not ref:
        report.errors.append(ItemError(item.where, "employer", "name the employer (its slug)."))
        return None
    for employer in selectors.employers_all():
        if ref.lower() in (employer.slug.lower(), employer.name.lower()):
            return employer
    report.errors.append(ItemError(item.where, "employer", f"no employer is called '{ref}'."))
    return None


def _parse_values(item: Item, report: OpeningImportReport) -> dict[str, Any] | None:
    values = dict(item.fields)
    date = values.get("closing_date")
    if isinstance(date, str):
        try:
            values["closing_date"] = datetime.date.fromisoformat(date[:10])
        except ValueError:
            report.errors.append(
                ItemError(item.where, "closing_date", f"'{date[:40]}' is not a date (YYYY-MM-DD).")
            )
            return None
    for name in ("remote", "shift", "degree_requirement", "occupation_scheme"):
        if isinstance(values.get(name), str):
            values[name] = values[name].strip().lower().replace("-", "_").replace(" ", "_")
    if "relax_required" in values:
        values["relax_required"] = str(values["relax_required"]).lower() in ("1", "true", "yes")
    return values


def _same(opening: Opening, values: dict[str, Any], asks: list[services.SkillAsk]) -> bool:
    """True when an update would change nothing (so the report says "unchanged")."""
    probe = Opening(**{k: getattr(opening, k) for k in services.EDITABLE})
    try:
        for name, value in services._clean(values).items():
            setattr(probe, name, value)
    except ValidationError:
        return False
    if any(getattr(probe, k) != getattr(opening, k) for k in services.EDITABLE):
        return False
    current = {(s.skill_id, s.required, s.min_level) for s in opening.skills.all()}
    return current == {(a.skill.pk, a.required, int(a.min_level)) for a in asks}


def _apply_item(
    *,
    organization: Organization,
    actor: Any,
    item: Item,
    resolver: SkillResolver,
    report: OpeningImportReport,
) -> None:
    employer = _employer(organization, item, report)
    values = _parse_values(item, report)
    asks = resolver.asks(item, report)
    if employer is None or values is None or asks is None:
        return
    existing = Opening.objects.filter(employer=employer, source_key=item.source_key).first()
    result = ItemResult(item.where, item.source_key, str(values.get("title", "")), employer.name)
    try:
        if existing is None:
            services.opening_create(
                organization=organization,
                actor=actor,
                employer=employer if employer != organization else None,
                skills=asks,
                source_key=item.source_key,
                **values,
            )
            report.created.append(result)
        elif _same(existing, values, asks):
            report.unchanged.append(result)
        else:
            services.opening_update(opening=existing, actor=actor, skills=asks, **values)
            report.updated.append(result)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            for message in messages:
                report.errors.append(ItemError(item.where, name, message))


def _check_keys(items: list[Item], report: OpeningImportReport) -> None:
    seen: dict[tuple[str, str], str] = {}
    for item in items:
        key_field = "id" if report.format == "csv" else "identifier"
        if not item.source_key:
            report.errors.append(
                ItemError(
                    item.where,
                    key_field,
                    "is empty; every opening needs one so that a re-import updates it.",
                )
            )
        elif len(item.source_key) > 200:
            report.errors.append(ItemError(item.where, key_field, "is over 200 characters."))
        else:
            key = (item.employer_ref.lower(), item.source_key)
            if key in seen:
                report.errors.append(
                    ItemError(item.where, key_field, f"'{item.source_key}' is also {seen[key]}.")
                )
            seen[key] = item.where


def openings_import(
    *, organization: Organization, actor: Any, file: IO[bytes], dry_run: bool
) -> OpeningImportReport:
    """Check every item, then (unless a dry run or any item is wrong) create or update them all."""
    report = OpeningImportReport(dry_run=dry_run)
    try:
        services.employer_for(organization=organization, employer=None)
    except ValidationError as exc:
        if "organization" in exc.message_dict:
            raise
    text = _read_text(file, report)
    items = read_items(text, report) if text is not None else []
    if not report.errors and not items:
        report.errors.append(ItemError("", "", "The file holds no openings."))
    _check_keys(items, report)
    if report.errors:
        return report
    resolver = SkillResolver()
    with transaction.atomic():
        for item in items:
            _apply_item(
                organization=organization, actor=actor, item=item, resolver=resolver, report=report
            )
        if report.errors or dry_run:
            transaction.set_rollback(True)
            if report.errors:
                report.created, report.updated, report.unchanged = [], [], []
            return report
        audit_record(
            action="jobs.opening.imported",
            actor=actor,
            organization=organization,
            data={
                "format": report.format,
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
            },
        )
    return report


def dumps_report(report: OpeningImportReport) -> str:
    """The report as JSON (the management command prints it)."""
    return json.dumps(
        {
            "summary": report.summary(),
            "errors": [str(e) for e in report.errors],
            "warnings": [str(w) for w in report.warnings],
        },
        indent=2,
    )
