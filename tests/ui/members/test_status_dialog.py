"""Changing a member's activity status: the fields each status needs, validated as typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.services.members.service import MemberInput
from cellsec.ui.members.status_dialog import StatusDialog

from ..conftest import retype


def _shown(dialog):
    return {key for key, label in dialog.labels.items() if dialog.form.isRowVisible(label)}


def test_fields_per_status_and_saving_a_transfer(qtbot, services):
    record = services.members.add(MemberInput(full_name="Hồ Văn Tâm", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                              admitted_on=dt.date(2005, 1, 1)))
    dialog = StatusDialog(services, record.id)
    qtbot.addWidget(dialog)
    dialog.show()
    # Nothing preselected: the current status is said above the list, and there is nothing to save yet.
    assert dialog.status.currentIndex() == -1 and dialog.status.currentData() is None
    assert dialog.current.text() == "Đang sinh hoạt"
    assert not dialog.save_button.isEnabled() and _shown(dialog) == set()
    statuses = {dialog.status.itemData(i): i for i in range(dialog.status.count())}

    dialog.status.setCurrentIndex(statuses["exempt"])
    assert _shown(dialog) == {"status_from", "status_to", "reason", "decision"}
    assert dialog.labels["status_from"].text() == "Miễn sinh hoạt từ ngày:"
    dialog.status.setCurrentIndex(statuses["deceased"])
    assert _shown(dialog) == {"status_from"}
    dialog.status.setCurrentIndex(statuses["temporary"])
    assert dialog.labels["org"].text() == "Nơi sinh hoạt chính thức:"

    dialog.status.setCurrentIndex(statuses["transferred_out"])
    assert _shown(dialog) == {"status_from", "org", "decision"}
    assert not dialog.save_button.isEnabled()
    retype(dialog.edits["status_from"], "01/06/2026")
    retype(dialog.edits["org"], "C")
    retype(dialog.edits["org"], "")
    assert dialog.messages["org"].text() == "Hãy nhập nơi chuyển đến."
    retype(dialog.edits["org"], "Chi bộ Phóng viên")
    retype(dialog.edits["decision"], "Số 12-GTSHĐ")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = services.members.get(record.id)
    assert (saved.activity_status, saved.status_from, saved.status_org, saved.status_decision) == (
        "transferred_out", dt.date(2026, 6, 1), "Chi bộ Phóng viên", "Số 12-GTSHĐ")
    assert [s.activity_status for s in services.members.status_history(record.id)] == ["transferred_out"]


def test_removal_needs_reason_and_decision(qtbot, services):
    record = services.members.add(MemberInput(full_name="Võ Văn Hải", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                              admitted_on=dt.date(2005, 1, 1)))
    dialog = StatusDialog(services, record.id)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("removed"))
    retype(dialog.edits["status_from"], "02/02/2026")
    dialog.save()
    assert dialog.messages["reason"].text() == "Hãy nhập lý do."
    assert dialog.messages["decision"].text() == "Hãy nhập số quyết định."
    assert services.members.get(record.id).activity_status == "active"


def test_no_message_before_the_user_has_typed(qtbot, services):
    record = services.members.add(MemberInput(full_name="Đinh Văn Long", gender="nam",
                                              date_of_birth=dt.date(1950, 1, 1), admitted_on=dt.date(1975, 1, 1)))
    dialog = StatusDialog(services, record.id)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("exempt"))
    assert all(not m.isVisible() for m in dialog.messages.values())
    assert not dialog.save_button.isEnabled()
    assert dialog.summary.text() == "Còn phải điền: Miễn sinh hoạt từ ngày, Lý do."


def test_choosing_the_current_status_again_brings_its_details_back(qtbot, services):
    from cellsec.services.members.service import StatusChange

    record = services.members.add(MemberInput(full_name="Lê Thị Mai", gender="nu", date_of_birth=dt.date(1950, 1, 1),
                                              admitted_on=dt.date(1975, 1, 1)))
    services.members.change_status(record.id, StatusChange("exempt", dt.date(2025, 3, 1), None, "Tuổi cao"))
    dialog = StatusDialog(services, record.id)
    qtbot.addWidget(dialog)
    assert dialog.current.text() == "Miễn sinh hoạt từ 01/03/2025"
    assert dialog.status.currentData() is None and dialog.edits["reason"].toPlainText() == ""
    dialog.status.setCurrentIndex(dialog.status.findData("exempt"))  # a correction is a small edit
    assert dialog.edits["reason"].toPlainText() == "Tuổi cao"
    assert dialog.edits["status_from"].value() == dt.date(2025, 3, 1)
