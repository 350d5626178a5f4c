"""The scores report (with charts) and the dues collection sheet: text and fonts read back from the PDF."""

from __future__ import annotations


import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import String

from cellsec.domain import rubrics as R
from cellsec.domain import scores as S
from cellsec.reports.engine import charts
from cellsec.reports.dues import write_dues_sheet
from cellsec.reports.scores import write_scores
from cellsec.services.dues.service import PaymentEntry
from cellsec.services.scoring.records import AssessmentInput, MonthValue

from tests.services.scoring_data import TODAY, D, add_members, meeting


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def fonts_of(path) -> set[str]:
    found = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            embedded = "/FontDescriptor" in font and any(
                k in font["/FontDescriptor"] for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    return found


def strings(drawing) -> list[str]:
    out = []

    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, String):
                out.append(child.text)
            walk(child)
    walk(drawing)
    return out


@pytest.fixture
def scored(services):
    svc = services
    ids = add_members(svc)
    jan = meeting(svc, ids, D(2025, 1, 5))
    meeting(svc, ids, D(2025, 2, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    sheet = svc.scoring.meeting_sheet(jan)
    items = {cid: S.ItemScore(points=item.points if item.points is not None
                              else sheet.rubric.criterion(cid).max_points - 0.5) for cid, item in sheet.items.items()}
    svc.scoring.save_meeting_score(jan, items)
    cell = svc.scoring.cell_sheet(2025, today=TODAY)
    svc.scoring.save_cell_assessment(2025, AssessmentInput(
        items={c.id: S.ItemScore(points=c.max_points) for c in cell.rubric.criteria()},
        proposal="Đề nghị công nhận \"Chi bộ 5 tốt\"", recognized_title="Chi bộ 5 tốt", decision_no="Số 118-QĐ/ĐU",
        decision_date=D(2025, 12, 28), decision_org="Đảng ủy Báo Nghệ An"), today=TODAY)
    member = svc.scoring.member_sheet(ids["Nguyễn Văn An"], 2025, today=TODAY)
    svc.scoring.save_member_assessment(ids["Nguyễn Văn An"], 2025, AssessmentInput(
        items={c.id: S.ItemScore(points=c.max_points) for c in member.rubric.criteria()},
        recognized_title="Đảng viên 5 tốt", decision_no="Số 119-QĐ/ĐU", decision_date=D(2025, 12, 28),
        decision_org="Đảng ủy Báo Nghệ An"), today=TODAY)
    for month in (1, 2):
        lines = svc.dues.sheet(D(2025, month, 1), today=TODAY).lines
        svc.dues.record(D(2025, month, 1), [PaymentEntry(line.member_id, line.amount_due if month == 1 or i else 0)
                                            for i, line in enumerate(lines)],
                        paid_on=D(2025, month, 5), collector="Trần Thị Bình", today=TODAY)
    return svc, ids


def test_scores_report_pdf(scored, tmp_path):
    svc, _ = scored
    path = write_scores(svc, 2025, tmp_path / "scores.pdf", today=TODAY)
    text = text_of(path)
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ XUẤT BẢN - KỸ THUẬT", "Số -BC/CB",
                     "Nghệ An, ngày 31 tháng 12 năm 2025", "BÁO CÁO", "Năm 2025",
                     "I. CHẤT LƯỢNG SINH HOẠT CHI BỘ", "Sinh hoạt chi bộ thường kỳ tháng 1 năm",
                     "chi bộ tổ chức 2 buổi sinh hoạt đã thông qua biên bản, đã chấm điểm 1 buổi",
                     "Hình 1. Điểm chất lượng sinh hoạt bình quân theo tháng", "Hình 2.", "Hình 3.", "Hình 4.",
                     "II. TỶ LỆ DỰ SINH HOẠT CỦA TỪNG ĐẢNG VIÊN", "Hoàng Văn Em (50%)",
                     "III. ĐÁNH GIÁ \"CHI BỘ 5 TỐT\"", "100/100 điểm", "Số 118-QĐ/ĐU, ngày 28/12/2025",
                     "IV. ĐÁNH GIÁ \"ĐẢNG VIÊN 5 TỐT\"", "Đã đánh giá 1/5 đảng viên",
                     "Quyết định Số 119-QĐ/ĐU ngày 28/12/2025 của Đảng ủy Báo Nghệ An công nhận 1 đồng chí",
                     "T/M CHI BỘ", "BÍ THƯ", "Nguyễn Văn Đức", "T1", "T12", "chưa có"):
        assert expected in " ".join(text.split()), expected
    score = svc.scoring.meetings(2025)[0]
    assert f"{R.format_points(score.total)}/100" in text
    assert {name for name, embedded in fonts_of(path)} == {"LiberationSerif", "LiberationSerif-Bold",
                                                          "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
    assert all(embedded for _, embedded in fonts_of(path))


def test_scores_report_of_an_empty_year(services, tmp_path):
    text = " ".join(text_of(write_scores(services, 2024, tmp_path / "empty.pdf", today=TODAY)).split())
    assert "Năm 2024 chưa có buổi sinh hoạt nào được thông qua biên bản." in text
    assert "Chi bộ chưa tự đánh giá \"Chi bộ 5 tốt\" năm 2024." in text


def test_dues_sheet_pdf(scored, tmp_path):
    svc, _ = scored
    path = write_dues_sheet(svc, "2025-02", tmp_path / "dues.pdf", today=TODAY)
    text = " ".join(text_of(path).split())
    sheet = svc.dues.sheet("2025-02", today=TODAY)
    for expected in ("SỔ THU ĐẢNG PHÍ", "Tháng 02 năm 2025", "Ký nhận", "Nguyễn Văn An", "BHXH bắt buộc",
                     "7.000.000", "70.000", "Cộng", "TỔNG HỢP THU, NỘP ĐẢNG PHÍ THÁNG 02/2025",
                     "Trích để lại chi bộ (30%)", "Nộp lên cấp ủy cấp trên (70%)",
                     f"{sheet.total_paid:,}".replace(",", ".") + " đồng", "NGƯỜI THU", "Trần Thị Bình",
                     "Căn cứ tính: tiền lương, thu nhập tháng 02/2025", "Quyết định 342-QĐ/TW"):
        assert expected in text, expected
    assert "Võ Thị Giang" not in text  # exempt members owe nothing under the default rules
    assert sheet.unpaid_count == 1 and sheet.kept + sheet.remitted == sheet.total_paid == 280_000
    assert all(embedded for _, embedded in fonts_of(path))


def test_chart_drawings():
    monthly = [MonthValue(m, 80.0 + m if m != 6 else None, 1) for m in range(1, 13)]
    drawing = charts.meeting_scores_chart(monthly)
    labels = strings(drawing)
    assert [f"T{m}" for m in range(1, 13)] == [s for s in labels if s.startswith("T")]
    assert "chưa có" in labels and "92" in labels and "81" in labels
    line = charts.attendance_chart(monthly)
    assert "Ngưỡng 85%" in strings(line)
    assert drawing.initialFontName == "LiberationSerif"


def test_member_chart_grows_with_the_list():
    from cellsec.services.scoring.records import MemberAttendanceRow

    rows = [MemberAttendanceRow(str(i), f"Đảng viên {i}", i, 10, 9, 1, 0, 90.0) for i in range(30)]
    short, long = charts.member_attendance_chart(rows[:5]), charts.member_attendance_chart(rows)
    assert long.height > short.height * 4
    assert "90%  (9/10)" in strings(short)


def test_drawing_png():
    png = charts.drawing_png(charts.five_good_chart([]))
    assert png.startswith(b"\x89PNG")  # no reportlab raster backend needed: PDFium draws it


def test_scores_report_as_word(scored, tmp_path):
    """"Xuất Word" of the scores report: its parts, its number and its figures' pictures."""
    import docx

    svc, _ = scored
    word = docx.Document(str(write_scores(svc, 2025, tmp_path / "scores.docx", today=TODAY, seq=3)))
    text = " ".join(p.text for p in word.paragraphs) + " ".join(
        c.text for t in word.tables for row in t.rows for c in row.cells)
    for expected in ("Số 03-BC/CB", "I. CHẤT LƯỢNG SINH HOẠT CHI BỘ", "IV. ĐÁNH GIÁ \"ĐẢNG VIÊN 5 TỐT\"",
                     "Hình 1. Điểm chất lượng sinh hoạt bình quân theo tháng"):
        assert expected in " ".join(text.split()), expected
    assert len(word.inline_shapes) >= 4  # the charts go in as pictures
