"""The meeting's resolution: written from the editor, saved as a draft, issued with its own number,
locked, and printed with the "T/M CHI BỘ / BÍ THƯ" signature."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cellsec.ui.meetings.editor import VOTES, MeetingEditor

from ...reports.pdfcheck import pages_text
from ...services.meeting_data import D, add_members, fill
from ..conftest import retype, type_text


@pytest.fixture
def approved(services):
    people = add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    fill(services, record.id, people)
    return services.meetings.approve(record.id)


def test_write_issue_and_print_the_resolution(qtbot, services, approved, boxes, monkeypatch):
    editor = MeetingEditor(services, approved.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(VOTES)
    assert editor.votes.document_status.text().startswith("Chưa có văn bản nghị quyết")
    assert editor.votes.edit_resolution_button.isEnabled()  # approved minutes may still get their resolution
    dialog = editor.open_resolution()
    assert dialog.status.text().startswith("Nghị quyết mới (chưa lưu)")
    assert dialog.body.toPlainText().startswith("1. Hoàn thành kế hoạch tháng.")  # no second "quyết nghị:"
    assert dialog.signer_name.text() == "Nguyễn Văn Đức"
    retype(dialog.title, "về nhiệm vụ tháng 10 năm 2025")
    dialog.body.setFocus()
    dialog.body.moveCursor(dialog.body.textCursor().MoveOperation.End)
    type_text(dialog.body, "\n3. Chuẩn bị kiểm điểm cuối năm.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = services.meetings.get_resolution(approved.id)
    assert stored.status == "draft" and stored.body.endswith("3. Chuẩn bị kiểm điểm cuối năm.")

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert "Số 05-NQ/CB" in boxes.texts("question")[-1]
    issued = services.meetings.get_resolution(approved.id)
    assert issued.status == "approved" and issued.number == "Số 01-NQ/CB"
    assert dialog.status.text().startswith("Nghị quyết Số 01-NQ/CB, ban hành ngày 25/09/2025")
    assert dialog.body.isReadOnly() and not dialog.issue_button.isEnabled()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.output.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(dialog.output.last_preview)
    assert dialog.output.last_preview.job.stem == "nghi-quyet-so-01-nq-cb-2025-09-25"
    text = " ".join(" ".join(pages_text(dialog.output.last_path)).split())
    for expected in ("NGHỊ QUYẾT", "về nhiệm vụ tháng 10 năm 2025", "Số 01-NQ/CB", "T/M CHI BỘ", "BÍ THƯ",
                     "Chuẩn bị kiểm điểm cuối năm"):
        assert expected in text, expected
    dialog.close()
    assert editor.votes.document_status.text() == "Nghị quyết Số 01-NQ/CB, đã ban hành."


def test_closing_an_edited_draft_resolution_saves_it(qtbot, services, approved):
    editor = MeetingEditor(services, approved.id)
    qtbot.addWidget(editor)
    dialog = editor.open_resolution()
    retype(dialog.signer_name, "Trần Thị Hồng")
    dialog.signer_role.setEditText("PHÓ BÍ THƯ")
    dialog.close()
    stored = services.meetings.get_resolution(approved.id)
    assert (stored.signer_name, stored.signer_role) == ("Trần Thị Hồng", "PHÓ BÍ THƯ")


def test_issue_shows_the_services_errors_before_asking(qtbot, services, approved, boxes):
    editor = MeetingEditor(services, approved.id)
    qtbot.addWidget(editor)
    dialog = editor.open_resolution()
    dialog.body.clear()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert boxes.texts("warning")[-1] == "Nghị quyết chưa có nội dung."
    assert boxes.texts("question") == []  # no "Ban hành…?" before the errors
    assert dialog.messages["body"].text() == "Nghị quyết chưa có nội dung."
    assert services.meetings.get_resolution(approved.id).status == "draft"
    assert services.meetings.issue_problems(approved.id) == {"body": "Nghị quyết chưa có nội dung."}
    dialog.close()
