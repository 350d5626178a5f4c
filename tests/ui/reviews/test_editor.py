"""The review editor: disqualifying cases force "Không hoàn thành nhiệm vụ", prefilled sections, locked
reviews are read-only and change only by an amendment with its reason, the form type, the 2023 criteria."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMessageBox

from cellsec.services.errors import ValidationFailed
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, CommitmentInput, ReviewInput
from cellsec.domain.reviews import CommitmentItem
from cellsec.ui.reviews.editor import ReviewEditor

from ..conftest import retype, type_text

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _no_real_message_boxes(boxes):
    """Closing a changed editor asks a question; a real modal box would block the test run."""
    return boxes


@pytest.fixture
def review_id(services):
    for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bình"), 1):
        services.members.add(MemberInput(full_name=name, gender="nam", date_of_birth=dt.date(1980, 1, i), list_no=i,
                                         admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                         status="chinh_thuc"))
    services.reviews.open_year(YEAR, today=TODAY)
    return services.reviews.list_reviews(YEAR)[0].id


def _editor(qtbot, services, review_id) -> ReviewEditor:
    editor = ReviewEditor(services, review_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_a_disqualifying_case_forces_the_lowest_level_and_refuses_a_higher_one(qtbot, services, review_id):
    editor = _editor(qtbot, services, review_id)
    a = editor.assessment
    retype(a.score_edits["general"], "28")
    retype(a.score_edits["tasks"], "64")
    assert a.derived_label.text() == "Hoàn thành xuất sắc nhiệm vụ"

    a.case_boxes["disciplined"].click()
    evidence_message = a.messages["disqualifier_disciplined"]
    assert a.evidence["disciplined"].isVisible()
    assert evidence_message.text() == "Hãy ghi căn cứ (quyết định, kết luận...) cho trường hợp đã đánh dấu."
    type_text(a.evidence["disciplined"], "Quyết định số 07-QĐ/ĐU ngày 12/8 của Đảng ủy xã")
    assert not evidence_message.isVisible()
    assert a.ceiling_label.text() == "Không hoàn thành nhiệm vụ"
    assert "Bị xử lý kỷ luật trong năm đánh giá" in a.reasons_label.text()

    a.level.setCurrentIndex(a.level.findData("htt"))
    message = a.messages["self_level"]
    assert message.isVisible() and message.kind == "error"
    assert message.text().startswith("Thuộc trường hợp xếp loại \"Không hoàn thành nhiệm vụ\": Bị xử lý kỷ luật")
    assert not editor.save_button.isEnabled()
    # The cell cannot propose better either.
    editor.cell_level.setCurrentIndex(editor.cell_level.findData("ht"))
    assert "Không hoàn thành nhiệm vụ" in editor.cell_level_message.text()

    a.level.setCurrentIndex(a.level.findData("kht"))
    editor.cell_level.setCurrentIndex(editor.cell_level.findData("kht"))
    assert not message.isVisible() and editor.save_button.isEnabled()
    editor.save_button.click()
    saved = services.reviews.get_review(review_id)
    assert saved.self_level == "kht" and saved.cell_level == "kht"
    assert saved.disqualifiers == {"disciplined": "Quyết định số 07-QĐ/ĐU ngày 12/8 của Đảng ủy xã"}


def test_top_level_needs_its_conditions(qtbot, services, review_id):
    editor = _editor(qtbot, services, review_id)
    a = editor.assessment
    retype(a.score_edits["general"], "29")
    retype(a.score_edits["tasks"], "66")
    a.level.setCurrentIndex(a.level.findData("htxs"))
    assert a.ceiling_label.text() == "Hoàn thành tốt nhiệm vụ"
    assert "Chưa đạt điều kiện để xếp" in a.messages["self_level"].text()
    for box in a.condition_boxes.values():
        box.click()
    assert not a.messages["self_level"].isVisible()
    assert a.ceiling_label.text() == "Hoàn thành xuất sắc nhiệm vụ"


def test_commitments_and_last_shortcomings_prefill_the_sections(qtbot, services, review_id):
    record = services.reviews.get_review(review_id)
    services.reviews.save_commitment(record.member_id, YEAR, CommitmentInput(
        items=[CommitmentItem("Tham gia sinh hoạt chi bộ đầy đủ", achieved=True)]), today=TODAY)
    editor = _editor(qtbot, services, review_id)
    text = editor.sections.edits["commitments"].toPlainText()
    assert "1. Tham gia sinh hoạt chi bộ đầy đủ: đã thực hiện." in text
    assert editor.sections.hints["commitments"].text() == "Đã điền sẵn nội dung gợi ý: hãy kiểm tra và viết tiếp."
    assert not editor.is_dirty()  # a suggestion, saved only when the user saves
    editor.sections.edits["commitments"].clear()
    editor.sections.fill_buttons["commitments"].click()
    assert editor.sections.edits["commitments"].toPlainText() == text


def test_changing_the_form_keeps_what_was_typed(qtbot, services, review_id):
    editor = _editor(qtbot, services, review_id)
    type_text(editor.sections.edits["politics"], "Gương mẫu ở nơi cư trú.")
    assert "explanations" in editor.sections.edits
    editor.form_combo.setCurrentIndex(editor.form_combo.findData("outside"))
    editor.form_combo.activated.emit(editor.form_combo.currentIndex())
    assert services.reviews.get_review(review_id).form_type == "outside"
    assert "explanations" not in editor.sections.edits  # form 2C has no such section
    assert editor.sections.edits["politics"].toPlainText() == "Gương mẫu ở nơi cư trú."
    assert editor.is_dirty()


def test_a_locked_review_is_read_only_and_is_corrected_by_an_amendment(qtbot, services, review_id, boxes,
                                                                      monkeypatch):
    services.reviews.save_review(review_id, ReviewInput(sections={"politics": "Gương mẫu."},
                                                        scores={"general": 25, "tasks": 60}, self_level="htt"))
    services.reviews.save_cell_assessment(review_id, CellAssessmentInput("Nhất trí.", "htt", 2, 0, 0))
    services.reviews.submit_review(review_id)
    editor = _editor(qtbot, services, review_id)
    assert editor.banner.isVisible() and "bản kiểm điểm chỉ xem" in editor.banner.text()
    assert editor.sections.edits["politics"].isReadOnly()
    assert editor.assessment.score_edits["general"].isReadOnly()
    assert not editor.assessment.level.isEnabled() and not editor.cell_level.isEnabled()
    assert editor.cell_comment.isReadOnly() and not editor.form_combo.isEnabled()
    assert not editor.save_button.isVisible() and not editor.submit_button.isVisible()
    assert editor.amend_button.isVisible() and editor.amend_button.text() == "Đính chính…"

    editor.amend_button.click()
    assert not editor.sections.edits["politics"].isReadOnly()
    assert editor.save_button.isVisible() and editor.save_button.text() == "Lưu bản đính chính"
    editor.sections.edits["politics"].moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.sections.edits["politics"], " Tích cực tham gia phong trào.")

    reasons = iter([("", True), ("Bổ sung nội dung bị sót khi nộp.", True)])
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: next(reasons)))
    editor.save_button.click()  # an empty reason is refused by the service, shown under the buttons
    assert editor.message.text() == "Hãy ghi lý do đính chính."
    assert editor.amending
    editor.save_button.click()
    assert not editor.amending and editor.sections.edits["politics"].isReadOnly()
    record = services.reviews.get_review(review_id)
    assert record.sections["politics"] == "Gương mẫu. Tích cực tham gia phong trào."
    editor.tabs.setCurrentIndex(3)
    assert editor.versions_table.rowCount() == 2
    assert editor.versions_table.item(1, 1).text() == "Đính chính"
    assert editor.versions_table.item(1, 2).text() == "Bổ sung nội dung bị sót khi nộp."


def test_submitting_without_the_cells_level_is_refused_with_the_reason(qtbot, services, review_id, boxes):
    editor = _editor(qtbot, services, review_id)
    retype(editor.assessment.score_edits["general"], "25")
    retype(editor.assessment.score_edits["tasks"], "60")
    editor.assessment.level.setCurrentIndex(editor.assessment.level.findData("htt"))
    editor.submit_button.click()
    assert editor.message.text() == "Chưa có mức xếp loại chi bộ đề xuất."
    assert services.reviews.get_review(review_id).status == "draft"
    assert services.reviews.get_review(review_id).self_level == "htt"  # saved before submitting


def test_closing_with_unsaved_changes_asks_to_save(qtbot, services, review_id, monkeypatch):
    editor = _editor(qtbot, services, review_id)
    type_text(editor.sections.edits["direction"], "Học tập nghị quyết.")
    assert editor.windowTitle().endswith(" *")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    editor.close_button.click()
    assert editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    editor.close_button.click()
    assert not editor.isVisible()
    assert services.reviews.get_review(review_id).sections["direction"] == "Học tập nghị quyết."


def test_a_2023_year_grades_criteria(qtbot, services):
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(2024, today=TODAY)
    review = services.reviews.list_reviews(2024)[0]
    editor = _editor(qtbot, services, review.id)
    a = editor.assessment
    assert not a.score_edits and set(a.grade_combos) == {"politics", "ethics", "discipline", "style",
                                                         "commitments", "duties"}
    for combo in a.grade_combos.values():
        combo.setCurrentIndex(combo.findData("tot"))
    assert a.derived_label.text() == "Hoàn thành tốt nhiệm vụ"
    a.grade_combos["ethics"].setCurrentIndex(a.grade_combos["ethics"].findData("kem"))
    assert a.ceiling_label.text() == "Không hoàn thành nhiệm vụ"
    assert "Kém" in a.reasons_label.text()


def test_submitting_with_errors_says_so_before_asking_to_submit(qtbot, services, review_id, boxes):
    editor = _editor(qtbot, services, review_id)
    retype(editor.assessment.score_edits["general"], "25")
    retype(editor.assessment.score_edits["tasks"], "60")
    editor.assessment.level.setCurrentIndex(editor.assessment.level.findData("htt"))
    editor.submit_button.click()
    assert editor.message.text() == "Chưa có mức xếp loại chi bộ đề xuất."
    assert boxes.texts("question") == []  # no "Nộp…?" for a review that cannot be submitted
    editor.cell_level.setCurrentIndex(editor.cell_level.findData("htt"))
    editor.submit_button.click()
    assert "Sau khi nộp, bản kiểm điểm bị khóa" in boxes.texts("question")[-1]
    assert services.reviews.get_review(review_id).status == "submitted"


def test_a_refused_amendment_offers_its_reason_again(qtbot, services, review_id, boxes, monkeypatch):
    services.reviews.save_draft(review_id, ReviewInput(scores={"general": 25, "tasks": 60}, self_level="htt"),
                                CellAssessmentInput("Nhất trí.", "htt", 2, 0, 0))
    services.reviews.submit_review(review_id)
    editor = _editor(qtbot, services, review_id)
    editor.amend_button.click()
    type_text(editor.cell_comment, " Bổ sung.")
    offered = []

    def reason(_parent, _title, _label, text=""):
        offered.append(text)
        return text or "Bổ sung ý kiến chi bộ bị sót.", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(reason))
    amend = services.reviews.amend_review
    refusals = [ValidationFailed({"level": "Dữ liệu đang bận, hãy thử lại."})]

    def refused_once(*args, **kwargs):
        if refusals:
            raise refusals.pop()
        return amend(*args, **kwargs)

    monkeypatch.setattr(services.reviews, "amend_review", refused_once)
    editor.save_button.click()
    assert editor.amending and editor.message.text() == "Dữ liệu đang bận, hãy thử lại."
    editor.save_button.click()  # the reason typed the first time is offered again, not a blank box
    assert offered == ["", "Bổ sung ý kiến chi bộ bị sót."]
    assert not editor.amending
    assert services.reviews.versions(review_id)[-1].reason == "Bổ sung ý kiến chi bộ bị sót."


def test_the_editor_does_not_read_back_what_it_has_just_saved(qtbot, services, review_id, monkeypatch):
    editor = _editor(qtbot, services, review_id)
    reads = []
    for name in ("member_history", "versions", "prefill"):
        real = getattr(services.reviews, name)
        monkeypatch.setattr(services.reviews, name, lambda *a, _real=real, _name=name, **k: (reads.append(_name),
                                                                                            _real(*a, **k))[1])
    type_text(editor.sections.edits["politics"], "Gương mẫu.")
    editor.save_button.click()
    assert services.reviews.get_review(review_id).sections["politics"] == "Gương mẫu."
    assert reads == []  # the record the save returned is shown as it is
    assert not editor.is_dirty() and editor.versions_table.rowCount() == 0
