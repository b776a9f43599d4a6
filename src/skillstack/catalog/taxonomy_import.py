"""Load a published taxonomy into the catalog: ESCO CSV files or O*NET database text files.

* **ESCO** (``skills_en.csv``, ``occupations_en.csv``): one concept per row; ``conceptType``
  says whether it is a skill (``KnowledgeSkillCompetence``) or an ``Occupation``; ``altLabels``
  holds other names separated by new lines. A skill's code is the last segment of its
  ``conceptUri``; an occupation's is ESCO's ``code`` (ISCO-based, such as 3141.1).
* **O*NET** (tab separated, recognised by their header): ``Occupation Data.txt`` (O*NET-SOC
  Code, Title, Description), ``Skills.txt`` (the skill elements: Element ID, Element Name; one
  row per occupation and scale, so each element appears many times) and
  ``Alternate Titles.txt`` (more names for occupations).

Rows are matched by (framework, code), so running an import again updates what changed and
duplicates nothing. Every row is checked before anything is written: one bad row means nothing
is imported, and the report names each line (as a text editor numbers them) and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.audit.services import audit_record
from skillstack.catalog.models import Framework, Occupation, Skill, SkillLabel

MAX_BYTES = 200 * 1024 * 1024  # the full ESCO skills file is about 60 MB
ESCO_SKILL = "KnowledgeSkillCompetence"
ESCO_OCCUPATION = "Occupation"
ONET_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
ONET_ELEMENT = re.compile(r"^\d+(\.[A-Za-z0-9]+)+$")
ESCO_URI = re.compile(r"^https?://data\.europa\.eu/esco/(skill|occupation|isco)/[A-Za-z0-9._-]+$")
ESCO_OCCUPATION_CODE = re.compile(r"^\d{4}(\.\d+)*$")
LIMITS = {"label": 300, "code": 120, "title": 300, "alt": 300}
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}" if self.line else self.message


@dataclass
class TaxonomyReport:
    framework: str
    kind: str = ""  # what the file held: "skills", "occupations", "alternate titles", or both
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return f"Nothing was imported: {len(self.errors)} error(s)."
        counts = f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        prefix = "Dry run, nothing saved: would give " if self.dry_run else "Imported: "
        return f"{prefix}{counts} ({self.kind})."


@dataclass
class SkillRow:
    line: int
    framework: str
    code: str
    uri: str
    label: str
    description: str
    alt_labels: list[str]


@dataclass
class OccupationRow:
    line: int
    framework: str
    code: str
    uri: str
    title: str
    description: str
    group: str
    alt_titles: list[str]


# --- reading ---------------------------------------------------------------------------------


class _Lines:
    """Text rows with the line each starts on (ESCO cells span lines), for error messages."""

    def __init__(self, text: str, delimiter: str) -> None:
        self._stream = io.StringIO(text, newline="")
        if delimiter == "\t":  # O*NET text files quote nothing; a '"' is part of the text
            self.reader = csv.reader(self._stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        else:
            self.reader = csv.reader(self._stream, delimiter=delimiter)

    def rows(self) -> Iterable[tuple[int, list[str]]]:
        start = 1
        for row in self.reader:
            yield start, row
            start = self.reader.line_num + 1


def _decode(raw: bytes, report: TaxonomyReport) -> str | None:
    if len(raw) > MAX_BYTES:
        report.errors.append(LineError(0, "", f"The file is over {MAX_BYTES // 1024**2} MB."))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.errors.append(LineError(line, "", "is not UTF-8 text."))
        return None
    if "\x00" in text:
        report.errors.append(LineError(0, "", "The file contains NUL bytes; it is not text."))
        return None
    if not text.strip():
        report.errors.append(LineError(0, "", "The file is empty."))
        return None
    return text


def _records(text: str, delimiter: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    lines = _Lines(text, delimiter)
    header: list[str] = []
    records: list[tuple[int, dict[str, str]]] = []
    for line, row in lines.rows():
        if not header:
            header = [name.strip() for name in row]
            continue
        if not any(cell.strip() for cell in row):
            continue
        padded = row + [""] * (len(header) - len(row))
        records.append((line, dict(zip(header, (c.strip() for c in padded), strict=False))))
    return header, records


def _alt(value: str) -> list[str]:
    names = [name.strip() for name in value.replace("\r", "").split("\n")]
    return list(dict.fromkeys(name for name in names if name))


def _check_length(line: int, column: str, value: str, limit: int, errors: list[LineError]) -> None:
    if len(value) > limit:
        errors.append(LineError(line, column, f"is longer than {limit} characters."))


def _esco_rows(
    records: list[tuple[int, dict[str, str]]], report: TaxonomyReport
) -> tuple[list[SkillRow], list[OccupationRow]]:
    skills: list[SkillRow] = []
    occupations: list[OccupationRow] = []
    for line, r in records:
        before = len(report.errors)
        kind, uri, label = (
            r.get("conceptType", ""),
            r.get("conceptUri", ""),
            r.get("preferredLabel", ""),
        )
        if kind not in (ESCO_SKILL, ESCO_OCCUPATION):
            report.errors.append(
                LineError(
                    line, "conceptType", f"'{kind[:40]}' is neither {ESCO_SKILL} nor Occupation."
                )
            )
            continue
        if not ESCO_URI.match(uri):
            report.errors.append(LineError(line, "conceptUri", f"'{uri[:80]}' is not an ESCO URI."))
        if not label:
            report.errors.append(LineError(line, "preferredLabel", "is empty."))
        _check_length(line, "preferredLabel", label, LIMITS["label"], report.errors)
        alt = _alt(r.get("altLabels", ""))
        for name in alt:
            _check_length(line, "altLabels", name, LIMITS["alt"], report.errors)
        description = r.get("description") or r.get("definition", "")
        if len(report.errors) > before:
            continue
        if kind == ESCO_SKILL:
            code = uri.rsplit("/", 1)[-1]
            skills.append(SkillRow(line, Framework.ESCO, code, uri, label, description, alt))
        else:
            code = r.get("code", "")
            if not ESCO_OCCUPATION_CODE.match(code):
                report.errors.append(
                    LineError(
                        line, "code", f"'{code[:40]}' is not an ESCO occupation code (3141.1)."
                    )
                )
                continue
            occupations.append(
                OccupationRow(
                    line, Framework.ESCO, code, uri, label, description, r.get("iscoGroup", ""), alt
                )
            )
    return skills, occupations


def _onet_code(line: int, code: str, report: TaxonomyReport) -> bool:
    if ONET_SOC.match(code):
        return True
    report.errors.append(
        LineError(line, "O*NET-SOC Code", f"'{code[:40]}' is not like 19-4021.00.")
    )
    return False


def _onet_rows(
    header: list[str], records: list[tuple[int, dict[str, str]]], report: TaxonomyReport
) -> tuple[list[SkillRow], list[OccupationRow], dict[str, list[str]]]:
    skills: dict[str, SkillRow] = {}
    occupations: list[OccupationRow] = []
    alternates: dict[str, list[str]] = {}
    columns = set(header)
    if {"O*NET-SOC Code", "Element ID", "Element Name"} <= columns:
        report.kind = "skills"
        for line, r in records:
            code, element, name = r["O*NET-SOC Code"], r["Element ID"], r["Element Name"]
            if not _onet_code(line, code, report):
                continue
            if not ONET_ELEMENT.match(element):
                report.errors.append(
                    LineError(line, "Element ID", f"'{element[:40]}' is not like 2.A.1.f.")
                )
                continue
            if not name:
                report.errors.append(LineError(line, "Element Name", "is empty."))
                continue
            seen = skills.get(element)
            if seen is not None and seen.label != name:
                report.errors.append(
                    LineError(
                        line,
                        "Element Name",
                        f"'{name}' differs from '{seen.label}' on line {seen.line}.",
                    )
                )
                continue
            uri = f"https://www.onetonline.org/find/descriptor/result/{element}"
            skills.setdefault(element, SkillRow(line, Framework.ONET, element, uri, name, "", []))
    elif {"O*NET-SOC Code", "Alternate Title"} <= columns:
        report.kind = "alternate titles"
        for line, r in records:
            if _onet_code(line, r["O*NET-SOC Code"], report) and r["Alternate Title"]:
                alternates.setdefault(r["O*NET-SOC Code"], []).append(r["Alternate Title"][:300])
    elif {"O*NET-SOC Code", "Title", "Description"} <= columns:
        report.kind = "occupations"
        for line, r in records:
            code, title = r["O*NET-SOC Code"], r["Title"]
            if not _onet_code(line, code, report):
                continue
            if not title:
                report.errors.append(LineError(line, "Title", "is empty."))
                continue
            _check_length(line, "Title", title, LIMITS["title"], report.errors)
            uri = f"https://www.onetonline.org/link/summary/{code}"
            occupations.append(
                OccupationRow(
                    line, Framework.ONET, code, uri, title, r["Description"], code[:2] + "-0000", []
                )
            )
    else:
        report.errors.append(
            LineError(
                1,
                "",
                "is not an O*NET file this importer knows: expected the header of "
                "'Occupation Data.txt', 'Skills.txt' or 'Alternate Titles.txt'.",
            )
        )
    return list(skills.values()), occupations, alternates


def _duplicates(rows: Iterable[Any], report: TaxonomyReport) -> None:
    first: dict[str, int] = {}
    for row in rows:
        if row.code in first:
            report.errors.append(
                LineError(row.line, "code", f"'{row.code}' is already on line {first[row.code]}.")
            )
        first.setdefault(row.code, row.line)


# --- writing ---------------------------------------------------------------------------------


def _apply_skills(
    rows: list[SkillRow], report: TaxonomyReport, progress: Progress | None, total: int
) -> None:
    existing = {
        s.code: s
        for s in Skill.objects.filter(
            organization__isnull=True,
            framework=rows[0].framework if rows else "",
            code__in=[r.code for r in rows],
        )
    }
    labels: dict[int, set[str]] = {}
    for skill_id, label in SkillLabel.objects.filter(skill__in=existing.values()).values_list(
        "skill_id", "label"
    ):
        labels.setdefault(skill_id, set()).add(label)
    new: list[tuple[Skill, SkillRow]] = []
    changed: list[Skill] = []
    relabel: list[tuple[Skill, SkillRow]] = []
    for done, row in enumerate(rows, 1):
        skill = existing.get(row.code)
        if skill is None:
            skill = Skill(organization=None, framework=row.framework, code=row.code)
            skill.uri, skill.label, skill.description = row.uri, row.label, row.description
            new.append((skill, row))
        else:
            fields_differ = (skill.uri, skill.label, skill.description) != (
                row.uri,
                row.label,
                row.description,
            )
            labels_differ = labels.get(skill.pk, set()) != set(row.alt_labels)
            if fields_differ:
                skill.uri, skill.label, skill.description = row.uri, row.label, row.description
                changed.append(skill)
            if labels_differ:
                relabel.append((skill, row))
            if fields_differ or labels_differ:
                report.updated += 1
            else:
                report.unchanged += 1
        if progress and done % 200 == 0:
            progress(done, total)
    report.created += len(new)
    Skill.objects.bulk_create([s for s, _ in new], batch_size=500)
    Skill.objects.bulk_update(changed, ["uri", "label", "description"], batch_size=500)
    if new and new[0][0].pk is None:  # databases that return no ids from bulk_create
        created = {
            s.code: s
            for s in Skill.objects.filter(
                organization__isnull=True,
                framework=rows[0].framework,
                code__in=[r.code for _, r in new],
            )
        }
        new = [(created[r.code], r) for _, r in new]
    SkillLabel.objects.filter(skill__in=[s for s, _ in relabel]).delete()
    SkillLabel.objects.bulk_create(
        [SkillLabel(skill=s, label=name) for s, r in [*new, *relabel] for name in r.alt_labels],
        batch_size=1000,
    )


def _apply_occupations(rows: list[OccupationRow], report: TaxonomyReport) -> None:
    if not rows:
        return
    existing = {
        o.code: o
        for o in Occupation.objects.filter(
            framework=rows[0].framework, code__in=[r.code for r in rows]
        )
    }
    new, changed = [], []
    names = ("uri", "title", "description", "group")
    for row in rows:
        occupation = existing.get(row.code)
        values = {name: getattr(row, name) for name in names}
        if row.framework == Framework.ESCO:
            values["alt_titles"] = row.alt_titles
        if occupation is None:
            new.append(Occupation(framework=row.framework, code=row.code, **values))
        elif any(getattr(occupation, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(occupation, key, value)
            changed.append(occupation)
        else:
            report.unchanged += 1
    report.created += len(new)
    report.updated += len(changed)
    Occupation.objects.bulk_create(new, batch_size=500)
    Occupation.objects.bulk_update(changed, [*names, "alt_titles"], batch_size=500)


def _apply_alternates(alternates: dict[str, list[str]], report: TaxonomyReport) -> None:
    occupations = {
        o.code: o
        for o in Occupation.objects.filter(framework=Framework.ONET, code__in=list(alternates))
    }
    missing = sorted(set(alternates) - set(occupations))
    if missing:
        report.errors.append(
            LineError(
                0,
                "",
                "Import 'Occupation Data.txt' first: unknown occupation(s) "
                f"{', '.join(missing[:10])}.",
            )
        )
        return
    changed = []
    for code, titles in alternates.items():
        titles = list(dict.fromkeys(titles))
        occupation = occupations[code]
        if occupation.alt_titles == titles:
            report.unchanged += 1
            continue
        occupation.alt_titles = titles
        changed.append(occupation)
    report.updated += len(changed)
    Occupation.objects.bulk_update(changed, ["alt_titles"], batch_size=500)


def taxonomy_import(
    *,
    framework: str,
    file: IO[bytes],
    actor: Any = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> TaxonomyReport:
    """Import one ESCO or O*NET file, all-or-nothing; the report counts and names errors."""
    if framework not in (Framework.ESCO, Framework.ONET):
        raise ValidationError({"framework": "Choose esco or onet."})
    report = TaxonomyReport(framework=framework, dry_run=dry_run)
    text = _decode(file.read(MAX_BYTES + 1), report)
    if text is None:
        return report
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if framework == Framework.ONET or "\t" in first_line else ","
    header, records = _records(text, delimiter)
    if not records:
        report.errors.append(LineError(0, "", "The file has a header but no rows."))
        return report
    alternates: dict[str, list[str]] = {}
    if framework == Framework.ESCO:
        missing = {"conceptType", "conceptUri", "preferredLabel"} - set(header)
        if missing:
            report.errors.append(
                LineError(1, "", f"misses ESCO column(s): {', '.join(sorted(missing))}.")
            )
            return report
        skills, occupations = _esco_rows(records, report)
        report.kind = " and ".join(
            k for k, rows in (("skills", skills), ("occupations", occupations)) if rows
        )
    else:
        skills, occupations, alternates = _onet_rows(header, records, report)
    _duplicates(skills, report)
    _duplicates(occupations, report)
    if report.errors:
        return report
    total = len(skills) + len(occupations) + len(alternates)
    with transaction.atomic():
        if skills:
            _apply_skills(skills, report, progress, total)
        _apply_occupations(occupations, report)
        if alternates:
            _apply_alternates(alternates, report)
        if report.errors or dry_run:
            transaction.set_rollback(True)
            return report
        if report.created or report.updated:  # a re-run that changes nothing leaves no trace
            _audit(actor, framework, report)
    if progress:
        progress(total, total)
    return report


def _audit(actor: Any, framework: str, report: TaxonomyReport) -> None:
    audit_record(
        action="catalog.taxonomy.imported",
        actor=actor,
        data={
            "framework": framework,
            "kind": report.kind,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        },
    )
