"""Writes for skills: an issuer's own skills, and CSV imports of a taxonomy or a skill list.

An import is all-or-nothing: every row is checked first, and one bad row means nothing is
written, so a designer fixes the file and imports it again. Rows are matched by
(framework, code), which makes a second import of the same file change nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.models import Framework, Skill

MAX_IMPORT_BYTES = 1024 * 1024
MAX_IMPORT_ROWS = 5000
COLUMNS = ("framework", "code", "uri", "label", "description", "broader_code")
REQUIRED_COLUMNS = ("framework", "code", "label")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
FIELD_LIMITS = {"code": 120, "uri": 500, "label": 300, "description": 5000}
EDITABLE = ("uri", "label", "description")


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # the line of the file as a spreadsheet numbers it (the header is row 1)
    column: str  # a column name, or "" when the whole file is concerned
    message: str

    def __str__(self) -> str:
        if self.row == 0:
            return self.message
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where.capitalize()}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportRow:
    row: int
    framework: str
    code: str
    label: str


@dataclass
class ImportReport:
    dry_run: bool
    created: list[ImportRow] = field(default_factory=list)
    updated: list[ImportRow] = field(default_factory=list)
    unchanged: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def applied(self) -> bool:
        """True when the rows were written (no errors, and not a dry run)."""
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


def _issuer_only(organization: Organization) -> None:
    if organization.kind != OrgKind.ISSUER:
        raise ValidationError({"organization": "Only issuers keep a list of skills."})


def _check_own_skill(
    *, organization: Organization, code: str, label: str, uri: str, exclude: int | None
) -> None:
    errors: dict[str, str] = {}
    if not CODE_PATTERN.match(code or ""):
        errors["code"] = "Use letters, digits, '.', '-', '_' or ':' (no spaces), e.g. 'aseptic-1'."
    if not (label or "").strip():
        errors["label"] = "Give the skill a name people recognise."
    if uri:
        try:
            URLValidator(schemes=["http", "https"])(uri)
        except ValidationError:
            errors["uri"] = "Enter a full web address starting with https://, or leave it empty."
    clash = Skill.objects.filter(organization=organization, framework=Framework.OWN, code=code)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if code and clash.exists():
        errors["code"] = f"{organization.name} already has a skill with the code '{code}'."
    if errors:
        raise ValidationError(errors)


def skill_create(
    *,
    organization: Organization,
    actor: Any,
    code: str,
    label: str,
    uri: str = "",
    description: str = "",
    broader: Skill | None = None,
) -> Skill:
    """An issuer's own skill (taxonomy skills arrive through ``skills_import_csv``)."""
    _issuer_only(organization)
    code, label = code.strip(), label.strip()
    _check_own_skill(organization=organization, code=code, label=label, uri=uri, exclude=None)
    with transaction.atomic():
        skill = Skill(
            organization=organization,
            framework=Framework.OWN,
            code=code,
            label=label,
            uri=uri,
            description=description,
            broader=broader,
        )
        skill.full_clean()
        skill.save()
        audit_record(
            action="catalog.skill.created", actor=actor, organization=organization, obj=skill
        )
    return skill


def skill_update(*, skill: Skill, actor: Any, **changes: Any) -> Skill:
    """Change an issuer's own skill; its code may change as long as it stays unique."""
    allowed = {"code", "label", "uri", "description", "broader"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in unknown})
    if skill.organization is None:
        raise ValidationError({"skill": "Taxonomy skills change only through an import."})
    if changes.get("broader") is not None and changes["broader"].pk == skill.pk:
        raise ValidationError({"broader": "A skill cannot be broader than itself."})
    merged = {name: changes.get(name, getattr(skill, name)) for name in ("code", "label", "uri")}
    _check_own_skill(organization=skill.organization, exclude=skill.pk, **merged)
    with transaction.atomic():
        for name, value in changes.items():
            setattr(skill, name, value.strip() if isinstance(value, str) else value)
        skill.full_clean()
        skill.save()
        audit_record(
            action="catalog.skill.updated",
            actor=actor,
            organization=skill.organization,
            obj=skill,
            data={"fields": sorted(changes)},
        )
    return skill


# --- CSV import --------------------------------------------------------------------------


def _read_text(file: IO[bytes], report: ImportReport) -> str | None:
    raw = file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        report.errors.append(
            RowError(0, "", f"The file is larger than {MAX_IMPORT_BYTES // 1024} KB; split it.")
        )
        return None
    try:
        text: str = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.errors.append(
            RowError(
                0,
                "",
                f"The file is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}). "
                "Save it as 'CSV UTF-8' from your spreadsheet and import it again.",
            )
        )
        return None
    if "\x00" in text:
        report.errors.append(RowError(0, "", "The file contains NUL bytes; it is not a CSV."))
        return None
    if not text.strip():
        report.errors.append(RowError(0, "", "The file is empty."))
        return None
    return text


def _parse_rows(text: str, report: ImportReport) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s): {', '.join(unknown)}")
        report.errors.append(
            RowError(
                1,
                "",
                f"The header row has {'; '.join(problems)}. Expected: {', '.join(COLUMNS)}.",
            )
        )
        return []
    reader.fieldnames = header
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for record in reader:
            if len(rows) >= MAX_IMPORT_ROWS:
                report.errors.append(
                    RowError(0, "", f"The file has more than {MAX_IMPORT_ROWS} rows; split it.")
                )
                return []
            if None in record:
                report.errors.append(
                    RowError(reader.line_num, "", "This row has more cells than the header.")
                )
                continue
            values = {k: (v or "").strip() for k, v in record.items()}
            if any(values.values()):
                rows.append((reader.line_num, values))
    except csv.Error as exc:
        report.errors.append(RowError(reader.line_num, "", f"The CSV cannot be read: {exc}."))
        return []
    return rows


def _check_row(row: int, values: dict[str, str], report: ImportReport) -> bool:
    before = len(report.errors)
    framework = values.get("framework", "").lower()
    if framework not in Framework.values:
        report.errors.append(
            RowError(row, "framework", f"'{values.get('framework', '')}' is not own, esco or onet.")
        )
    if not values.get("code"):
        report.errors.append(RowError(row, "code", "is empty; every skill needs a code."))
    elif not CODE_PATTERN.match(values["code"]):
        report.errors.append(
            RowError(row, "code", "use letters, digits, '.', '-', '_' or ':' (no spaces).")
        )
    if not values.get("label"):
        report.errors.append(RowError(row, "label", "is empty; give the skill its name."))
    uri = values.get("uri", "")
    if uri:
        try:
            URLValidator(schemes=["http", "https"])(uri)
        except ValidationError:
            report.errors.append(RowError(row, "uri", f"'{uri[:80]}' is not an http(s) address."))
    elif framework in (Framework.ESCO, Framework.ONET):
        report.errors.append(
            RowError(row, "uri", f"is empty; {framework.upper()} skills need their URI.")
        )
    for column, limit in FIELD_LIMITS.items():
        if len(values.get(column, "")) > limit:
            report.errors.append(RowError(row, column, f"is longer than {limit} characters."))
    return len(report.errors) == before


def _scope(organization: Organization, framework: str) -> Organization | None:
    """Own skills belong to the issuer; ESCO and O*NET skills are shared by everyone."""
    return organization if framework == Framework.OWN else None


def _existing(organization: Organization, keys: set[tuple[str, str]]) -> dict[Any, Skill]:
    found: dict[Any, Skill] = {}
    if not keys:
        return found
    codes = {code for _, code in keys}
    query = Q(organization=organization, framework=Framework.OWN) | Q(
        organization__isnull=True
    ) & ~Q(framework=Framework.OWN)
    for skill in Skill.objects.filter(query, code__in=codes).select_related("broader"):
        found[(skill.framework, skill.code)] = skill
    return found


def _plan(
    organization: Organization, rows: list[tuple[int, dict[str, str]]], report: ImportReport
) -> list[tuple[int, dict[str, str], Skill | None]]:
    seen: dict[tuple[str, str], int] = {}
    checked: list[tuple[int, dict[str, str]]] = []
    for row, values in rows:
        if not _check_row(row, values, report):
            continue
        values["framework"] = values["framework"].lower()
        key = (values["framework"], values["code"])
        if key in seen:
            report.errors.append(
                RowError(row, "code", f"'{key[1]}' is already on row {seen[key]} of this file.")
            )
            continue
        seen[key] = row
        checked.append((row, values))
    existing = _existing(organization, set(seen) | _broader_keys(checked))
    for row, values in checked:
        broader = values.get("broader_code", "")
        if broader and (values["framework"], broader) not in set(seen) | set(existing):
            report.errors.append(
                RowError(
                    row,
                    "broader_code",
                    f"no {values['framework']} skill has the code '{broader}' "
                    "(add it to the file or import it first).",
                )
            )
    plan = [
        (row, values, existing.get((values["framework"], values["code"])))
        for row, values in checked
    ]
    for row, values, skill in plan:
        entry = ImportRow(row, values["framework"], values["code"], values["label"])
        if skill is None:
            report.created.append(entry)
        elif _differs(skill, values):
            report.updated.append(entry)
        else:
            report.unchanged.append(entry)
    return plan


def _broader_keys(rows: list[tuple[int, dict[str, str]]]) -> set[tuple[str, str]]:
    return {(v["framework"], v["broader_code"]) for _, v in rows if v.get("broader_code")}


def _differs(skill: Skill, values: dict[str, str]) -> bool:
    if any(getattr(skill, name) != values.get(name, "") for name in EDITABLE):
        return True
    current = skill.broader.code if skill.broader is not None else ""
    return current != values.get("broader_code", "")


def _apply(
    organization: Organization, plan: list[tuple[int, dict[str, str], Skill | None]]
) -> None:
    by_key: dict[tuple[str, str], Skill] = {}
    for _, values, skill in plan:
        if skill is None:
            skill = Skill(
                organization=_scope(organization, values["framework"]),
                framework=values["framework"],
                code=values["code"],
            )
        for name in EDITABLE:
            setattr(skill, name, values.get(name, ""))
        skill.save()
        by_key[(values["framework"], values["code"])] = skill
    lookup = _existing(organization, _broader_keys([(r, v) for r, v, _ in plan]))
    for _, values, _skill in plan:
        skill = by_key[(values["framework"], values["code"])]
        code = values.get("broader_code", "")
        key = (values["framework"], code)
        broader = (by_key.get(key) or lookup.get(key)) if code else None
        if skill.broader_id != (broader.pk if broader else None):
            skill.broader = broader
            skill.save(update_fields=["broader"])


def skills_import_csv(
    *, organization: Organization, file: IO[bytes], actor: Any, dry_run: bool
) -> ImportReport:
    """Check every row, then (unless a dry run or any row is wrong) create or update them all.

    Columns: framework (own, esco or onet), code, uri, label, description, broader_code.
    UTF-8 with or without a byte order mark. Rows are matched by (framework, code).
    """
    _issuer_only(organization)
    report = ImportReport(dry_run=dry_run)
    text = _read_text(file, report)
    rows = _parse_rows(text, report) if text is not None else []
    if not report.errors and not rows:
        report.errors.append(RowError(0, "", "The file has a header but no skills."))
    if report.errors:
        return report
    with transaction.atomic():
        plan = _plan(organization, rows, report)
        if report.errors or dry_run:
            return report
        _apply(organization, [p for p in plan if p[0] not in {u.row for u in report.unchanged}])
        audit_record(
            action="catalog.skill.imported",
            actor=actor,
            organization=organization,
            data={
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
            },
        )
    return report
