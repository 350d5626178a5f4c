"""The PDF backend: header block, Vietnamese text, fonts, page numbers, long tables, mirrored margins, books."""

from __future__ import annotations

import io
import unicodedata

import pytest

from cellsec.reports.engine.document import (
    Book,
    FieldList,
    Header,
    Heading,
    Image,
    KeepTogether,
    LayoutSettings,
    PageBreak,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    Spacer,
    Table,
    TocEntry,
)
from cellsec.reports.engine.pdf import render_pdf

from ..pdfcheck import MM, fonts, page_size, pages_text, pieces

HEADER = Header(upper_committee="Đảng ủy Báo Nghệ An", issuer="Chi bộ Xuất bản - Kỹ thuật",
                number="Số 05-BB/CB", place_date="Nghệ An, ngày 05 tháng 02 năm 2026")
NAMES = ["Nguyễn Thị Ngọc Ánh", "Đặng Quốc Việt", "Lưu Ơn", "Hoàng Thị Phương Thảo", "Phạm Ngọc Ưng"]


def long_table(rows: int = 80) -> Table:
    return Table(["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
                 [[str(i), NAMES[i % len(NAMES)], "05/02/1980", "Dự bị" if i % 7 == 0 else ""]
                  for i in range(1, rows + 1)],
                 col_widths=[10, 50, 25, 40], align=["center", "left", "center", "left"])


def minutes(blocks=None, **kw) -> PartyDocument:
    kw.setdefault("header", HEADER)
    return PartyDocument(
        title="Biên bản\nsinh hoạt chi bộ định kỳ", subtitle="tháng 02 năm 2026",
        blocks=blocks if blocks is not None else [Paragraph("Chi bộ tiến hành sinh hoạt định kỳ.")],
        signatures=Signatures.for_minutes("Trần Thị Hồng", "Nguyễn Văn Đức"), **kw)


def test_header_title_and_names(tmp_path):
    path = render_pdf(minutes([Paragraph(f"Đồng chí {n} phát biểu.") for n in NAMES]), tmp_path / "bb.pdf")
    text = pages_text(path)[0]
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY BÁO NGHỆ AN", "CHI BỘ XUẤT BẢN - KỸ THUẬT", "*",
                     "Số 05-BB/CB", "Nghệ An, ngày 05 tháng 02 năm 2026", "BIÊN BẢN",
                     "SINH HOẠT CHI BỘ ĐỊNH KỲ", "tháng 02 năm 2026", "THƯ KÝ", "CHỦ TRÌ", "Trần Thị Hồng",
                     *NAMES):
        assert expected in text, expected
    assert "Số:" not in text


def test_header_fonts_and_layout(tmp_path):
    path = render_pdf(minutes(), tmp_path / "bb.pdf")
    found = pieces(path, 0)

    def piece(text):
        return next(p for p in found if p.text.startswith(text))

    party, issuer, committee = piece("ĐẢNG CỘNG SẢN"), piece("CHI BỘ XUẤT BẢN"), piece("ĐẢNG ỦY BÁO")
    date, number, star = piece("Nghệ An, ngày"), piece("Số 05"), piece("*")
    assert party.font == "LiberationSerif-Bold" and party.size == 15
    assert issuer.font == "LiberationSerif-Bold" and issuer.size == 14
    assert committee.font == "LiberationSerif" and committee.size == 14
    assert date.font == "LiberationSerif-Italic" and date.size == 14
    assert number.font == "LiberationSerif"
    # Left block left of the right block; the number and the date on one line; the asterisk below the issuer.
    assert committee.x < party.x and issuer.x < date.x
    assert abs(number.y - date.y) < 1
    assert star.y < issuer.y and number.y < star.y
    width, height = page_size(path, 0)
    assert height - (30 * MM) < committee.y < height - 20 * MM  # first line just under the top margin


def test_asterisk_is_centred_under_the_issuer(tmp_path):
    from cellsec.reports.engine.pdf import text_width

    path = render_pdf(minutes(), tmp_path / "bb.pdf")
    found = pieces(path, 0)
    issuer = next(p for p in found if p.text.startswith("CHI BỘ XUẤT BẢN"))
    star = next(p for p in found if p.text == "*")
    issuer_centre = issuer.x + text_width("CHI BỘ XUẤT BẢN - KỸ THUẬT", 14, bold=True) / 2
    star_centre = star.x + text_width("*", 14) / 2
    assert abs(issuer_centre - star_centre) < 1.5


def test_fonts_are_liberation_serif_and_embedded(tmp_path):
    doc = minutes([Rich("<b>Đậm</b> và <i>nghiêng</i> và <b><i>cả hai</i></b>")])
    embedded = fonts(render_pdf(doc, tmp_path / "f.pdf"))
    assert set(embedded) == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                             "LiberationSerif-BoldItalic"}
    assert all(embedded.values())


def test_nfd_input_comes_out_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ngọc Ánh và Lưu Ơn")
    doc = minutes([Paragraph(nfd), Table(["Họ và tên"], [[nfd]])],
                  header=Header(unicodedata.normalize("NFD", "Đảng ủy Báo Nghệ An"), "Chi bộ Kỹ thuật", None,
                                unicodedata.normalize("NFD", "Nghệ An, ngày 05 tháng 02 năm 2026")))
    text = pages_text(render_pdf(doc, tmp_path / "n.pdf"))[0]
    assert text.count("Nguyễn Thị Ngọc Ánh và Lưu Ơn") == 2
    assert "ĐẢNG ỦY BÁO NGHỆ AN" in text and "Nghệ An, ngày 05" in text
    assert unicodedata.normalize("NFC", text) == text


def test_user_text_is_escaped(tmp_path):
    doc = minutes([Paragraph("Lợi nhuận <5% & chi phí > 3 triệu"),
                   Table(["A & B"], [["<b>không đậm</b>"]]),
                   FieldList([("Ghi chú <1>", "x & y")]),
                   Rich.format("<b>Đồng chí {name}:</b> {said}", name="A<b>", said="1 < 2 & 3")])
    text = pages_text(render_pdf(doc, tmp_path / "e.pdf"))[0]
    for expected in ("Lợi nhuận <5% & chi phí > 3 triệu", "A & B", "<b>không đậm</b>", "Ghi chú <1>: x & y",
                     "Đồng chí A<b>: 1 < 2 & 3"):
        assert expected in text, expected


def test_spaces_kept_for_handwritten_numbers(tmp_path):
    doc = minutes(header=Header("Đảng ủy Báo Nghệ An", "Chi bộ Kỹ thuật", "Số      -DS/CB", "Nghệ An, ngày"))
    found = pieces(render_pdf(doc, tmp_path / "s.pdf"), 0)
    number = next(p for p in found if p.text.startswith("Số"))
    assert number.text.endswith("-DS/CB") and "      " in number.text.replace("\xa0", " ")


def test_page_numbers_from_page_two_top_centre(tmp_path):
    path = render_pdf(minutes([long_table(80)]), tmp_path / "p.pdf")
    texts = pages_text(path)
    assert len(texts) >= 3
    width, height = page_size(path, 0)
    top_band = height - 15 * MM
    assert not [p for p in pieces(path, 0) if p.y > top_band]
    for page_no in (1, 2):
        numbers = [p for p in pieces(path, page_no) if p.y > top_band]
        assert [p.text for p in numbers] == [str(page_no + 1)]
        # Centred on the text column (left margin 30 mm, right 15 mm).
        centre = (30 * MM + width - 15 * MM) / 2
        assert abs(numbers[0].x + numbers[0].size * 0.25 - centre) < 6
        assert height - 14 * MM < numbers[0].y < height - 10 * MM


def test_long_table_repeats_its_header(tmp_path):
    path = render_pdf(minutes([long_table(120)]), tmp_path / "t.pdf")
    texts = pages_text(path)
    assert len(texts) >= 3
    for text in texts:
        assert "Họ và tên" in text and "Ngày sinh" in text
    numbers = {p.text for n in range(len(texts)) for p in pieces(path, n)}
    assert {str(i) for i in range(1, 121)} <= numbers  # every row printed
    header_positions = [next(p for p in pieces(path, n) if p.text == "Họ và tên").y for n in (1, 2)]
    assert header_positions[0] == pytest.approx(header_positions[1])


def test_mirrored_margins_swap_on_even_pages(tmp_path):
    plain = render_pdf(minutes([long_table(120)]), tmp_path / "plain.pdf", LayoutSettings())
    mirrored = render_pdf(minutes([long_table(120)]), tmp_path / "mirror.pdf", LayoutSettings(mirrored=True))
    table_left = {}
    for name, path in (("plain", plain), ("mirror", mirrored)):
        table_left[name] = [min(p.x for p in pieces(path, n) if p.text == "STT") for n in (0, 1, 2)]
    assert table_left["plain"][1] == pytest.approx(table_left["plain"][2])
    assert table_left["mirror"][0] == pytest.approx(table_left["plain"][0])  # odd: left 30 mm
    assert table_left["mirror"][1] == pytest.approx(table_left["plain"][1] - 15 * MM, abs=0.5)  # even: left 15 mm
    assert table_left["mirror"][2] == pytest.approx(table_left["plain"][2], abs=0.5)


def test_margins_follow_the_layout(tmp_path):
    wide = LayoutSettings(margin_top_mm=25, margin_bottom_mm=25, margin_left_mm=35, margin_right_mm=15)
    a = render_pdf(minutes(), tmp_path / "a.pdf")
    b = render_pdf(minutes(), tmp_path / "b.pdf", wide)
    top_a = max(p.y for p in pieces(a, 0))
    top_b = max(p.y for p in pieces(b, 0))
    assert top_a - top_b == pytest.approx(5 * MM, abs=0.5)


def test_recipients_and_cell_signature(tmp_path):
    doc = PartyDocument(HEADER, "Nghị quyết", "về nhiệm vụ tháng 3 năm 2026", [Paragraph("Chi bộ quyết nghị.")],
                        Signatures.for_cell("Nguyễn Văn Đức"), recipients=["Đảng ủy Báo Nghệ An,", "Lưu chi bộ."])
    path = render_pdf(doc, tmp_path / "nq.pdf")
    found = pieces(path, 0)

    def piece(text):
        return next(p for p in found if p.text.startswith(text))

    label, tm, role, name = piece("Nơi nhận:"), piece("T/M CHI BỘ"), piece("BÍ THƯ"), piece("Nguyễn Văn Đức")
    assert label.font == "LiberationSerif-BoldItalic" and label.size == 12
    assert piece("- Đảng ủy Báo Nghệ An").size == 11 and piece("- Lưu chi bộ.").size == 11
    width, _ = page_size(path, 0)
    assert label.x < width / 2 < tm.x  # recipients left, signature right
    assert abs(label.y - tm.y) < 3  # side by side
    assert name.y < role.y - 20 * MM  # room to sign


def test_keep_together_image_spacer_and_page_break(tmp_path):
    from PIL import Image as PILImage
    from reportlab.graphics.shapes import Drawing, Rect

    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 100), "red").save(buffer, "PNG")
    drawing = Drawing(200, 100)
    drawing.add(Rect(0, 0, 200, 100))
    doc = minutes([Paragraph("Trang một."), PageBreak(), Heading("II. BIỂU ĐỒ", toc=True),
                   Image(png=buffer.getvalue(), width_mm=60, caption="Hình 1. Kết quả chấm điểm"),
                   Spacer(10), KeepTogether([Paragraph("Giữ cùng."), Image(drawing=drawing, width_mm=80)]),
                   TocEntry("Mục ẩn")])
    path = render_pdf(doc, tmp_path / "i.pdf")
    texts = pages_text(path)
    assert "Trang một." in texts[0] and "II. BIỂU ĐỒ" in texts[1] and "Hình 1. Kết quả chấm điểm" in texts[1]
    from pypdf import PdfReader

    outline = [item.title for item in PdfReader(str(path)).outline if not isinstance(item, list)]
    assert outline[0] == "II. BIỂU ĐỒ"


def test_landscape_document(tmp_path):
    path = render_pdf(minutes([long_table(10)], landscape=True), tmp_path / "l.pdf")
    width, height = page_size(path, 0)
    assert width > height


def test_book_cover_toc_new_pages_and_continuous_numbers(tmp_path):
    docs = [minutes([Paragraph(f"Nội dung tháng {m}."), long_table(40 if m == 1 else 5)],
                    toc_label=f"Biên bản sinh hoạt chi bộ tháng {m:02d}/2026") for m in (1, 2, 3)]
    docs[2].landscape = True
    book = Book(docs, cover=[Spacer(60), Paragraph("SỔ BIÊN BẢN SINH HOẠT CHI BỘ", bold=True, align="center",
                                                   size=24, indent=False)], title="Sổ biên bản 2026")
    path = render_pdf(book, tmp_path / "book.pdf")
    texts = pages_text(path)
    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ" in texts[0]
    assert "MỤC LỤC" in texts[1]
    starts = [i for i, t in enumerate(texts) if "ĐẢNG CỘNG SẢN VIỆT NAM" in t]
    assert len(starts) == 3 and starts[0] == 2
    assert starts[1] > starts[0] + 1  # the long table pushed the second document past one page
    toc = pieces(path, 1)
    for month, start in zip(("01", "02", "03"), starts):
        entry = next(p for p in toc if p.text.endswith(f"tháng {month}/2026"))
        number = [p.text.replace(".", "").strip() for p in toc if abs(p.y - entry.y) < 2 and p is not entry]
        assert number == [str(start + 1)]  # the page number printed on that page
    for i in range(1, len(texts)):
        assert texts[i].lstrip().startswith(str(i + 1))
    assert page_size(path, starts[2])[0] > page_size(path, starts[2])[1]  # landscape document
    assert page_size(path, starts[1])[0] < page_size(path, starts[1])[1]


def test_failed_render_keeps_the_old_file(tmp_path):
    path = tmp_path / "keep.pdf"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        render_pdf(minutes([object()]), path)
    assert path.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [path]


def test_narrow_columns_grow_to_their_longest_word(tmp_path):
    from cellsec.reports.engine.pdf import column_widths, text_width

    table = Table(["STT", "Đơn vị", "KHTNV"], [["1", "Chi bộ Xuất bản - Kỹ thuật", "0"]], col_widths=[0.2, 10, 0.2])
    widths = column_widths(table, 400, 12)
    assert sum(widths) == pytest.approx(400)
    assert widths[0] >= text_width("STT", 12, bold=True) + 6
    assert widths[2] >= text_width("KHTNV", 12, bold=True) + 6
    path = render_pdf(minutes([table]), tmp_path / "w.pdf")
    found = {p.text for p in pieces(path, 0)}
    assert {"STT", "KHTNV"} <= found  # not broken inside the word


def test_a_scaled_chart_with_a_caption_prints_with_embedded_fonts_only(tmp_path):
    from reportlab.graphics.shapes import Drawing, String

    from cellsec.reports.engine.document import Header, Image, PartyDocument
    from cellsec.reports.engine.layout import render
    from cellsec.reports.engine.pdf import FONT, register_fonts

    register_fonts()

    chart = Drawing(800, 300, initialFontName=FONT, initialFontSize=12)
    chart.add(String(10, 10, "Điểm sinh hoạt từng tháng", fontName=FONT))
    doc = PartyDocument(header=Header("ĐẢNG ỦY XÃ A", "CHI BỘ B", None, "Nghệ An, ngày 01 tháng 02 năm 2026"),
                        title="BÁO CÁO", blocks=[Image(drawing=chart, caption="Biểu đồ 1. Điểm sinh hoạt")])
    path = render(doc, tmp_path / "chart.pdf")
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Biểu đồ 1. Điểm sinh hoạt" in text
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
        xobjects = page["/Resources"].get("/XObject", {})
        for xobj in xobjects.values():
            res = xobj.get_object().get("/Resources", {})
            for font in res.get("/Font", {}).values():
                fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("LiberationSerif" in name for name in fonts), fonts


@pytest.mark.parametrize("fillers", range(15, 24))
def test_a_heading_before_the_last_text_stays_with_it_and_the_signatures(tmp_path, fillers):
    blocks = [Paragraph(f"Đoạn {i}: " + "nội dung biên bản " * 12) for i in range(fillers)]
    blocks += [Heading("VI. KẾT THÚC"), Paragraph("Buổi sinh hoạt kết thúc vào hồi 21 giờ cùng ngày.")]
    doc = PartyDocument(HEADER, "Biên bản", None, blocks, signatures=Signatures.for_minutes("Lê Thư", "Trần Chủ"))
    pages = pages_text(render_pdf(doc, tmp_path / "kwn.pdf"))
    page = next(p for p in pages if "VI. KẾT THÚC" in p)
    assert "Buổi sinh hoạt kết thúc" in page and "THƯ KÝ" in page  # never a heading alone at a page bottom
