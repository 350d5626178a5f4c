"""The values of a worksheet, row by row: what openpyxl's read-only `ws.iter_rows(values_only=True)` gives
(after `ws.reset_dimensions()`), about twice as fast.

openpyxl parses every cell into a dict, and every inline string through its descriptor classes, before
the values are picked out again. This reads the sheet's rows with the same XML parser and the same value
rules as its `WorkSheetParser.parse_cell` for a workbook loaded with data_only (the loaded workbook's
shared strings, date styles and epoch), and places them as its `_cells_by_row` / `_get_row` do. The parts
of the sheet outside its rows (page set-up, views...) are not parsed: the import never uses them.
tests/services/members/test_import_xlsx.py compares both readers on workbooks with every kind of cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.cell.text import Text
from openpyxl.utils import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"
VALUE_TAG = f"{{{SHEET_MAIN_NS}}}v"
INLINE_STRING = f"{{{SHEET_MAIN_NS}}}is"
TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"


def sheet_values(ws) -> Iterator[tuple[Any, ...] | list]:
    """Rows of values from row 1 (a missing row is an empty list), as openpyxl's read-only iter_rows; falls
    back to it when this openpyxl keeps its parts elsewhere."""
    wb = ws.parent
    try:
        strings, source = ws._shared_strings, ws._get_source
        dates, durations, epoch = wb._date_formats, wb._timedelta_formats, wb.epoch
    except AttributeError:
        ws.reset_dimensions()
        yield from ws.iter_rows(values_only=True)
        return
    counter = 1
    with source() as src:
        for _, element in iterparse(src):
            if element.tag != ROW_TAG:
                continue
            number = _row_number(element, counter - 1)
            row = _row_values(element, strings, dates, durations, epoch)
            element.clear()
            while counter < number:  # (missing rows)
                counter += 1
                yield []
            if counter <= number:  # (a row numbered below the last one is skipped, as openpyxl does)
                counter += 1
                yield row


def _row_number(element, previous: int) -> int:
    r = element.get("r")
    if r is None:
        return previous + 1
    try:
        return int(r)
    except ValueError:
        value = float(r)
        if not value.is_integer():
            raise ValueError(f"{r} is not a valid row number") from None
        return int(value)


def _row_values(element, strings, dates, durations, epoch) -> tuple[Any, ...]:
    cells: list[tuple[int, Any]] = []
    column = 0
    for cell in element:
        coordinate = cell.get("r")
        column = coordinate_to_tuple(coordinate)[1] if coordinate else column + 1
        cells.append((column, _value(cell, strings, dates, durations, epoch)))
    if not cells:
        return ()
    width = cells[-1][0]  # (openpyxl: the last cell's column, not the largest)
    values: list[Any] = [None] * width
    for col, value in cells:
        if 1 <= col <= width:
            values[col - 1] = value
    return tuple(values)


def _value(cell, strings, dates, durations, epoch) -> Any:
    data_type = cell.get("t", "n")
    style = cell.get("s", 0)
    style = int(style) if style else 0  # (checked on every cell, as openpyxl does)
    if data_type == "inlineStr":
        child = cell.find(INLINE_STRING)
        if child is None:
            return None
        parts = list(child)
        if len(parts) == 1 and parts[0].tag == TEXT_TAG and not len(parts[0]):
            return parts[0].text or ""  # plain text, by far the most common: Text.content without Text
        return Text.from_tree(child).content
    value = cell.findtext(VALUE_TAG, None) or None
    if value is None:
        return None
    if data_type == "n":
        number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
        if style in dates:
            try:
                return from_excel(number, epoch, timedelta=style in durations)
            except (OverflowError, ValueError):
                return "#VALUE!"  # (openpyxl also warns)
        return number
    if data_type == "s":
        return strings[int(value)]
    if data_type == "b":
        return bool(int(value))
    if data_type == "d":
        return from_ISO8601(value)
    return value
