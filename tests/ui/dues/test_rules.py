"""Quy định mức đóng: the rule sets with their source and unverified notes; editing the rounding changes
the amount due in the collection tab; restoring the defaults."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from ..conftest import retype, type_text
from ..dues_people import add_people, dues_page
from .test_month import _text, _type_into_cell


@pytest.fixture
def people(services):
    return add_people(services)


def test_rule_sets_show_their_source_and_what_is_unverified(qtbot, services, people):
    page = dues_page(qtbot, services)
    page.tabs.setCurrentIndex(2)
    tab = page.rules_tab
    assert page.tabs.tabText(2) == "Quy định mức đóng"
    items = [tab.versions.item(r).text() for r in range(tab.versions.count())]
    assert items[0].startswith("Chế độ đảng phí theo Quy định số 01") and "đang áp dụng" in items[0]
    assert items[1].startswith("Chế độ đảng phí theo Quyết định 342-QĐ/TW") and "Từ 01/04/2011" in items[1]
    assert tab.title.text() == "Chế độ đảng phí theo Quy định số 01 của Bộ Chính trị (2026)"
    assert tab.source.text().startswith("Văn bản: Quy định số 01 của Bộ Chính trị về chế độ đảng phí")
    assert tab.unverified_banner.isVisible() and tab.unverified_banner.text().startswith("Chưa xác minh")
    assert tab.value_edits["hoc_sinh_sinh_vien"].text() == "5.000"
    assert tab.value_edits["huu_tri"].value() == 0.5
    assert "Chưa xác minh." in tab.note_labels["khac"].text()
    assert "Chưa xác minh." not in tab.note_labels["huu_tri"].text()
    assert tab.rounding_unit.currentText() == "Làm tròn đến 1.000 đồng"
    assert tab.remitted_hint.text() == "còn lại 70% nộp lên cấp ủy cấp trên"
    assert "72.500 đ → phải đóng <b>73.000 đ</b>" in tab.try_result.text()
    # The older set: the student rate is a fixed amount of the 342 range.
    tab.versions.setCurrentRow(1)
    assert tab.title.text() == "Chế độ đảng phí theo Quyết định 342-QĐ/TW (28/12/2010)"
    assert tab.value_edits["hoc_sinh_sinh_vien"].text() == "2.000"
    assert "Chưa xác minh." in tab.note_labels["hoc_sinh_sinh_vien"].text()
    # The first set's rows are gone from view (not left drawn under the new ones).
    QApplication.processEvents()  # new rows are shown on a queued call
    shown = [w for w in tab.findChildren(QLabel) if w.objectName().startswith("note_") and w.isVisible()]
    assert len(shown) == 6


def test_editing_the_rounding_changes_the_amount_due(qtbot, services, people, boxes):
    page = dues_page(qtbot, services)
    month = page.month_tab
    _type_into_cell(qtbot, month, "Nguyễn Văn An", "basis", "7.250.000")
    assert _text(month, "Nguyễn Văn An", "due") == "73.000 đ"  # 72.500 rounded to 1.000
    qtbot.mouseClick(month.discard_button, Qt.MouseButton.LeftButton)

    page.tabs.setCurrentIndex(2)
    tab = page.rules_tab
    assert not tab.save_button.isEnabled()
    tab.rounding_unit.setCurrentIndex(tab.rounding_unit.findData(1))
    assert tab.rounding_unit.currentText() == "Không làm tròn"
    assert not tab.rounding_mode.isEnabled()
    assert "→ phải đóng <b>72.500 đ</b>" in tab.try_result.text()
    tab.retained.setValue(40)
    assert tab.remitted_hint.text() == "còn lại 60% nộp lên cấp ủy cấp trên"
    assert tab.message.text() == "Đã sửa, chưa lưu."
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert services.last_undoable()[1] == "Sửa quy định đảng phí: Chế độ đảng phí theo Quy định số 01 của Bộ Chính trị (2026)"
    rules = services.dues.rules_for(month.month)
    assert (rules.rounding_unit, int(rules.retained_percent)) == (1, 40)
    assert "chi bộ đã điều chỉnh" in tab.versions.item(0).text() and tab.reset_button.isEnabled()

    page.tabs.setCurrentIndex(0)
    _type_into_cell(qtbot, month, "Nguyễn Văn An", "basis", "7250000")
    assert _text(month, "Nguyễn Văn An", "due") == "72.500 đ"
    assert "Chi bộ giữ lại (40%)" in month.totals.text()
    qtbot.mouseClick(month.discard_button, Qt.MouseButton.LeftButton)

    # Back to the shipped rules (after a confirmation).
    page.tabs.setCurrentIndex(2)
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert "Trở về mức có sẵn" in boxes.texts("question")[-1]
    assert tab.rounding_unit.currentData() == 1000 and tab.retained.value() == 30
    assert not tab.reset_button.isEnabled()
    page.tabs.setCurrentIndex(0)
    _type_into_cell(qtbot, month, "Nguyễn Văn An", "basis", "7250000")
    assert _text(month, "Nguyễn Văn An", "due") == "73.000 đ"


def test_unsaved_rule_edits_survive_a_change_elsewhere_and_are_asked_about(qtbot, services, people, boxes):
    page = dues_page(qtbot, services)
    page.tabs.setCurrentIndex(2)
    tab = page.rules_tab
    tab.value_edits["khac"].setText("15.000")
    services.members.update(people["Lê Văn Cường"], services.members.get(people["Lê Văn Cường"]))  # a change elsewhere
    assert tab.value_edits["khac"].text() == "15.000" and tab.save_button.isEnabled()
    boxes.answer = QMessageBox.StandardButton.No
    tab.versions.setCurrentRow(1)
    assert "Bỏ các thay đổi chưa lưu" in boxes.texts("question")[-1]
    assert tab.versions.currentRow() == 0 and tab.value_edits["khac"].text() == "15.000"
    retype(tab.value_edits["khac"], "")
    type_text(tab.value_edits["khac"], "abc")  # the validator refuses letters
    assert tab.value_edits["khac"].text() == ""
    assert tab.save_button.isEnabled()  # empty is 0 đồng, allowed
    type_text(tab.value_edits["khac"], "12.500 đ")
    assert tab.collect()[0].categories["khac"].amount == 12_500


def test_closing_with_unsaved_rules_asks(qtbot, services, people, boxes):
    from cellsec.ui.app.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("DuesPage")
    page.tabs.setCurrentIndex(2)
    page.rules_tab.rounding_unit.setCurrentIndex(page.rules_tab.rounding_unit.findData(100))
    boxes.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert "chưa được lưu" in boxes.texts("question")[-1]
    boxes.answer = QMessageBox.StandardButton.Yes
    assert window.close()
    assert services.dues.rules_for(page.month_tab.month).rounding_unit == 100


def test_the_notes_name_no_setting_of_the_program(qtbot, services, people):
    """A note told the secretary "(exempt_members_owe = false)": words for the maintainers, not for her."""
    import re

    page = dues_page(qtbot, services)
    page.tabs.setCurrentIndex(2)
    tab = page.rules_tab
    for row in range(tab.versions.count()):
        tab.versions.setCurrentRow(row)
        assert tab.notes.isVisible() and "miễn công tác" in tab.notes.text()
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", tab.notes.text()), tab.notes.text()
