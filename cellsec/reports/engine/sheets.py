"""Spreadsheet cells that stay text: a value a user typed that starts like a formula ("=HYPERLINK(…)",
"=cmd|…", "+…", "-…", "@…", a tab) is written as a text cell, never as a live formula, in every XLSX
and CSV CellSec writes (spreadsheet formula injection)."""

from __future__ import annotations

from typing import Any

from ...domain.member_import import looks_like_formula


def protect_text(workbook: Any) -> int:
    """Make every formula-looking string of every sheet a text cell that Excel keeps as text even when the
    user edits it (the quote prefix, as a typed apostrophe does). Returns how many cells were protected."""
    count = 0
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and looks_like_formula(value):
                    cell.data_type = "s"  # openpyxl takes a string starting with "=" as a formula
                    cell.quotePrefix = True
                    count += 1
    return count


def csv_text(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: formula-looking text gets the apostrophe spreadsheets
    use for "this is text" (the importer strips it again)."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value
