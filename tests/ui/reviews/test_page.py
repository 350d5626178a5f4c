"""Kiểm điểm & xếp loại: one member's review carried from opening the year to the decided level through
the real widgets; the quota panel and submitting the summary over the quota; printing and exporting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from cellsec.domain.dates import format_date
from cellsec.services.context import Change
from cellsec.services.members.service import MemberInput, StatusChange
from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.reviews.open_year import OpenYearDialog
from cellsec.ui.reviews.editor import ReviewEditor
from cellsec.ui.reviews.page import COLUMNS, ReviewsPage
from cellsec.ui.common.widgets import ERROR_COLOR

from ..conftest import retype, type_text

TODAY = dt.date.today()
YEAR = TODAY.year


def _member(services, name: str, list_no: int, **extra) -> str:
    return services.members.add(MemberInput(
        full_name=name, gender="nam", date_of_birth=dt.date(1980, 3, list_no), list_no=list_no,
        admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19), status="chinh_thuc", **extra)).id


@pytest.fixture
def cell(services):
    ids = {
        "an": _member(services, "Nguyễn Văn An", 1, workplace="Trường Tiểu học Nghi Phú"),
        "binh": _member(services, "Trần Thị Bình", 2, workplace="Trạm Y tế xã"),
        "cuong": _member(services, "Lê Văn Cường", 3),
    }
    services.members.change_status(ids["cuong"], StatusChange("exempt", dt.date(2024, 1, 1), None, "Tuổi cao",
                                                              "NQ 01"))
    return ids


def _page(qtbot, services) -> ReviewsPage:
    page = ReviewsPage(services, ChangeNotifier(services))
    page.today = TODAY
    qtbot.addWidget(page)
    page.resize(1080, 680)
    page.show()
    page.year.setValue(YEAR)
    return page


def _cell_text(page: ReviewsPage, name: str, field: str) -> str:
    row = next(i for i, r in enumerate(page.model.rows) if r.name == name)
    return page.model.data(page.model.index(row, COLUMNS.index(field)))


def _select(page: ReviewsPage, name: str) -> None:
    row = next(i for i, r in enumerate(page.model.rows) if r.name == name)
    page.table.selectRow(row)


def test_one_review_from_opening_the_year_to_the_decided_level(qtbot, services, cell, boxes, monkeypatch):
    page = _page(qtbot, services)
    assert page.empty.isVisible() and not page.table.isVisible()
    assert f"Chưa mở đợt kiểm điểm năm {YEAR}" in page.empty_label.text()
    assert page.open_action.text() == f"Mở đợt kiểm điểm năm {YEAR}…"

    # ---- open the year: candidates with their forms, the exempt member listed with the reason ----
    def open_dialog(dialog: OpenYearDialog) -> int:
        dialog.show()
        names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
        assert dialog.table.item(2, 4).text() == "Không kiểm điểm: Miễn công tác và sinh hoạt đảng"
        assert dialog.count.text() == "2 đảng viên phải kiểm điểm; 1 đảng viên không kiểm điểm."
        assert "Quy định 366-QĐ/TW" in dialog.document.text()
        combo = dialog.form_combos[cell["an"]]
        assert combo.currentData() == "staff"
        combo.setCurrentIndex(combo.findData("outside"))  # the secretary changes the suggested form
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(OpenYearDialog, "exec", open_dialog)
    page.open_action.trigger()
    assert page.table.isVisible() and page.quota.isVisible()
    assert [r.name for r in page.model.rows] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert _cell_text(page, "Nguyễn Văn An", "form") == "Đảng viên không làm việc trong hệ thống chính trị"
    assert _cell_text(page, "Nguyễn Văn An", "status") == "Dự thảo"
    assert page.open_action.text() == "Bổ sung đảng viên…"

    # ---- the member's review: sections, scores, derived level, proposal, cell, submit, decision ----
    def edit(editor: ReviewEditor) -> int:
        editor.show()
        assert editor.tabs.tabText(0) == "Tự kiểm điểm"
        assert [editor.tabs.tabText(i) for i in range(4)] == ["Tự kiểm điểm", "Chi bộ nhận xét",
                                                              "Cấp trên quyết định", "Lịch sử"]
        type_text(editor.sections.edits["politics"], "Luôn chấp hành nghiêm chủ trương của Đảng.")
        type_text(editor.sections.edits["shortcomings"], "Có lúc chưa sâu sát.")
        a = editor.assessment
        retype(a.score_edits["general"], "26")
        assert a.total_label.text() == "Tổng điểm: chưa chấm đủ các nhóm tiêu chí"
        retype(a.score_edits["tasks"], "58,5")
        assert a.total_label.text() == "Tổng điểm: 84,5 / 100 điểm"
        assert a.derived_label.text() == "Hoàn thành tốt nhiệm vụ"
        # A level above the score is refused, with the reason next to the field.
        a.level.setCurrentIndex(a.level.findData("htxs"))
        message = a.messages["self_level"]
        assert message.isVisible() and message.kind == "error"
        assert "Tổng điểm 84,5 chỉ đạt mức \"Hoàn thành tốt nhiệm vụ\"" in message.text()
        assert not editor.save_button.isEnabled()
        a.level.setCurrentIndex(a.level.findData("htt"))
        assert not message.isVisible()
        assert editor.save_button.isEnabled() and editor.save_button.shortcut().toString() == "Ctrl+S"
        editor.save_button.click()
        saved = services.reviews.get_review(editor.review_id)
        assert saved.self_level == "htt" and saved.self_score == 84.5
        assert saved.sections["politics"] == "Luôn chấp hành nghiêm chủ trương của Đảng."

        editor.tabs.setCurrentIndex(1)
        assert editor.cell_self_level.text() == "Hoàn thành tốt nhiệm vụ"
        type_text(editor.cell_comment, "Chi bộ nhất trí với bản tự kiểm điểm.")
        editor.cell_level.setCurrentIndex(editor.cell_level.findData("htt"))
        retype(editor.votes["for"], "2")
        retype(editor.votes["against"], "0")
        retype(editor.votes["abstain"], "0")
        assert not editor.votes_message.isVisible()
        editor.save_button.click()
        assert services.reviews.get_review(editor.review_id).cell_level == "htt"

        editor.submit_button.click()  # the confirmation is answered "Yes"
        assert "Sau khi nộp, bản kiểm điểm bị khóa" in boxes.texts("question")[-1]
        assert editor.record.status == "submitted"
        assert editor.banner.isVisible() and editor.sections.edits["politics"].isReadOnly()

        editor.tabs.setCurrentIndex(2)
        d = editor.decision
        d.level.setCurrentIndex(d.level.findData("htt"))
        retype(d.number, "112-QĐ/ĐU")
        retype(d.date, format_date(TODAY))
        assert editor.decide_button.isVisible() and editor.decide_button.isEnabled()
        editor.decide_button.click()
        assert editor.record.status == "decided" and editor.status_label.text() == "Đã quyết định (phiên bản 2)"
        editor.tabs.setCurrentIndex(3)
        assert editor.history_table.item(0, 5).text() == "Hoàn thành tốt nhiệm vụ"
        assert [editor.versions_table.item(r, 1).text() for r in range(2)] == ["Đã nộp", "Đã ghi quyết định"]
        editor.close_button.click()
        return 0

    monkeypatch.setattr(ReviewEditor, "exec", edit)
    _select(page, "Nguyễn Văn An")
    page.review_action.trigger()
    assert _cell_text(page, "Nguyễn Văn An", "decided_level") == "HTTNV"
    assert _cell_text(page, "Nguyễn Văn An", "status") == "Đã quyết định"
    assert _cell_text(page, "Nguyễn Văn An", "score") == "84,5"
    assert page.quota.count_labels["htt"][1].text() == "1"


@pytest.fixture
def over_quota(services, cell):
    """The year open, An proposed "excellent" and Bình "good": 20 % of 1 is 0 allowed, so 1 over."""
    services.reviews.open_year(YEAR, today=TODAY)
    reviews = {r.member_name: r for r in services.reviews.list_reviews(YEAR)}
    for name, scores, level, conditions in (
            ("Nguyễn Văn An", (28, 65), "htxs", ["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed"]),
            ("Trần Thị Bình", (25, 60), "htt", [])):
        review = reviews[name]
        services.reviews.save_review(review.id, ReviewInput(
            sections={"politics": "Gương mẫu."}, scores=dict(zip(("general", "tasks"), scores)),
            conditions=conditions, self_level=level))
        services.reviews.save_cell_assessment(review.id, CellAssessmentInput("Nhất trí.", level, 2, 0, 0))
    return reviews


def test_quota_panel_turns_red_and_the_summary_asks_for_a_reason(qtbot, services, over_quota, boxes, monkeypatch):
    page = _page(qtbot, services)
    q = page.quota
    assert (q.allowed.text(), q.proposed.text(), q.exceeded_by.text()) == ("0", "1", "1")
    assert q.exceeded and ERROR_COLOR in q.exceeded_by.styleSheet() and ERROR_COLOR in q.styleSheet()
    assert q.verdict.text() == "Vượt tỷ lệ 1 trường hợp: khi nộp biểu tổng hợp phải ghi rõ lý do."
    assert q.arithmetic.text() == "20% × 1 người \"HTTNV\" = 0,2, làm tròn xuống: 0."

    asked = []
    answers = [("", True), ("Đồng chí An đạt giải Nhất giáo viên dạy giỏi cấp tỉnh.", True)]

    def reason(_parent, _title, label, text=""):
        asked.append(label)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(reason))
    page.submit_action.trigger()  # an empty reason is refused
    assert "vượt tỷ lệ cho phép (0) 1 trường hợp" in asked[0]
    assert boxes.texts("warning") == ["Không nộp được biểu tổng hợp vượt tỷ lệ mà không ghi lý do."]
    assert not services.reviews.summary(YEAR).submitted

    page.submit_action.trigger()
    assert "2 bản kiểm điểm chưa nộp sẽ được nộp và khóa cùng biểu tổng hợp." in boxes.texts("question")[-1]
    summary = services.reviews.summary(YEAR)
    assert summary.submitted and summary.quota_reason == "Đồng chí An đạt giải Nhất giáo viên dạy giỏi cấp tỉnh."
    assert q.reason.isVisible() and "giáo viên dạy giỏi" in q.reason.text()
    assert page.submit_action.text() == "Đã nộp biểu tổng hợp" and not page.submit_action.isEnabled()
    assert {_cell_text(page, n, "status") for n in ("Nguyễn Văn An", "Trần Thị Bình")} == {"Đã nộp"}


def test_within_quota_the_panel_is_green_and_no_reason_is_asked(qtbot, services, cell, boxes, monkeypatch):
    services.reviews.open_year(YEAR, today=TODAY)
    for review in services.reviews.list_reviews(YEAR):
        services.reviews.save_review(review.id, ReviewInput(scores={"general": 25, "tasks": 60}, self_level="htt"))
        services.reviews.save_cell_assessment(review.id, CellAssessmentInput("", "htt"))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: pytest.fail("no reason is needed within the quota")))
    page = _page(qtbot, services)
    assert not page.quota.exceeded and page.quota.verdict.text() == "Trong tỷ lệ cho phép."
    page.submit_action.trigger()
    assert services.reviews.summary(YEAR).submitted


def test_print_summary_prints_the_quota_reason(qtbot, services, over_quota, boxes, monkeypatch, tmp_path):
    from pypdf import PdfReader

    services.reviews.submit_summary(YEAR, "Có thành tích đột xuất được tỉnh khen thưởng.")
    page = _page(qtbot, services)
    page.print_summary_action.trigger()  # the preview of the real PDF opens
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.last_preview)
    reader = PdfReader(page.last_preview.pdf_path)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Nguyễn Văn An" in text and "Lý do đề nghị vượt tỷ lệ" in text
    assert "Có thành tích đột xuất" in text
    assert page.last_preview.page_spin.maximum() == len(reader.pages)


def test_export_xlsx_and_word_form_run_in_the_background(qtbot, services, over_quota, boxes, monkeypatch, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    boxes.answer = QMessageBox.StandardButton.No
    page = _page(qtbot, services)
    targets = iter([tmp_path / "tong-hop.xlsx", tmp_path / "mau.docx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), "")))
    page.export_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    rows = list(load_workbook(tmp_path / "tong-hop.xlsx").active.iter_rows(values_only=True))
    assert any(r[1] == "Nguyễn Văn An" and r[6] == "Hoàn thành xuất sắc nhiệm vụ" for r in rows)

    assert not page.word_action.isEnabled()  # needs a selected member
    _select(page, "Trần Thị Bình")
    assert page.word_action.isEnabled()
    page.word_action.trigger()
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    document = Document(tmp_path / "mau.docx")
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for row in t.rows for c in row.cells])
    assert "Trần Thị Bình" in text and "BẢN KIỂM ĐIỂM CÁ NHÂN" in text


def test_search_filters_the_table_without_accents(qtbot, services, over_quota):
    page = _page(qtbot, services)
    type_text(page.search, "tran thi")
    assert [r.name for r in page.model.rows] == ["Trần Thị Bình"]
    page.search.clear()
    assert page.model.rowCount() == 2


def test_the_page_sits_after_the_members_page_in_the_navigation(qtbot, services):
    from cellsec.ui.app.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Kiểm điểm & xếp loại" in titles
    assert titles.index("Đảng viên") < titles.index("Kiểm điểm & xếp loại") < titles.index("Cài đặt")


def test_a_summary_that_cannot_be_submitted_says_why_before_asking(qtbot, services, cell, boxes, monkeypatch):
    services.reviews.open_year(YEAR, today=TODAY)
    reviews = services.reviews.list_reviews(YEAR)
    for review in reviews:
        services.reviews.save_review(review.id, ReviewInput(scores={"general": 25, "tasks": 60}, self_level="htt"))
    services.reviews.save_cell_assessment(reviews[0].id, CellAssessmentInput("", "htt"))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: pytest.fail("nothing is asked of a summary that cannot go")))
    page = _page(qtbot, services)
    page.submit_action.trigger()
    assert boxes.texts("question") == []  # no "Nộp…?" first
    assert boxes.texts("warning") == [f"Chưa có mức chi bộ đề xuất cho: {reviews[1].member_name}."]
    assert not services.reviews.summary(YEAR).submitted


def test_the_reason_for_exceeding_the_quota_is_kept_when_not_submitted(qtbot, services, over_quota, boxes,
                                                                     monkeypatch):
    offered = []
    typed = "Đồng chí An đạt giải Nhất giáo viên dạy giỏi cấp tỉnh."

    def reason(_parent, _title, _label, text=""):
        offered.append(text)
        return text or typed, True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(reason))
    page = _page(qtbot, services)
    boxes.answer = QMessageBox.StandardButton.No  # "Nộp…?" answered No: the reason must not be lost
    page.submit_action.trigger()
    assert not services.reviews.summary(YEAR).submitted
    boxes.answer = QMessageBox.StandardButton.Yes
    page.submit_action.trigger()
    assert offered == ["", typed]
    assert services.reviews.summary(YEAR).quota_reason == typed
    assert services.drafts.load("review_quota_reason", str(YEAR)) is None  # submitted: nothing left behind


def test_the_page_reloads_after_a_restore_changed_everything(qtbot, services, cell):
    notifier = ChangeNotifier(services)
    page = ReviewsPage(services, notifier)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(YEAR)
    assert page.empty.isVisible()
    notifier.blockSignals(True)  # the year is opened where the page does not hear it (another data file)
    services.reviews.open_year(YEAR, today=TODAY)
    notifier.blockSignals(False)
    assert page.empty.isVisible()
    notifier.changed.emit(Change("backup.restore", "", frozenset({"*"}), frozenset()))  # what a restore sends
    assert not page.empty.isVisible() and len(page.model.rows) == 2


def test_one_action_refreshes_the_page_once_and_a_hidden_page_not_at_all(qtbot, services, cell, monkeypatch):
    services.reviews.open_year(YEAR, today=TODAY)
    page = _page(qtbot, services)
    refreshes = []
    original = ReviewsPage.refresh
    monkeypatch.setattr(ReviewsPage, "refresh", lambda self: (refreshes.append(1), original(self)))

    def edit(editor):
        type_text(editor.sections.edits["politics"], "Gương mẫu.")
        editor.save_button.click()
        return 0

    monkeypatch.setattr(ReviewEditor, "exec", edit)
    _select(page, "Nguyễn Văn An")
    page.review_action.trigger()
    assert len(refreshes) == 1  # the editor's save, announced once; no second reload when the editor closes
    page.hide()
    services.reviews.save_review(page.model.rows[1].review_id, ReviewInput(sections={"politics": "Tốt."}))
    assert len(refreshes) == 1  # hidden: only marked stale
    page.show()
    assert len(refreshes) == 2


def test_the_form_column_and_every_heading_are_readable_beside_the_quota_panel(qtbot, services, cell):
    """At the width a 1366×768 laptop leaves the page, the stretched form column got 46 px: "Mẫu kiểm điểm"
    cut on three lines and every form shown as "Cá ..."."""
    from PySide6.QtCore import Qt

    from cellsec.ui.reviews.summary import COLUMNS

    services.reviews.open_year(YEAR, today=TODAY)
    page = _page(qtbot, services)
    page.resize(1076, 665)
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 0)
    qtbot.wait(20)  # the layout settles
    header = page.table.horizontalHeader()
    fm = header.fontMetrics()
    form = COLUMNS.index("form")
    for column in range(header.count()):
        words = str(page.table.model().headerData(column, Qt.Orientation.Horizontal)).split()
        assert all(fm.horizontalAdvance(word) < header.sectionSize(column) for word in words), words
    assert header.sectionSize(form) >= page.table.fontMetrics().horizontalAdvance("Cá nhân không giữ")
