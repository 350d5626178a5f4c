"""Spreadsheet formula injection: text that starts like a formula is written as text, in XLSX and CSV."""

import zipfile

from openpyxl import Workbook, load_workbook

from cellsec.reports.engine.sheets import csv_text, protect_text

HOSTILE = ['=HYPERLINK("http://x.example","Bấm")', "=cmd|' /C calc'!A0", "+84 912", "-2+3", "@SUM(A1)", "\t=1"]


def test_every_formula_looking_string_of_every_sheet_becomes_quoted_text(tmp_path):
    wb = Workbook()
    wb.active.append(["Họ và tên", *HOSTILE])
    wb.create_sheet("Khác").append(["=1+1", "Nguyễn Văn An", 12, "2026-01-01"])
    assert protect_text(wb) == len(HOSTILE) + 1
    wb.save(tmp_path / "x.xlsx")
    with zipfile.ZipFile(tmp_path / "x.xlsx") as z:
        xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml  # no live formula at all
    back = load_workbook(tmp_path / "x.xlsx")
    cells = {c.value: c for ws in back.worksheets for r in ws.iter_rows() for c in r}
    for text in [*HOSTILE, "=1+1"]:
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not cells["Nguyễn Văn An"].quotePrefix and cells[12].data_type == "n"


def test_csv_cells_get_the_text_apostrophe_only_when_needed():
    assert [csv_text(v) for v in ["=1+1", "+84", "Nguyễn", 5, ""]] == ["'=1+1", "'+84", "Nguyễn", 5, ""]
