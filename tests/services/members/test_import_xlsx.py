"""The import's worksheet reader gives exactly what openpyxl's read-only iter_rows(values_only=True) gives."""

import datetime as dt
import pytest
from openpyxl import Workbook, load_workbook

from bench.import_members import with_parts
from cellsec.services.members.import_xlsx import sheet_values

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def both(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        ours = list(sheet_values(ws))
        ws.reset_dimensions()
        theirs = list(ws.iter_rows(values_only=True))
        return ours, theirs
    finally:
        wb.close()


def test_cells_written_by_openpyxl(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "  hai  khoảng ", "", None, 12, 1.5, -3, 1e20, True, False])
    ws.append([dt.datetime(2026, 5, 19, 8, 30), dt.date(1980, 2, 5), dt.time(7, 15), "=1+1", 40123])
    ws.cell(row=2, column=7).number_format = "dd/mm/yyyy"
    ws.cell(row=6, column=3, value="after gaps")  # rows 3-5 missing
    ws.cell(row=7, column=30, value="far right")
    ws.merge_cells("A9:C10")
    ws["A9"] = "merged"
    path = tmp_path / "a.xlsx"
    wb.save(path)
    ours, theirs = both(path)
    assert ours == theirs
    assert ours[0][0] == "Họ và tên" and ours[1][1] == dt.datetime(1980, 2, 5) and ours[3] == []


def excel_like(path, sheet: str, strings: str) -> None:
    """An openpyxl workbook whose sheet and shared-strings table are replaced by the given XML."""
    Workbook().save(path)
    with_parts(path, f'<worksheet xmlns="{NS}"><sheetData>{sheet}</sheetData></worksheet>'.encode(),
               strings.encode())


STRINGS = (
    "<si><t>Nguyễn Văn Đức</t></si>"
    '<si><r><t>Trần </t></r><r><rPr><b/></rPr><t xml:space="preserve">Thị  Hồng </t></r></si>'  # rich text
    "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"  # phonetic guide: not part of the text
    "<si><t/></si>"
    "<si><t>x005F_x000D_kept</t></si>"
)
SHEET = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>'
    '<row r="2"><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c><v>1.25E3</v></c><c t="b"><v>1</v></c></row>'
    '<row><c r="C3" t="inlineStr"><is><t xml:space="preserve">  cách  </t></is></c>'
    '<c r="E3" t="inlineStr"><is><r><t>Lê </t></r><r><t>Văn</t></r></is></c>'
    '<c r="F3" t="inlineStr"><is><t/></is></c><c r="G3" t="inlineStr"/></row>'
    '<row r="5"><c r="A5" t="str"><v>text of a formula</v></c><c r="B5" t="e"><v>#N/A</v></c>'
    '<c r="C5" t="d"><v>2026-05-19T08:30:00</v></c><c r="D5"><v>42</v></c><c r="E5"><v></v></c></row>'
    '<row r="4"><c r="A4"><v>7</v></c></row>'  # below the last row: openpyxl skips it
    '<row r="6" spans="1:3" ht="20" customHeight="1"><c r="C6"><v>-0.5</v></c><c r="A6"><v>1</v></c></row>'
    '<row r="7.0"><c r="B7" s="0"><v>3</v></c></row>'
)


def test_cells_written_as_excel_and_other_programs_write_them(tmp_path):
    path = tmp_path / "b.xlsx"
    excel_like(path, SHEET, STRINGS)
    ours, theirs = both(path)
    assert ours == theirs
    assert ours[0] == ("Nguyễn Văn Đức", "Trần Thị  Hồng ", None, "東京")
    assert ours[2][2] == "  cách  " and ours[2][4] == "Lê Văn"


@pytest.mark.parametrize("sheet", ['<row r="1.5"><c r="A1"><v>1</v></c></row>',
                                   '<row r="1"><c r="A1" t="s"><v>9</v></c></row>',
                                   '<row r="1"><c r="A1"><v>abc</v></c></row>'])
def test_a_broken_sheet_fails_as_openpyxl_fails(tmp_path, sheet):
    path = tmp_path / "c.xlsx"
    excel_like(path, sheet, STRINGS)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        with pytest.raises(Exception) as ours:
            list(sheet_values(wb.worksheets[0]))
        with pytest.raises(Exception) as theirs:
            list(wb.worksheets[0].iter_rows(values_only=True))
        assert type(ours.value) is type(theirs.value)
    finally:
        wb.close()
