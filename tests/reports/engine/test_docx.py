"""The DOCX backend: same model, same layout, read back with python-docx."""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest
from docx.oxml.ns import qn

from cellsec.reports.engine.document import (
    Book,
    FieldList,
    Heading,
    Image,
    KeepTogether,
    LayoutSettings,
    PageBreak,
    Paragraph,
    Rich,
    Span,
    Spacer,
    Table,
    TocEntry,
)
from cellsec.reports.engine.docx import render_docx

from .test_pdf import minutes


def read(path):
    return docx.Document(str(path))


def test_header_block_title_and_signatures(tmp_path):
    d = read(render_docx(minutes([Paragraph("Chi bộ tiến hành sinh hoạt.")]), tmp_path / "bb.docx"))
    header = d.tables[0]
    left, right = header.rows[0].cells
    number, date = header.rows[1].cells
    assert left.text.split("\n") == ["ĐẢNG ỦY BÁO NGHỆ AN", "CHI BỘ XUẤT BẢN - KỸ THUẬT", "*"]
    assert right.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert number.text == "Số 05-BB/CB" and date.text == "Nghệ An, ngày 05 tháng 02 năm 2026"
    assert all(r.italic for r in date.paragraphs[0].runs)
    assert all(r.bold for r in left.paragraphs[1].runs) and not any(r.bold for r in left.paragraphs[0].runs)
    title_runs = right.paragraphs[0].runs
    assert title_runs[0].bold and title_runs[0].font.size.pt == 15
    assert right.paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    texts = [p.text for p in d.paragraphs]
    assert "BIÊN BẢN\nSINH HOẠT CHI BỘ ĐỊNH KỲ" in texts and "tháng 02 năm 2026" in texts
    assert "Chi bộ tiến hành sinh hoạt." in texts
    signatures = d.tables[-1]
    assert [line for line in signatures.rows[0].cells[0].text.split("\n") if line] == ["THƯ KÝ", "Trần Thị Hồng"]
    assert [line for line in signatures.rows[0].cells[1].text.split("\n") if line] == ["CHỦ TRÌ", "Nguyễn Văn Đức"]
    # No visible borders on the header and signature tables.
    for table in (header, signatures):
        assert table._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"


def test_page_setup_margins_and_page_number_field(tmp_path):
    layout = LayoutSettings(margin_top_mm=25, margin_bottom_mm=25, margin_left_mm=35, margin_right_mm=15)
    d = read(render_docx(minutes(), tmp_path / "m.docx", layout))
    s = d.sections[0]
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297
    assert [round(x.mm, 1) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [25, 25, 35, 15]
    assert round(s.header_distance.mm) == 10
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml and "PAGE" not in s.first_page_header._element.xml
    assert d.settings.element.find(qn("w:mirrorMargins")) is None
    style = d.styles["Normal"]
    assert style.font.name == "Times New Roman" and style.font.size.pt == 14


def test_mirrored_margins_setting(tmp_path):
    d = read(render_docx(minutes(), tmp_path / "m.docx", LayoutSettings(mirrored=True)))
    settings = d.settings.element
    mirror = settings.find(qn("w:mirrorMargins"))
    assert mirror is not None
    names = [child.tag.split("}")[1] for child in settings]
    assert names.index("zoom") < names.index("mirrorMargins") < names.index("defaultTabStop")  # schema order


def test_table_cells_repeat_header_and_spans(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh")
    table = Table(["Chính thức", "Dự bị", "Ghi chú"], [["20", "3", nfd], ["1", "0", Rich("<b>Tổng</b> & x".replace("&", "&amp;"))]],
                  header_rows=[["Số đảng viên", "", "Ghi chú"]], spans=[Span(0, 0, 1, 0), Span(2, 0, 2, 1)],
                  col_widths=[1, 1, 2], bold_rows=(1,))
    d = read(render_docx(minutes([table]), tmp_path / "t.docx"))
    t = d.tables[1]
    assert t.cell(0, 0).text == "Số đảng viên" and t.cell(0, 0)._tc is t.cell(0, 1)._tc
    assert t.cell(0, 2).text == "Ghi chú" and t.cell(0, 2)._tc is t.cell(1, 2)._tc
    assert [c.text for c in t.rows[1].cells[:2]] == ["Chính thức", "Dự bị"]
    assert t.cell(2, 2).text == "Nguyễn Thị Ngọc Ánh"  # NFC
    assert t.cell(3, 2).text == "Tổng & x" and all(r.bold for r in t.cell(3, 0).paragraphs[0].runs)
    for row in t.rows[:2]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None
    assert t.rows[2]._tr.trPr is None or t.rows[2]._tr.trPr.find(qn("w:tblHeader")) is None
    widths = [c.width.mm for c in t.rows[2].cells]
    assert widths == pytest.approx([41.25, 41.25, 82.5], abs=0.1)  # 165 mm text width shared 1:1:2


def test_other_blocks(tmp_path):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 100), "blue").save(buffer, "PNG")
    doc = minutes([Heading("I. NỘI DUNG", toc=True), FieldList([("Thời gian", "14 giờ")], bullet="- "),
                   FieldList([("Họ và tên", "Lưu Ơn")], label_width_mm=40), Spacer(5), PageBreak(),
                   KeepTogether([Paragraph("Một."), Paragraph("Hai.")]), TocEntry("Mục"),
                   Image(png=buffer.getvalue(), width_mm=50, caption="Hình 1")],
                  recipients=["Đảng ủy Báo Nghệ An", "- Lưu chi bộ."])
    d = read(render_docx(doc, tmp_path / "o.docx"))
    texts = [p.text for p in d.paragraphs]
    assert "I. NỘI DUNG" in texts and "- Thời gian: 14 giờ" in texts and "Hình 1" in texts
    one = next(p for p in d.paragraphs if p.text == "Một.")
    assert one.paragraph_format.keep_with_next
    assert len(d.inline_shapes) == 1 and round(d.inline_shapes[0].width.mm) == 50
    field_table = next(t for t in d.tables if t.cell(0, 0).text == "Họ và tên:")
    assert field_table.cell(0, 1).text == "Lưu Ơn"
    sig = d.tables[-1]
    assert sig.rows[1].cells[0].text.split("\n")[:3] == ["Nơi nhận:", "- Đảng ủy Báo Nghệ An", "- Lưu chi bộ."]
    assert 'TC "I. NỘI DUNG"' in d.element.body.xml


def test_a_drawing_becomes_a_picture_without_a_raster_backend(tmp_path):
    """A chart given only as a drawing goes into Word as a PNG drawn by PDFium (reportlab's raster backend
    is not installed)."""
    from reportlab.graphics.shapes import Drawing

    d = read(render_docx(minutes([Image(drawing=Drawing(100, 50))]), tmp_path / "d.docx"))
    assert len(d.inline_shapes) == 1


def test_book_sections_and_toc_field(tmp_path):
    docs = [minutes([Paragraph(f"Tháng {m}.")], toc_label=f"Biên bản tháng {m:02d}/2026") for m in (1, 2)]
    docs[1].landscape = True
    d = read(render_docx(Book(docs, cover=[Paragraph("SỔ BIÊN BẢN", indent=False)]), tmp_path / "b.docx"))
    assert len(d.sections) == 3
    assert d.sections[0].different_first_page_header_footer
    assert not d.sections[1].different_first_page_header_footer
    assert d.sections[2].page_width > d.sections[2].page_height
    body = d.element.body.xml
    assert "TOC \\f C" in body and 'TC "Biên bản tháng 01/2026"' in body and 'TC "Biên bản tháng 02/2026"' in body
    assert d.settings.element.find(qn("w:updateFields")) is not None
    assert [t.rows[1].cells[0].text for t in d.tables if t.rows[0].cells[1].text == "ĐẢNG CỘNG SẢN VIỆT NAM"] == [
        "Số 05-BB/CB", "Số 05-BB/CB"]


def test_unknown_block_is_an_error(tmp_path):
    with pytest.raises(TypeError):
        render_docx(minutes([object()]), tmp_path / "x.docx")
    assert not list(tmp_path.iterdir())
