"""The first-start wizard: typing the cell's details, live validation, Finish saves the cell."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizard

from cellsec.services.facade import Services
from cellsec.ui.app.setup_wizard import SetupWizard

from ..conftest import retype


@pytest.fixture
def fresh(data_dir):
    svc = Services.open(data_dir)
    yield svc
    svc.close()


def _type(qtbot, wizard, key, text):
    retype(wizard.field_edit(key), text)


def _message(wizard, key):
    for page in wizard.pages_:
        if key in page.fields:
            return page.fields[key][1]
    raise KeyError(key)


def test_wizard_end_to_end(qtbot, fresh):
    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.text() == "&Tiếp theo >"
    assert not next_button.isEnabled()

    _type(qtbot, wizard, "name", "Chi bộ Xuất bản - Kỹ thuật")
    assert not next_button.isEnabled()  # the committee above is still missing
    # Leaving the committee empty after being in it says so next to the field.
    edit = wizard.field_edit("upper_committee")
    qtbot.keyClicks(edit, "x")
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert _message(wizard, "upper_committee").text() == "Không được để trống."
    _type(qtbot, wizard, "upper_committee", "Đảng ủy Báo Nghệ An")
    assert _message(wizard, "upper_committee").isHidden()
    _type(qtbot, wizard, "top_committee", "Đảng bộ các cơ quan Đảng tỉnh Nghệ An")
    assert next_button.isEnabled()
    assert "2025" in wizard.cell_page.findChild(QLabel, "committee_note").text()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    page = wizard.documents_page
    assert wizard.currentPage() is page
    assert page.number_example.text() == "Ví dụ: Số 01-BB/CB"
    _type(qtbot, wizard, "abbreviation", "C B")
    assert "không dấu cách" in _message(wizard, "abbreviation").text()
    assert not next_button.isEnabled()
    _type(qtbot, wizard, "abbreviation", "CBXB")
    assert page.number_example.text() == "Ví dụ: Số 01-BB/CBXB"
    _type(qtbot, wizard, "place_name", "Nghệ An")
    today = dt.date.today()
    assert page.date_example.text() == f"Ví dụ: Nghệ An, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

    assert wizard.currentPage() is wizard.officers_page
    note = wizard.officers_page.findChild(QLabel, "deputy_note")
    assert note.isVisible() and "danh sách đảng viên" in note.text() and "Phó Bí thư chi bộ" in note.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "&Hoàn tất"
    _type(qtbot, wizard, "secretary_name", "Nguyễn Văn Đức")
    _type(qtbot, wizard, "deputy_name", "Trần Thị Hồng")
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    assert wizard.result() == QWizard.DialogCode.Accepted
    cell = fresh.cell.get()
    assert (cell.name, cell.abbreviation, cell.place_name) == ("Chi bộ Xuất bản - Kỹ thuật", "CBXB", "Nghệ An")
    assert (cell.upper_committee, cell.top_committee) == ("Đảng ủy Báo Nghệ An", "Đảng bộ các cơ quan Đảng tỉnh Nghệ An")
    assert (cell.secretary_name, cell.deputy_name) == ("Nguyễn Văn Đức", "Trần Thị Hồng")
    # The deputy is a member of the cell from the first day, with the position on her record.
    [deputy] = fresh.members.list()
    assert (deputy.full_name, deputy.position_party) == ("Trần Thị Hồng", "Phó Bí thư chi bộ")
    assert cell.deputy_member_id == deputy.id


def test_cancel_saves_nothing(qtbot, fresh, boxes):
    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    _type(qtbot, wizard, "name", "Chi bộ 1")
    wizard.reject()  # asked first (boxes answers Yes)
    assert len(boxes.texts("question")) == 1 and not wizard.isVisible()
    assert not fresh.cell.is_set_up()


def test_service_refusal_is_shown_next_to_the_field(qtbot, fresh, boxes):
    """If the service still refuses (here: the cell exists already), the wizard stays open and says why."""
    from cellsec.services.settings.cell import CellInfo

    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    fresh.cell.setup(CellInfo(name="Chi bộ khác", place_name="Hà Tĩnh", upper_committee="Đảng ủy xã"))
    _type(qtbot, wizard, "name", "Chi bộ 1")
    _type(qtbot, wizard, "upper_committee", "Đảng ủy xã Hưng Nguyên")
    wizard.next()
    _type(qtbot, wizard, "place_name", "Nghệ An")
    wizard.next()
    wizard.accept()
    assert wizard.result() != QWizard.DialogCode.Accepted
    assert boxes.texts("warning") == ["Chi bộ đã được thiết lập."]
    assert fresh.cell.get().name == "Chi bộ khác"


def test_esc_asks_before_discarding_what_was_typed(qtbot, fresh, boxes):
    from PySide6.QtWidgets import QMessageBox

    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing typed yet: closes at once
    assert not wizard.isVisible() and boxes.shown == []
    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    _type(qtbot, wizard, "name", "Chi bộ Thôn Đông")
    boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(wizard.field_edit("name"), Qt.Key.Key_Escape)
    assert wizard.isVisible() and wizard.field_edit("name").text() == "Chi bộ Thôn Đông"
    assert boxes.texts("question") == ["Đóng trình thiết lập và bỏ những gì đã nhập?"]
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(wizard.field_edit("name"), Qt.Key.Key_Escape)
    assert not wizard.isVisible()
