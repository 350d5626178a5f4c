"""The member register PDF: content, order, notes, counts, signature, column widths."""

from __future__ import annotations

import dataclasses
import datetime as dt

from cellsec.reports.members import member_register_document, render_member_register, summary_line

from .conftest import make_members
from .pdfcheck import fonts, page_size, pages_text, pieces

ON = dt.date(2026, 2, 5)


def test_register_pdf_content(tmp_path, cell, members):
    path = render_member_register(cell, members, tmp_path / "ds.pdf", ON)
    texts = pages_text(path)
    text = " ".join(" ".join(texts).split())  # cells may wrap
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY BÁO NGHỆ AN", "CHI BỘ XUẤT BẢN - KỸ THUẬT",
                     "Nghệ An, ngày 05 tháng 02 năm 2026", "DANH SÁCH ĐẢNG VIÊN", "Chi bộ Xuất bản - Kỹ thuật",
                     "(Tính đến ngày 05/02/2026)", "T/M CHI BỘ", "BÍ THƯ", "Nguyễn Văn Đức",
                     "Nguyễn Thị Ngọc Ánh", "Đặng Quốc Việt", "Lưu Ơn", "Quách Văn Ưởng", "79012347", "30/07/1985",
                     "Miễn sinh hoạt đến 31/12/2026", "Sinh hoạt tạm thời", "Bí thư chi bộ; Trưởng phòng Kỹ thuật"):
        assert expected in text, expected
    assert "Lê Văn Chuyển" not in text  # transferred out: no longer in the cell
    assert "Tổng số: 25 đồng chí; chính thức: 22; dự bị: 3; miễn sinh hoạt: 1; sinh hoạt tạm thời: 1." in text
    number = next(p for p in pieces(path, 0) if p.text.startswith("Số") and p.text.endswith("-DS/CB"))
    assert number.text.replace("\xa0", " ").startswith("Số      -DS/CB")  # blank for handwriting
    assert all(fonts(path).values())
    width, height = page_size(path, 0)
    assert width > height  # landscape
    assert len(texts) == 2 and "Họ và tên" in texts[1]  # the header row repeats


def test_register_number_when_given(tmp_path, cell, members):
    path = render_member_register(cell, members, tmp_path / "ds.pdf", ON, seq=7)
    assert "Số 07-DS/CB" in pages_text(path)[0]


def test_names_stay_on_one_line(tmp_path, cell, members):
    path = render_member_register(cell, members, tmp_path / "ds.pdf", ON)
    found = [p.text for n in range(2) for p in pieces(path, n)]
    for m in members[:25]:
        assert m.full_name in found, m.full_name


def test_order_by_list_number_then_vietnamese_name(cell):
    members = make_members()[:4]
    members[0].list_no = None  # Nguyễn Văn Đức: no SĐV -> after those with one
    members[1].list_no = None  # Trần Thị Hồng
    members[2].list_no, members[3].list_no = 9, 2
    doc = member_register_document(cell, members, ON)
    table = doc.blocks[1]
    assert [row[2] for row in table.rows] == ["Đặng Quốc Việt", "Nguyễn Thị Ngọc Ánh", "Nguyễn Văn Đức", "Trần Thị Hồng"]
    assert [row[0] for row in table.rows] == ["1", "2", "3", "4"]
    assert [row[1] for row in table.rows] == ["2", "9", "", ""]
    assert table.rows[0][4] == "Nam" and table.rows[1][4] == "Nữ"


def test_column_widths_fill_the_text_width(cell, members):
    doc = member_register_document(cell, members, ON)
    widths = doc.blocks[1].col_widths
    assert sum(widths) == __import__("pytest").approx(297 - 30 - 15)
    assert widths[2] >= 40  # the longest name fits on one line
    assert min(widths[8], widths[9]) >= 25


def test_summary_counts():
    members = [m for m in make_members() if m.activity_status != "transferred_out"][:5]
    members[4] = dataclasses.replace(members[4], status="du_bi")
    assert summary_line(members) == "Tổng số: 5 đồng chí; chính thức: 4; dự bị: 1."


def test_register_as_word_from_the_records(tmp_path, demo_services):
    """"Xuất Word" of the register: the same members, number and date as the PDF, in a Word table."""
    import docx

    from cellsec.reports.members import write_member_register

    word = docx.Document(str(write_member_register(demo_services, tmp_path / "ds.docx", dt.date(2026, 11, 22), seq=4)))
    text = " ".join(p.text for p in word.paragraphs)
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert "DANH SÁCH ĐẢNG VIÊN" in text and "Số 04-DS/CB" in " ".join(cells | {text})
    assert "Nguyễn Văn Hùng" in cells and "Trần Thị Hồng Nhung" in cells
    assert "Cao Văn Dũng" not in cells  # transferred out in the demo before that day
