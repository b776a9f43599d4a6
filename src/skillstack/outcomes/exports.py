"""CSV and XLSX of exactly what a report shows: suppressed cells are the marker, never a number."""

from __future__ import annotations

import csv
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font

from skillstack.outcomes.report import ReportTable

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a quote keeps them text."""
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def _preamble(table: ReportTable) -> list[list[str]]:
    p = table.parameters
    return [
        [table.title],
        [f"Report date: {p.get('as_of')}", f"Suppression threshold: {table.threshold}"],
        [],
    ]


def report_csv(table: ReportTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in [*_preamble(table), *table.grid()]:
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def report_xlsx(table: ReportTable) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Report"
    for row in _preamble(table):
        sheet.append(row)
    grid = table.grid()
    sheet.append(grid[0])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in grid[1:]:
        sheet.append([_cell(value) for value in row])
    sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: str) -> str | int | float:
    """Shown numbers stay numbers in a spreadsheet; everything else stays the shown text."""
    if _NUMBER.match(value):
        return float(value) if "." in value else int(value)
    return _safe(value)
