"""Chuẩn bị: the checklist (materials shared too late are flagged), invited guests who can then speak,
the agenda template edited and applied; attendance marked from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cellsec.ui.meetings.editor import ATTENDANCE, CONTENT, PREPARATION, MeetingEditor
from cellsec.ui.meetings.preparation import AgendaTemplateDialog

from ...services.meeting_data import D, add_members
from ..conftest import retype


@pytest.fixture
def editor(qtbot, services):
    people = add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.people_ids = people
    return editor


def test_checklist_and_guests(qtbot, services, editor):
    prep = editor.preparation
    editor.tabs.setCurrentIndex(PREPARATION)
    qtbot.mouseClick(prep.checks["committee_met"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(prep.materials, Qt.MouseButton.LeftButton)
    assert prep.materials_on.text() == "24/09/2025"  # proposed: the day before
    retype(prep.materials_on, "25/09/2025")
    assert prep.materials_message.text() == "Tài liệu gửi ngày 25/09/2025, chưa đủ 1 ngày trước buổi sinh hoạt."
    assert prep.materials_message.kind == "warning"

    qtbot.mouseClick(prep.add_guest_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate(("Nguyễn Thị Minh Nguyệt", "Đảng ủy viên", "Đảng ủy Báo Nghệ An")):
        prep.guests.item(0, column).setText(text)
    assert editor.save()
    c = services.meetings.get(editor.meeting_id).content
    assert c.checklist.committee_met and c.checklist.materials_shared_on == D(2025, 9, 25)
    assert [(g.name, g.position, g.unit) for g in c.guests] == [
        ("Nguyễn Thị Minh Nguyệt", "Đảng ủy viên", "Đảng ủy Báo Nghệ An")]

    # A guest can be chosen as a speaker.
    editor.tabs.setCurrentIndex(CONTENT)
    card = editor.content_tab.add_speech()
    assert card.speaker.findText("Nguyễn Thị Minh Nguyệt") >= 0
    card.speaker.setCurrentIndex(card.speaker.findText("Nguyễn Thị Minh Nguyệt"))
    assert editor.content.agenda[0].speeches[0].speaker_name == "Nguyễn Thị Minh Nguyệt"
    assert editor.content.agenda[0].speeches[0].speaker_member_id is None


def test_edit_the_agenda_template_then_take_it(qtbot, services, editor, boxes):
    dialog = AgendaTemplateDialog(services, "thuong_ky", editor)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText().startswith("Sinh hoạt \"Học tập và làm theo")
    dialog.text.setPlainText("Thông báo thời sự\nĐánh giá nhiệm vụ tháng {prev_month}, nhiệm vụ tháng {month}")
    dialog.save()
    assert services.meetings.agenda_template()["thuong_ky"][0] == "Thông báo thời sự"

    editor.content.agenda[0].title = "Thông báo thời sự"
    editor.content.agenda[0].presentation = "Đã ghi ở mục này."
    qtbot.mouseClick(editor.preparation.template_button, Qt.MouseButton.LeftButton)
    assert "Các nội dung không có trong mẫu sẽ bị xóa" not in " ".join(boxes.texts())  # nothing written is lost
    titles = [editor.preparation.agenda.item(i).text() for i in range(editor.preparation.agenda.count())]
    assert titles == ["1. Thông báo thời sự", "2. Đánh giá nhiệm vụ tháng 8, nhiệm vụ tháng 9"]
    assert editor.content.agenda[0].presentation == "Đã ghi ở mục này."  # kept: same title
    assert editor.content_tab.items.count() == 2

    dialog = AgendaTemplateDialog(services, "thuong_ky", editor)
    qtbot.addWidget(dialog)
    dialog.restore()
    dialog.save()
    assert services.meetings.agenda_template() == services.meetings.default_agenda_template()


def test_attendance_keys_mark_the_selected_member(qtbot, services, editor):
    editor.tabs.setCurrentIndex(ATTENDANCE)
    tab = editor.attendance
    son = editor.people_ids["Hoàng Văn Sơn"]
    tab.table.setFocus()
    tab.table.setCurrentCell(tab.rows[son], 1)
    qtbot.keyClick(tab.table, Qt.Key.Key_3)
    assert tab.status_of(son) == "absent_without_reason"
    assert "vắng không lý do: 1 (Hoàng Văn Sơn)" in tab.counts.text()
    assert services.meetings.get(editor.meeting_id).summary.absent_without_reason == ("Hoàng Văn Sơn",)
    assert "Vắng không lý do: Hoàng Văn Sơn." in editor.flags.text()
    qtbot.keyClick(tab.table, Qt.Key.Key_1)
    assert tab.status_of(son) == "present"
    qtbot.mouseClick(tab.all_present, Qt.MouseButton.LeftButton)
    assert services.meetings.get(editor.meeting_id).summary.present == 5
