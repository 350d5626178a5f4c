"""The review cycle's other windows: commitments, the cell's collective review (form 01), the rule sets
(shipped sets read-only, copies editable and applied to a year), adding members to an open year."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLineEdit, QMessageBox

from cellsec.domain.dates import format_date
from cellsec.services.members.service import MemberInput
from cellsec.ui.reviews.collective import CollectiveEditor
from cellsec.ui.reviews.commitments import STANDARDS_144, CommitmentsDialog
from cellsec.ui.reviews.open_year import OpenYearDialog
from cellsec.ui.reviews.rule_sets import RuleSetsDialog

from ..conftest import retype, type_text

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _no_real_message_boxes(boxes):
    return boxes


@pytest.fixture
def members(services):
    ids = []
    for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bình"), 1):
        ids.append(services.members.add(MemberInput(
            full_name=name, gender="nam", date_of_birth=dt.date(1980, 1, i), list_no=i,
            admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19), status="chinh_thuc")).id)
    return ids


def _type_in_cell(qtbot, table, text: str) -> None:
    """Type into the table cell being edited, then press Enter as a user would."""
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the text and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


# ---- commitments ------------------------------------------------------------------------------------------
def test_commitments_are_registered_checked_and_feed_the_review(qtbot, services, members):
    dialog = _show(qtbot, CommitmentsDialog(services, YEAR, members[1], today=TODAY))
    assert dialog.member.currentText() == "Trần Thị Bình"
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    dialog.add_button.click()  # a new row, its text cell open for typing
    _type_in_cell(qtbot, dialog.items, "Hoàn thành tốt nhiệm vụ chuyên môn")
    dialog.standards.setCurrentRow(2)
    dialog.standard_button.click()
    assert dialog.items.item(1, 0).text() == f"Thực hiện chuẩn mực \"{STANDARDS_144[2]}\" (Quy định 144-QĐ/TW)."
    dialog.achieved_combo(0).setCurrentIndex(1)  # carried out
    retype(dialog.registered, f"20/02/{YEAR}")
    retype(dialog.midyear_on, "31/02/2026")
    assert dialog.date_messages["midyear_on"].isVisible() and not dialog.save_button.isEnabled()
    retype(dialog.midyear_on, f"10/07/{YEAR}")
    type_text(dialog.midyear, "Thực hiện đúng nội dung đã đăng ký.")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()

    saved = services.reviews.get_commitment(members[1], YEAR)
    assert [i.text for i in saved.items] == ["Hoàn thành tốt nhiệm vụ chuyên môn",
                                             f"Thực hiện chuẩn mực \"{STANDARDS_144[2]}\" (Quy định 144-QĐ/TW)."]
    assert saved.items[0].achieved is True and saved.registered_on == dt.date(YEAR, 2, 20)
    assert saved.midyear_check == "Thực hiện đúng nội dung đã đăng ký." and not dialog.is_dirty()

    services.reviews.open_year(YEAR, today=TODAY)
    review = services.reviews.review_for(members[1], YEAR)
    assert "1. Hoàn thành tốt nhiệm vụ chuyên môn: đã thực hiện." in services.reviews.prefill(review.id)["commitments"]


def test_switching_member_with_unsaved_commitments_asks(qtbot, services, members, monkeypatch):
    dialog = _show(qtbot, CommitmentsDialog(services, YEAR, members[0], today=TODAY))
    dialog.add_item("Đóng đảng phí đúng hạn")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    dialog.member.setCurrentIndex(1)
    dialog.member.activated.emit(1)
    assert dialog.member.currentData() == members[0] and dialog.items.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    dialog.member.setCurrentIndex(1)
    dialog.member.activated.emit(1)
    assert dialog.member.currentData() == members[1] and dialog.items.rowCount() == 0
    assert [i.text for i in services.reviews.get_commitment(members[0], YEAR).items] == ["Đóng đảng phí đúng hạn"]


# ---- collective review ------------------------------------------------------------------------------------------
def test_collective_review_is_written_submitted_decided_and_printed(qtbot, services, members, boxes, monkeypatch,
                                                                   tmp_path):
    from pypdf import PdfReader

    services.reviews.open_year(YEAR, today=TODAY)
    editor = _show(qtbot, CollectiveEditor(services, YEAR, today=TODAY))
    assert set(editor.assessment.case_boxes) == {"subunit_violation", "targets_below_half",
                                                 "leadership_disciplined", "disunity"}
    type_text(editor.sections.edits["tasks"], "Lãnh đạo xóm hoàn thành 12/12 chỉ tiêu.")
    a = editor.assessment
    retype(a.score_edits["general"], "26")
    retype(a.score_edits["tasks"], "60")
    a.case_boxes["disunity"].click()
    type_text(a.evidence["disunity"], "Kết luận số 05-KL/ĐU")
    a.level.setCurrentIndex(a.level.findData("htt"))
    assert a.messages["self_level"].kind == "error" and not editor.save_button.isEnabled()
    a.case_boxes["disunity"].click()
    assert not a.messages["self_level"].isVisible() and editor.save_button.isEnabled()
    editor.save_button.click()
    assert services.reviews.collective(YEAR).self_level == "htt"

    editor.submit_button.click()
    assert editor.record.status == "submitted" and editor.sections.edits["tasks"].isReadOnly()
    editor.tabs.setCurrentIndex(1)
    d = editor.decision
    d.level.setCurrentIndex(d.level.findData("htxs"))
    retype(d.number, "115-QĐ/ĐU")
    retype(d.date, format_date(TODAY))
    assert "Tổng điểm 86 chỉ đạt mức" in d.messages["level"].text() and not editor.decide_button.isEnabled()
    d.level.setCurrentIndex(d.level.findData("htt"))
    editor.decide_button.click()
    record = services.reviews.collective(YEAR)
    assert record.status == "decided" and record.decision_no == "115-QĐ/ĐU"

    target = tmp_path / "tap-the"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    boxes.answer = QMessageBox.StandardButton.No
    editor.print_button.click()
    with qtbot.waitSignal(editor.last_task.finished, timeout=30000):
        pass
    text = " ".join(p.extract_text() for p in PdfReader(target.with_suffix(".pdf")).pages)
    assert "KIỂM ĐIỂM TẬP THỂ" in text.upper() and "Lãnh đạo xóm hoàn thành 12/12 chỉ tiêu." in text


# ---- rule sets ----------------------------------------------------------------------------------------------------
def test_shipped_rule_sets_are_read_only_and_a_copy_is_edited(qtbot, services, members):
    services.reviews.open_year(YEAR, today=TODAY)
    dialog = _show(qtbot, RuleSetsDialog(services, YEAR))
    kinds = [dialog.list.item(r, 3).text() for r in range(dialog.list.rowCount())]
    assert kinds == ["Có sẵn", "Có sẵn"]
    assert dialog.current.id == "review_2025"
    assert dialog.banner.isVisible() and "không sửa trực tiếp được" in dialog.banner.text()
    assert dialog.name.isReadOnly() and dialog.ratio.isReadOnly() and not dialog.save_button.isVisible()
    assert dialog.band_edits["htxs"].value() == 90 and dialog.fail_label.text() == "dưới 50 điểm"

    dialog.copy_button.click()
    assert dialog.current is not None and not dialog.current.builtin
    assert dialog.list.item(dialog.list.currentRow(), 3).text() == "Bản sao riêng"
    assert not dialog.banner.isVisible() and dialog.save_button.isVisible() and not dialog.save_button.isEnabled()

    dialog.band_edits["htt"].setValue(95)
    assert dialog.messages["band_htxs"].text() == "Ngưỡng của mỗi mức phải cao hơn ngưỡng của mức liền dưới."
    assert not dialog.save_button.isEnabled()
    dialog.band_edits["htt"].setValue(75)
    dialog.ratio.setValue(25)
    dialog.rounding.setCurrentIndex(dialog.rounding.findData("round"))
    assert dialog.quota_example.text() == "Ví dụ: 4 người → được 1, 5 → 1, 12 → 3, 30 → 8."
    dialog.cases.add_button.click()
    _type_in_cell(qtbot, dialog.cases.table, "Không tham gia sinh hoạt chi bộ ba lần trong năm không có lý do")
    assert dialog.save_button.isEnabled()
    copy_id = dialog.current.id
    dialog.save_button.click()

    rules = services.reviews.rule_set(copy_id)
    assert [b.min for b in rules.bands][:3] == [90, 75, 50] and rules.quota.rounding == "round"
    assert str(rules.quota.ratio) == "0.25" and rules.version == 2
    assert rules.disqualifiers[-1].text == "Không tham gia sinh hoạt chi bộ ba lần trong năm không có lý do"
    assert services.reviews.rule_set("review_2025").bands[1].min == 70  # the shipped set is untouched

    assert dialog.apply_button.isVisible() and dialog.apply_button.text() == f"Dùng cho năm {YEAR}"
    dialog.apply_button.click()  # confirmed by the recorded "Yes"
    year = services.reviews.get_year(YEAR)
    assert year.rule_set_id == copy_id and year.rule_set_version == 2
    assert f"Kỳ kiểm điểm năm {YEAR} đang dùng" in dialog.year_label.text()


def test_the_2023_set_shows_its_criteria_instead_of_bands(qtbot, services):
    dialog = _show(qtbot, RuleSetsDialog(services, 2024))
    row = next(r for r in range(dialog.list.rowCount()) if "124-QĐ/TW" in dialog.list.item(r, 0).text())
    dialog.list.selectRow(row)
    assert dialog.current.id == "review_2023"
    assert not dialog.scores_box.isVisible() and dialog.criteria_note.isVisible()
    assert dialog.year_label.text().startswith("Chưa mở đợt kiểm điểm năm 2024; khi mở sẽ dùng: ")


# ---- adding members to an open year ----------------------------------------------------------------------------
def test_reopening_a_year_adds_only_the_members_due_since(qtbot, services, members, boxes):
    services.reviews.open_year(YEAR, today=TODAY)
    services.members.add(MemberInput(full_name="Hồ Thị Lan", gender="nu", date_of_birth=dt.date(2000, 2, 2),
                                     list_no=3, admitted_on=dt.date(YEAR, 1, 1), status="du_bi"))
    dialog = _show(qtbot, OpenYearDialog(services, YEAR, today=TODAY))
    assert not dialog.rule_set.isEnabled()
    assert list(dialog.form_combos) == [services.members.list()[-1].id]
    assert next(iter(dialog.form_combos.values())).currentData() == "probationary"
    assert dialog.ok.text() == "Bổ sung 1 đảng viên"
    assert dialog.table.item(0, 4).text() == "Đã có trong kỳ kiểm điểm"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert len(services.reviews.list_reviews(YEAR)) == 3
