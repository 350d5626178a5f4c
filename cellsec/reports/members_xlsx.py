"""The member list as an Excel workbook that the importer reads back (header on row 1, its own names).

Dates are real Excel dates shown dd/mm/yyyy; identity numbers are text so leading zeros survive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.members import ACTIVITY_LABELS, GENDER_LABELS, PARTY_STATUS_LABELS, POLITICAL_THEORY_LABELS
from ..domain.messages import Msg
from ..domain.progress import Cancel, Progress, step
from .engine.files import atomic_output
from .engine.sheets import protect_text
from .members import register_order

SHEET_TITLE = "Danh sách đảng viên"
ROWS_WRITTEN = Msg("Đã ghi {done} / {total} đảng viên", "{done} of {total} members written")
SAVING = Msg("Đang lưu tệp…", "Saving the file…")
STEP_ROWS = 500  # rows between two progress reports (and chances to stop)
DATE_FORMAT = "DD/MM/YYYY"


def _label(labels: dict, key: str) -> str:
    msg = labels.get(key)
    return msg.vi if msg else (key or "")


# (header, value of a member, kind): kind "date" | "text" (kept as typed) | "int" | "" (plain).
COLUMNS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("Họ và tên", lambda m: m.full_name, ""),
    ("Tên gọi khác", lambda m: m.alias, ""),
    ("Ngày sinh", lambda m: m.date_of_birth, "date"),
    ("Giới tính", lambda m: _label(GENDER_LABELS, m.gender), ""),
    ("Số CCCD", lambda m: m.cccd, "text"),
    ("Số điện thoại", lambda m: m.phone, "text"),
    ("Số thẻ đảng viên", lambda m: m.card_no, "text"),
    ("Số lý lịch", lambda m: m.ly_lich_no, "text"),
    ("Số SĐV", lambda m: m.list_no, "int"),
    ("Ngày vào Đảng", lambda m: m.admitted_on, "date"),
    ("Ngày chính thức", lambda m: m.official_on, "date"),
    ("Trạng thái", lambda m: _label(PARTY_STATUS_LABELS, m.status), ""),
    ("Tình trạng sinh hoạt", lambda m: _label(ACTIVITY_LABELS, m.activity_status), ""),
    ("Chức vụ Đảng", lambda m: m.position_party, ""),
    ("Chức vụ chính quyền", lambda m: m.position_government, ""),
    ("Chức vụ đoàn thể", lambda m: m.position_mass_org, ""),
    ("Trình độ học vấn", lambda m: m.education, ""),
    ("Lý luận chính trị", lambda m: _label(POLITICAL_THEORY_LABELS, m.political_theory), ""),
    ("Quê quán", lambda m: m.hometown, ""),
    ("Đơn vị công tác", lambda m: m.workplace, ""),
]


def write_members_xlsx(cell: Any, members: list[Any], path: Path, progress: Progress | None = None,
                       cancel: Cancel | None = None) -> Path:
    """Every member given (in register order) to an .xlsx at `path`; returns `path`. `progress` follows the
    rows written; `cancel()` stops before the file is saved (progress.Cancelled: no file, no temporary)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append([header for header, _, _ in COLUMNS])
    for cell_ in ws[1]:
        cell_.font = Font(bold=True)
        cell_.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    widths = [len(header) for header, _, _ in COLUMNS]
    ordered = register_order(list(members))
    total = len(ordered)
    for row_no, m in enumerate(ordered, start=2):
        if (row_no - 2) % STEP_ROWS == 0:
            step(progress, cancel, row_no - 2, total, ROWS_WRITTEN.format(done=row_no - 2, total=total))
        for col_no, (_, get, kind) in enumerate(COLUMNS, start=1):
            value = get(m)
            if value in (None, ""):
                continue
            target = ws.cell(row=row_no, column=col_no, value=value)
            if kind == "date" and isinstance(value, dt.date):
                target.number_format = DATE_FORMAT
                widths[col_no - 1] = max(widths[col_no - 1], 10)
            else:
                if kind == "text":
                    target.value = str(value)
                    target.number_format = "@"
                widths[col_no - 1] = max(widths[col_no - 1], len(str(value)))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(40, width + 2)
    ws.freeze_panes = "B2"  # the header row and the names stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    # Printing from Excel: landscape A4, header row on every page, the cell's name in the page header.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "1:1"
    # "&" starts a field code in Excel page headers; "&&" prints one.
    ws.oddHeader.center.text = f"DANH SÁCH ĐẢNG VIÊN - {(cell.name or '').upper()}".replace("&", "&&")
    wb.properties.title = f"{SHEET_TITLE} - {cell.name}"
    wb.properties.creator = "CellSec"

    protect_text(wb)  # a name such as "=HYPERLINK(…)" stays text
    step(progress, cancel, total, total, SAVING.format())
    with atomic_output(Path(path)) as tmp:
        wb.save(str(tmp))
    return Path(path)
