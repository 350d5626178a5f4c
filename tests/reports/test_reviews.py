"""Review documents: the member's form (PDF), the summary table (PDF, XLSX), the collective report, the
pre-filled Word form."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from cellsec.domain.reviews import CommitmentItem
from cellsec.reports import reviews as rp
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import (
    CellAssessmentInput,
    CollectiveInput,
    CommitmentInput,
    DecisionInput,
    ReviewInput,
)

TODAY = dt.date(2026, 11, 22)
CONDITIONS = ["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed"]


def _add(svc, name, list_no, **kw):
    return svc.members.add(MemberInput(full_name=name, date_of_birth=dt.date(1975, 4, 30), gender="nam",
                                       admitted_on=dt.date(2005, 5, 19), official_on=dt.date(2006, 5, 19),
                                       status="chinh_thuc", list_no=list_no, **kw), today=TODAY)


@pytest.fixture
def year(services):
    svc = services
    duc = _add(svc, "Nguyễn Văn Đức", 1, position_party="Bí thư chi bộ", position_government="Phó Tổng biên tập",
               position_mass_org="Ủy viên BCH Công đoàn", workplace="Báo Nghệ An")
    hong = _add(svc, "Trần Thị Hồng", 2, position_government="Phóng viên", workplace="Ban Thời sự, Báo Nghệ An")
    son = _add(svc, "Lê Văn Sơn", 3, workplace="Nghỉ hưu")
    svc.reviews.open_year(2025, today=TODAY)
    last = svc.reviews.review_for(hong.id, 2025)
    svc.reviews.save_review(last.id, ReviewInput(sections={"shortcomings": "Bài viết có lúc chậm so với kế hoạch."}))
    svc.reviews.save_commitment(hong.id, 2026, CommitmentInput(
        items=[CommitmentItem("Hoàn thành 100% chỉ tiêu tin bài", achieved=True)], midyear_check="Đúng tiến độ."))
    svc.reviews.open_year(2026, today=TODAY)
    ids = {m.full_name: svc.reviews.review_for(m.id, 2026).id for m in (duc, hong, son)}
    svc.reviews.save_review(ids["Nguyễn Văn Đức"], ReviewInput(
        sections={"politics": "Kiên định lập trường & giữ gìn <phẩm chất> đạo đức.",
                  "duties": "Chỉ đạo xuất bản 365 số báo đúng hạn.\nPhụ trách chuyên mục Xây dựng Đảng."},
        scores={"general": 28, "tasks": "63,5"}, conditions=CONDITIONS, self_level="htxs"))
    svc.reviews.save_cell_assessment(ids["Nguyễn Văn Đức"], CellAssessmentInput("Nhất trí.", "htxs", 3, 0, 0))
    svc.reviews.save_review(ids["Trần Thị Hồng"], ReviewInput(scores={"general": 24, "tasks": 55}, self_level="htt"))
    svc.reviews.save_cell_assessment(ids["Trần Thị Hồng"], CellAssessmentInput("Nhất trí.", "htt", 3, 0, 0))
    svc.reviews.save_review(ids["Lê Văn Sơn"], ReviewInput(
        scores={"general": 15, "tasks": 30}, disqualifiers={"disciplined": "Quyết định số 07-QĐ/ĐU"},
        self_level="kht"))
    svc.reviews.save_cell_assessment(ids["Lê Văn Sơn"], CellAssessmentInput("Phê bình.", "kht", 2, 1, 0))
    svc.reviews.submit_summary(2026, "Đồng chí Đức được tặng Bằng khen của Ban Thường vụ Tỉnh ủy.")
    svc.reviews.decide(ids["Nguyễn Văn Đức"], DecisionInput("htxs", "Số 125-QĐ/ĐU", dt.date(2026, 11, 20)),
                       today=TODAY)
    return svc, ids


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def fonts(path) -> set[str]:
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile2", "/FontFile", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]))
    return names


def test_member_review_pdf(year, tmp_path):
    svc, ids = year
    path = rp.write_review(svc, ids["Nguyễn Văn Đức"], tmp_path / "duc.pdf")
    text = " ".join(pdf_text(path).split())
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BẢN KIỂM ĐIỂM CÁ NHÂN", "Năm 2026",
                     "(Cá nhân giữ chức vụ lãnh đạo, quản lý)", "Họ và tên:", "Nguyễn Văn Đức", "Ngày sinh:",
                     "30/04/1975", "Chức vụ Đảng:", "Bí thư chi bộ", "Chức vụ chính quyền:", "Phó Tổng biên tập",
                     "Chức vụ đoàn thể:", "Ủy viên BCH Công đoàn", "Đơn vị công tác:", "Báo Nghệ An", "Chi bộ:",
                     "I. ƯU ĐIỂM, KẾT QUẢ ĐẠT ĐƯỢC", "1. Về tư tưởng chính trị",
                     "Kiên định lập trường & giữ gìn <phẩm chất> đạo đức.", "Phụ trách chuyên mục Xây dựng Đảng.",
                     "V. LÀM RÕ TRÁCH NHIỆM", "VII. TỰ CHẤM ĐIỂM VÀ TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG",
                     "Nhóm tiêu chí chung", "63,5", "91,5",
                     "Tự nhận mức xếp loại chất lượng đảng viên: Hoàn thành xuất sắc nhiệm vụ",
                     "Có ít nhất 30% nhiệm vụ hoàn thành vượt mức yêu cầu",
                     "NGƯỜI TỰ KIỂM ĐIỂM", "(Ký, ghi rõ họ tên)", "Chi bộ đề xuất xếp loại: Hoàn thành xuất sắc",
                     "Kết quả biểu quyết: 3 đồng ý, 0 không đồng ý, 0 không biểu quyết.",
                     "Số 125-QĐ/ĐU, ngày 20/11/2026"):
        assert expected in text, expected
    # The secretary's own review is signed for the committee by the deputy.
    assert "PHÓ BÍ THƯ" in text and "Trần Thị Hồng" in text
    assert fonts(path) and all("LiberationSerif" in name for name in fonts(path))


def test_disqualifying_case_and_empty_sections_print(year, tmp_path):
    svc, ids = year
    text = " ".join(pdf_text(rp.write_review(svc, ids["Lê Văn Sơn"], tmp_path / "son.pdf")).split())
    assert "(Đảng viên không làm việc trong hệ thống chính trị — Mẫu 2C-HD KĐ.ĐG 2025)" in text
    assert "Thuộc trường hợp xếp loại \"Không hoàn thành nhiệm vụ\": Bị xử lý kỷ luật" in text
    assert "Căn cứ: Quyết định số 07-QĐ/ĐU" in text
    assert "....................." in text  # empty sections leave lines to write on


def test_summary_pdf_has_table_counts_quota_and_reason(year, tmp_path):
    svc, _ = year
    path = rp.write_summary(svc, 2026, tmp_path / "summary.pdf")
    text = " ".join(pdf_text(path).split())
    for expected in ("BIỂU TỔNG HỢP", "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN", "Năm 2026",
                     "Căn cứ Quy định 366-QĐ/TW", "Họ và tên", "Mẫu kiểm điểm", "Điểm tự chấm", "Tự xếp loại",
                     "Chi bộ đề xuất", "Cấp trên quyết định", "Nguyễn Văn Đức", "91,5", "HTXSNV", "KHTNV",
                     "Tổng số đảng viên được kiểm điểm: 3.",
                     "1 × 20% = 0,2, làm tròn xuống được 0; đề xuất 1, vượt 1.",
                     "Lý do đề nghị vượt tỷ lệ: Đồng chí Đức được tặng Bằng khen của Ban Thường vụ Tỉnh ủy.",
                     "T/M CHI BỘ", "BÍ THƯ"):
        assert expected in text, expected
    assert PdfReader(str(path)).pages[0].mediabox.width > PdfReader(str(path)).pages[0].mediabox.height


def test_summary_xlsx_reads_back(year, tmp_path):
    from openpyxl import load_workbook

    svc, _ = year
    path = rp.write_summary_xlsx(svc, 2026, tmp_path / "summary.xlsx")
    ws = load_workbook(path).active
    assert ws["A1"].value == "BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026"
    assert [c.value for c in ws[3]][:8] == ["TT", "Họ và tên", "Mẫu kiểm điểm", "Điểm nhóm chung",
                                            "Điểm kết quả nhiệm vụ", "Tổng điểm tự chấm", "Tự xếp loại",
                                            "Chi bộ đề xuất"]
    first = [c.value for c in ws[4]]
    assert first[:8] == [1, "Nguyễn Văn Đức", "Cá nhân giữ chức vụ lãnh đạo, quản lý", 28, 63.5, 91.5,
                         "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ"]
    assert first[10:13] == ["Hoàn thành xuất sắc nhiệm vụ", "Số 125-QĐ/ĐU", dt.datetime(2026, 11, 20)]
    values = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).value for r in range(8, ws.max_row + 1)}
    assert values["Hoàn thành tốt nhiệm vụ"] == 1 and values["Không hoàn thành nhiệm vụ"] == 1
    assert values["Được xếp Hoàn thành xuất sắc tối đa"] == 0 and values["Vượt tỷ lệ"] == 1
    assert any(str(v).startswith("Lý do đề nghị vượt tỷ lệ: Đồng chí Đức") for v in values)


def test_word_form_is_prefilled_with_identity_commitments_and_last_shortcomings(year, tmp_path):
    from docx import Document

    svc, ids = year
    svc_review = svc.reviews.review_for(svc.reviews.get_review(ids["Trần Thị Hồng"]).member_id, 2026)
    path = rp.write_review_form_docx(svc, svc_review.id, tmp_path / "hong.docx")
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts.extend(c.text for c in row.cells)
    body = "\n".join(texts)
    assert "BẢN KIỂM ĐIỂM CÁ NHÂN" in body and "Trần Thị Hồng" in body and "Phóng viên" in body
    assert "Ban Thời sự, Báo Nghệ An" in body
    assert "Hạn chế, khuyết điểm đã chỉ ra ở kỳ kiểm điểm năm 2025:" in body
    assert "Bài viết có lúc chậm so với kế hoạch." in body
    assert "1. Hoàn thành 100% chỉ tiêu tin bài: đã thực hiện." in body
    assert "NGƯỜI TỰ KIỂM ĐIỂM" in body


def test_collective_report_pdf(year, tmp_path):
    svc, _ = year
    svc.reviews.save_collective(2026, CollectiveInput(
        sections={"tasks": "Hoàn thành 100% chỉ tiêu xuất bản.", "shortcomings": "Còn 01 đảng viên bị kỷ luật."},
        scores={"general": 26, "tasks": 58}, self_level="htt"))
    svc.reviews.submit_collective(2026)
    text = " ".join(pdf_text(rp.write_collective(svc, 2026, tmp_path / "coll.pdf")).split())
    for expected in ("BÁO CÁO", "KIỂM ĐIỂM TẬP THỂ CHI ỦY, CHI BỘ", "Năm 2026", "Số -BC/CB",
                     "1. Kết quả thực hiện nhiệm vụ chính trị được giao", "Hoàn thành 100% chỉ tiêu xuất bản.",
                     "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", "Chi bộ tự xếp loại: Hoàn thành tốt nhiệm vụ",
                     "T/M CHI ỦY", "Nơi nhận:", "Đảng ủy Báo Nghệ An (để báo cáo);"):
        assert expected in text, expected


def test_quota_sentence_states_the_rounding(year):
    svc, _ = year
    summary = svc.reviews.summary(2026)
    assert rp.quota_sentence(summary) == (
        "Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\" không quá 20% số \"Hoàn thành tốt nhiệm vụ\": "
        "1 × 20% = 0,2, làm tròn xuống được 0; đề xuất 1, vượt 1.")


def test_a_review_document_keeps_its_own_periods_date():
    import datetime as dt

    from cellsec.reports.reviews import document_day

    late = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.timezone.utc)
    assert document_day(late, dt.date(2025, 12, 26)) == dt.date(2025, 12, 26)  # never after its decision
    assert document_day(late) == dt.date(2026, 12, 3)
    assert document_day(None, dt.date(2025, 12, 26)) is None
