"""Files that help a member import: the sample list to fill in, and the rejected rows of an import (each
with why) saved to fix and import again. XLSX or CSV (UTF-8 with BOM, which Excel opens correctly) by the
file's suffix; a formula-looking value is always written as text (engine/sheets)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .engine.files import atomic_output
from .engine.sheets import csv_text, looks_like_formula

SAMPLE_HEADER = ["Số SĐV", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
                 "Ngày chính thức", "Chức vụ Đảng", "Điện thoại", "Quê quán", "Đơn vị công tác", "Ghi chú"]
# Made-up people whose CCCD digits agree with their gender and birth year, so the sample imports cleanly.
SAMPLE_ROWS = [
    [1, "Nguyễn Văn An", dt.date(1978, 3, 14), "Nam", "040078001234", "37012345", dt.date(2004, 5, 19),
     dt.date(2005, 5, 19), "Bí thư", "0912345678", "Hưng Nguyên, Nghệ An", "UBND xã", "Xóa dòng mẫu này"],
    [2, "Trần Thị Bình", dt.date(1990, 11, 2), "Nữ", "040190005678", "", dt.date(2025, 9, 2), None, "",
     "", "Nam Đàn, Nghệ An", "Trường Tiểu học", "Đảng viên dự bị: để trống ngày chính thức"],
]
DATE_FORMAT = "DD/MM/YYYY"


def write_sample(path: Path | str) -> Path:
    """The sample member list: the column names the import recognises and two example rows."""
    return write_rows(path, [SAMPLE_HEADER, *SAMPLE_ROWS], widths=[8, 26, 12, 9, 15, 15, 13, 13, 16, 13, 26, 22, 30])


def write_rows(path: Path | str, rows: Iterable[list[Any]], widths: list[int] | None = None) -> Path:
    """Rows (the first one the header) to an .xlsx, or a .csv when the name ends so; streamed, so the
    rejected rows of a 100,000-row file never sit in memory at once."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            for row in rows:
                writer.writerow([csv_text(_plain(v)) for v in row])
        return path
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    for i, width in enumerate(widths or [], start=1):
        ws.column_dimensions[chr(64 + i)].width = width
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and looks_like_formula(value):
                cell.data_type = "s"  # text, never a live formula
                cell.quotePrefix = True
            elif isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, str) and value.isdigit():
                cell.number_format = "@"  # identity numbers keep their leading zeros
            if number == 0:
                cell.font = bold
            cells.append(cell)
        ws.append(cells)
    with atomic_output(path) as tmp:
        wb.save(str(tmp))
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value
