"""The member dialog: typed fields, messages next to fields, Save enabled only without errors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from cellsec.services.errors import DISK_FULL, ServiceError
from cellsec.services.members.service import MemberInput
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.members.dialog import MemberDialog
from cellsec.ui.members.page import MembersPage

from ..conftest import retype


def _fill_required(dialog):
    retype(dialog.edits["full_name"], "Nguyễn Văn Đức")
    retype(dialog.edits["date_of_birth"], "05/03/1980")
    dialog.edits["gender"].setCurrentIndex(dialog.edits["gender"].findData("nam"))
    retype(dialog.edits["admitted_on"], "10/10/2005")


def test_add_member_with_a_malformed_cccd_then_fixed(qtbot, services):
    page = MembersPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()  # a page refreshes only while visible (a hidden one when shown)
    dialog = MemberDialog(services, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Thêm đảng viên"
    assert dialog.tabs.tabText(0) == "Thông tin cá nhân"
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    _fill_required(dialog)
    assert dialog.save_button.isEnabled()
    assert dialog.save_button.text() == "Lưu"

    retype(dialog.edits["cccd"], "04008012345")  # 11 digits
    message = dialog.messages["cccd"]
    assert message.isVisible() and message.kind == "error"
    assert message.text() == "Số CCCD phải gồm đúng 12 chữ số."
    assert not dialog.save_button.isEnabled()

    retype(dialog.edits["cccd"], "040080123456")
    assert not message.isVisible()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == MemberDialog.DialogCode.Accepted
    record = services.members.get(dialog.saved.id)
    assert (record.full_name, record.cccd, record.date_of_birth) == ("Nguyễn Văn Đức", "040080123456",
                                                                     dt.date(1980, 3, 5))
    # The list heard of the change and shows the new member.
    names = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert names == ["Nguyễn Văn Đức"]


def test_untouched_required_fields_are_listed_not_shouted(qtbot, services):
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    assert all(not m.isVisible() for m in dialog.messages.values())
    assert dialog.summary.text() == "Còn phải điền: Họ và tên, Ngày sinh, Giới tính, Ngày vào Đảng."
    retype(dialog.edits["full_name"], "Lê Thị Hoa")
    assert "Họ và tên" not in dialog.summary.text()


def test_warning_in_amber_does_not_block_saving(qtbot, services):
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_required(dialog)
    dialog.edits["status"].setCurrentIndex(dialog.edits["status"].findData("chinh_thuc"))
    retype(dialog.edits["official_on"], "10/03/2006")  # 5 months after admission
    message = dialog.messages["official_on"]
    assert message.kind == "warning"
    assert "sớm hơn 12 tháng dự bị" in message.text()
    assert dialog.save_button.isEnabled()
    # The tab with the warning is not marked as wrong; a bad date is.
    retype(dialog.edits["date_of_birth"], "31/02/1980")
    assert "không hợp lệ" in dialog.messages["date_of_birth"].text()
    assert not dialog.save_button.isEnabled()
    assert dialog.tabs.tabBar().tabTextColor(0).name() == "#b3261e"


def test_probation_end_is_shown_under_the_admission_date(qtbot, services):
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    retype(dialog.edits["admitted_on"], "20/12/2025")
    assert dialog.probation_hint.text() == "Hết thời gian dự bị ngày 20/12/2026"


def test_service_error_keeps_the_dialog_open_with_the_typing(qtbot, services, boxes, monkeypatch):
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_required(dialog)

    def disk_full(_data):
        raise ServiceError(DISK_FULL)

    monkeypatch.setattr(services.members, "add", disk_full)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert boxes.texts("warning") == [DISK_FULL.format()]
    assert dialog.isVisible() and dialog.result() != MemberDialog.DialogCode.Accepted
    assert dialog.edits["full_name"].text() == "Nguyễn Văn Đức"


def test_duplicate_cccd_is_refused_next_to_the_field(qtbot, services):
    services.members.add(MemberInput(full_name="Trần Văn Bình", date_of_birth=dt.date(1975, 1, 2), gender="nam",
                                     cccd="040075000111", admitted_on=dt.date(2000, 5, 6)))
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    _fill_required(dialog)
    retype(dialog.edits["cccd"], "040075000111")
    assert dialog.messages["cccd"].text() == "Số CCCD này đã dùng cho đồng chí Trần Văn Bình."
    assert not dialog.save_button.isEnabled()


def test_existing_member_shows_card_and_status_history(qtbot, services):
    record = services.members.add(MemberInput(
        full_name="Phạm Thị Lan", date_of_birth=dt.date(1970, 4, 5), gender="nu", admitted_on=dt.date(1995, 3, 2),
        official_on=dt.date(1996, 3, 2), status="chinh_thuc", card_no="11112222", card_valid_from=dt.date(1996, 5, 1)))
    data = record.as_input()
    data.card_no, data.card_valid_from = "33334444", dt.date(2026, 1, 15)
    services.members.update(record.id, data)
    dialog = MemberDialog(services, record.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Đảng viên Phạm Thị Lan"
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "Lịch sử"
    cards = dialog.findChild(QTableWidget, "card_history")
    assert [(cards.item(r, 0).text(), cards.item(r, 1).text()) for r in range(cards.rowCount())] == [
        ("11112222", "01/05/1996"), ("33334444", "15/01/2026")]
    assert dialog.findChild(QLabel, "activity_status").text() == "Đang sinh hoạt"
    assert dialog.edits["card_no"].text() == "33334444"
    assert dialog.edits["dues_basis"].text() == "0"
    # Editing and saving writes the change.
    retype(dialog.edits["phone"], "0912 345 678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.members.get(record.id).phone == "0912 345 678"


def test_dues_basis_is_typed_with_thousands_separators(qtbot, services):
    dialog = MemberDialog(services)
    qtbot.addWidget(dialog)
    _fill_required(dialog)
    retype(dialog.edits["dues_basis"], "5200000")
    dialog.edits["dues_basis"].editingFinished.emit()
    assert dialog.edits["dues_basis"].text() == "5.200.000"
    retype(dialog.edits["dues_basis"], "năm triệu")
    assert dialog.messages["dues_basis"].text() == "Hãy nhập số tiền bằng đồng, ví dụ 5.200.000."
    assert not dialog.save_button.isEnabled()
    retype(dialog.edits["dues_basis"], "5.200.000")
    dialog.save()
    assert services.members.get(dialog.saved.id).dues_basis == 5_200_000
