import re

import pytest
from docx import Document

from cellsec.reports.minutes import SECTIONS, write_minutes, write_minutes_book, write_resolution
from cellsec.services.errors import ServiceError
from cellsec.services.meetings.records import AttendanceInput

from ..services.meeting_data import D, add_members, fill
from .pdfcheck import fonts, pages_text


@pytest.fixture
def meeting(services):
    ids = add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    services.meetings.set_attendance_many(record.id, [
        AttendanceInput(ids["Lê Văn Kiểm"], "absent_with_reason", "Đi công tác"),
        AttendanceInput(ids["Hoàng Văn Sơn"], "absent_without_reason"),
    ])
    fill(services, record.id, ids)
    return record.id


def flat(path):
    return " ".join(" ".join(pages_text(path)).split())


def test_minutes_pdf_layout_and_sections_in_order(services, meeting, tmp_path):
    services.meetings.approve(meeting)
    pdf = write_minutes(services, meeting, tmp_path / "bien-ban.pdf")
    text = flat(pdf)
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY BÁO NGHỆ AN", "CHI BỘ XUẤT BẢN - KỸ THUẬT", "Số 01-BB/CB",
                     "Nghệ An, ngày 05 tháng 9 năm 2025", "BIÊN BẢN", "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025",
                     "THƯ KÝ", "CHỦ TRÌ", "Trần Thị Hồng", "Nguyễn Văn Đức"):
        assert expected in text, expected
    assert "Đại biểu khách mời: - Đồng chí Nguyễn Thị Minh Nguyệt, Đảng ủy viên, Đảng ủy Báo Nghệ An." in text
    positions = [text.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    # Attendance counts with names and reasons; speakers named; the chair's conclusion; the vote.
    assert "Tổng số đảng viên của chi bộ: 6 đồng chí (chính thức: 5; dự bị: 1)" in text
    assert "Đảng viên miễn sinh hoạt: 1 đồng chí (đồng chí Phạm Thị Lan)" in text
    assert "có mặt: 3 đồng chí, đạt 60,0%" in text
    assert "+ Vắng có lý do: 1 đồng chí (đồng chí Lê Văn Kiểm – Đi công tác)." in text
    assert "+ Vắng không có lý do: 1 đồng chí (đồng chí Hoàng Văn Sơn)." in text
    assert "Đồng chí Lê Văn Kiểm: Nhất trí với báo cáo." in text
    assert "Đồng chí Nguyễn Thị Minh Nguyệt: Đề nghị chi bộ" in text
    assert "Đồng chí chủ trì kết luận nội dung này: Chi bộ thống nhất" in text
    assert "Biểu quyết: tán thành 3/3 đồng chí có mặt (100,0%); không tán thành 0; không biểu quyết 0." in text
    assert "Buổi sinh hoạt kết thúc vào hồi 10 giờ 00 phút cùng ngày." in text
    assert "DỰ THẢO" not in text
    assert fonts(pdf) and all(fonts(pdf).values())  # every font embedded


def test_draft_minutes_print_the_draft_marker_and_no_number(services, meeting, tmp_path):
    text = flat(write_minutes(services, meeting, tmp_path / "du-thao.pdf"))
    assert "DỰ THẢO" in text
    assert re.search(r"Số\s+-BB/CB", text)


def test_amendment_names_the_minutes_it_corrects(services, meeting, tmp_path):
    services.meetings.approve(meeting)
    amendment = services.meetings.amend(meeting)
    services.meetings.approve(amendment.id)
    text = flat(write_minutes(services, amendment.id, tmp_path / "sua-doi.pdf"))
    assert "Số 02-BB/CB" in text
    assert "(Sửa đổi, bổ sung Biên bản số 01-BB/CB ngày 05 tháng 9 năm 2025)" in text
    # The original is still printable as it was approved, and says which minutes replaced it.
    original = flat(write_minutes(services, meeting, tmp_path / "goc.pdf"))
    assert "Số 01-BB/CB" in original
    assert "(Đã được sửa đổi bởi Biên bản số 02-BB/CB ngày 05 tháng 9 năm 2025)" in original


def test_resolution_pdf(services, meeting, tmp_path):
    services.meetings.approve(meeting)
    defaults = services.meetings.resolution_defaults(meeting)
    services.meetings.save_resolution(meeting, defaults)
    draft = flat(write_resolution(services, meeting, tmp_path / "nq-du-thao.pdf"))
    assert "DỰ THẢO" in draft
    services.meetings.issue_resolution(meeting)
    text = flat(write_resolution(services, meeting, tmp_path / "nghi-quyet.pdf"))
    for expected in ("NGHỊ QUYẾT", "Số 01-NQ/CB", "CHI BỘ XUẤT BẢN - KỸ THUẬT QUYẾT NGHỊ:", "T/M CHI BỘ", "BÍ THƯ",
                     "Nơi nhận:", "Đảng ủy Báo Nghệ An (để báo cáo)", "1. Hoàn thành kế hoạch tháng.",
                     "biên bản số 01-BB/CB"):
        assert expected in text, expected
    assert "DỰ THẢO" not in text
    assert text.count("QUYẾT NGHỊ") == 1 and "Chi bộ quyết nghị" not in text  # the lead-in printed once


def test_resolution_missing_is_an_error(services, meeting, tmp_path):
    with pytest.raises(ServiceError, match="chưa có nghị quyết"):
        write_resolution(services, meeting, tmp_path / "x.pdf")


def _three_approved(services, meeting):
    """The fixture's September minutes and October's and November's, approved: Số 01–03-BB/CB."""
    services.meetings.approve(meeting)
    ids = {a.full_name: a.member_id for a in services.meetings.get(meeting).attendance}
    for held in (D(2025, 10, 5), D(2025, 11, 5)):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        services.meetings.approve(record.id)


def test_minutes_book_has_cover_toc_and_continuous_page_numbers(services, meeting, tmp_path):
    _three_approved(services, meeting)
    services.meetings.create("thuong_ky", D(2025, 12, 5))  # a draft: not in the book
    pdf = write_minutes_book(services, 2025, tmp_path / "so-bien-ban.pdf")
    pages = pages_text(pdf)
    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ" in pages[0] and "NĂM 2025" in pages[0] and "Gồm 3 biên bản" in pages[0]
    toc = " ".join(pages[1].split())
    assert "MỤC LỤC" in toc
    # pypdf reads each line's dot leader and page number before its text.
    entries = re.findall(r"(\d+) (Số 0\d-BB/CB) — Sinh hoạt chi bộ thường kỳ tháng (\d+) năm 2025", toc)
    assert [(n, m) for _, n, m in entries] == [("Số 01-BB/CB", "9"), ("Số 02-BB/CB", "10"), ("Số 03-BB/CB", "11")]
    # Page numbers run through the book from page 2, and the contents point at each document's first page.
    for index, page in enumerate(pages[1:], start=2):
        assert page.split()[0] == str(index)
    for page_no, number, _month in entries:
        assert number in pages[int(page_no) - 1]
    assert "Tháng 12" not in " ".join(pages) and "DỰ THẢO" not in " ".join(pages)


def test_minutes_book_docx_contents_is_a_word_toc_filled_with_the_pages(services, meeting, tmp_path):
    """A secretary opening the book in Word sees the contents with page numbers at once (the TOC field's
    result is filled in, with the pages of the PDF layout), Word offers to update the fields, and each entry
    links to a bookmark at its minutes whose PAGEREF Word recomputes."""
    from docx.oxml.ns import qn

    _three_approved(services, meeting)
    toc = " ".join(pages_text(write_minutes_book(services, 2025, tmp_path / "so.pdf"))[1].split())
    pdf_pages = {n: int(page) for page, n in re.findall(r"(\d+) (Số 0\d-BB/CB) —", toc)}
    word = Document(str(write_minutes_book(services, 2025, tmp_path / "so.docx")))
    body = word.element.body
    assert word.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    instructions = [" ".join(t.text.split()) for t in body.iter(qn("w:instrText"))]
    assert instructions[0] == 'TOC \\f C \\l "1-3" \\h \\z'
    # The field's result: one paragraph per minutes, "text <tab> page", the page a PAGEREF to its bookmark.
    entries = []
    for p in body.iter(qn("w:p")):
        for link in p.iter(qn("w:hyperlink")):
            texts = [t.text for t in link.iter(qn("w:t"))]
            refs = [" ".join(t.text.split()) for t in link.iter(qn("w:instrText"))]
            entries.append((texts[0], int(texts[-1]), link.get(qn("w:anchor")), refs))
    assert [e[0].split(" — ")[0] for e in entries] == ["Số 01-BB/CB", "Số 02-BB/CB", "Số 03-BB/CB"]
    assert {e[0].split(" — ")[0]: e[1] for e in entries} == pdf_pages
    assert all(refs == [f"PAGEREF {anchor} \\h"] for _t, _p, anchor, refs in entries)
    bookmarks = {b.get(qn("w:name")): b.getparent() for b in body.iter(qn("w:bookmarkStart"))}
    for text, _page, anchor, _refs in entries:
        tc = " ".join(t.text for t in bookmarks[anchor].iter(qn("w:instrText")))
        assert f'TC "{text}"' in tc  # the bookmark sits on that minutes' own TC entry
    # The field is whole: begin, separate and end in order around the entries.
    kinds = [f.get(qn("w:fldCharType")) for f in body.iter(qn("w:fldChar"))]
    assert kinds[:3] == ["begin", "separate", "begin"] and kinds[2 + 3 * 3] == "end"


def test_empty_year_has_no_book(services, tmp_path):
    with pytest.raises(ServiceError, match="Năm 2024 chưa có biên bản"):
        write_minutes_book(services, 2024, tmp_path / "x.pdf")


def test_docx_minutes_are_readable_with_the_same_content(services, meeting, tmp_path):
    services.meetings.approve(meeting)
    path = write_minutes(services, meeting, tmp_path / "bien-ban.docx")
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    joined = " ".join(" ".join(texts).split())
    for expected in ("BIÊN BẢN", "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025", "Số 01-BB/CB", "THƯ KÝ", "CHỦ TRÌ",
                     *SECTIONS, "Đồng chí Lê Văn Kiểm: Nhất trí với báo cáo."):
        assert expected in joined, expected
