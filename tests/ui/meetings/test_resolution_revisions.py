"""Issue 15, no lost update in the resolution dialog: a draft resolution written, changed or deleted
elsewhere (a second window or the command line on the same data) while the dialog is open is never
overwritten — the save is refused with the Vietnamese message, the typed text stays, and the user keeps
theirs as a new revision or reloads; a change made elsewhere while the dialog is open shows the banner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cellsec.services.meetings.records import ResolutionInput
from cellsec.ui.meetings.resolution import ResolutionDialog

from ...services.meeting_data import D, add_members, fill
from ..conftest import type_text
from ..elsewhere import CHANGED, KEEP_MINE, STAY, change_elsewhere, poll_from, save_answering


@pytest.fixture
def meeting_id(services):
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    fill(services, record.id, add_members(services))
    return services.meetings.approve(record.id).id


def _theirs(meeting_id: str, body: str):
    return lambda other: other.meetings.save_resolution(
        meeting_id, ResolutionInput(title="về nhiệm vụ tháng 10", body=body, signer_name="Nguyễn Văn Đức"))


def _dialog(qtbot, services, meeting_id) -> ResolutionDialog:
    dialog = ResolutionDialog(services, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body.setPlainText("")
    return dialog


def test_a_resolution_written_changed_or_deleted_elsewhere_is_not_overwritten(qtbot, services, data_dir,
                                                                               meeting_id, boxes):
    dialog = _dialog(qtbot, services, meeting_id)  # a new resolution: the other window writes one meanwhile
    type_text(dialog.body, "1. Hoàn thành kế hoạch.")
    change_elsewhere(data_dir, _theirs(meeting_id, "Bản của cửa sổ khác."))
    saved, seen = save_answering(dialog.save, STAY)
    assert not saved and CHANGED in seen[0] and "Nội dung nghị quyết" in seen[0] and "Trích yếu" in seen[0]
    assert dialog.body.toPlainText() == "1. Hoàn thành kế hoạch."
    assert services.meetings.get_resolution(meeting_id).body == "Bản của cửa sổ khác."

    saved, _ = save_answering(dialog.save, KEEP_MINE)
    assert saved and services.meetings.get_resolution(meeting_id).body == "1. Hoàn thành kế hoạch."

    change_elsewhere(data_dir, lambda other: other.meetings.delete_resolution(meeting_id))
    type_text(dialog.body, " 2. Chuẩn bị kiểm điểm.")
    saved, seen = save_answering(dialog.save, KEEP_MINE)  # deleted meanwhile: says so; keeping writes it anew
    assert saved and "vừa bị xoá ở nơi khác" in seen[0]
    assert services.meetings.get_resolution(meeting_id).body == "1. Hoàn thành kế hoạch. 2. Chuẩn bị kiểm điểm."


def test_a_resolution_changed_elsewhere_shows_the_banner(qtbot, services, data_dir, meeting_id, boxes):
    services.meetings.save_resolution(meeting_id, ResolutionInput(body="Lúc mở.", signer_name="Nguyễn Văn Đức"))
    poll = poll_from(services)
    dialog = ResolutionDialog(services, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.title, "về nhiệm vụ")
    change_elsewhere(data_dir, _theirs(meeting_id, "Bản của dòng lệnh."))
    poll.look_outside()
    banner = dialog.elsewhere_banner
    assert banner.isVisible() and CHANGED in banner.label.text() and dialog.title.text() == "về nhiệm vụ"
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.body.toPlainText() == "Bản của dòng lệnh." and dialog.title.text() == "về nhiệm vụ tháng 10"
    assert not banner.isVisible() and not dialog.unsaved
