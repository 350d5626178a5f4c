"""Never lose a word, in the resolution too: the app is killed (SIGKILL, no chance to save) while the
secretary types the resolution; reopening it offers back everything typed before the last autosave."""

from __future__ import annotations

import signal

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.meetings.resolution import ResolutionDialog

from ..kill_child import child_code, run_and_kill
from ...services.meeting_data import D, add_members, fill

BEFORE = " Chi bộ giao đồng chí Hồng chuẩn bị hồ sơ kết nạp đảng viên mới."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child (see kill_child): the real resolution dialog on the data folder, typing at the end of the body.
CHILD = child_code("""
    from PySide6.QtGui import QTextCursor
    from cellsec.ui.meetings.resolution import ResolutionDialog

    window = ResolutionDialog(services, args[0])
    saved = window.keeper.saved
    field = window.body
    field.moveCursor(QTextCursor.MoveOperation.End)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_the_resolution_the_reopened_dialog_offers_the_text(qtbot, services, data_dir):
    people = add_members(services)
    meeting = services.meetings.create("thuong_ky", D(2025, 9, 25))
    fill(services, meeting.id, people)
    _lines, saved_after_typing = run_and_kill(CHILD, str(data_dir), meeting.id, BEFORE, AFTER)

    check_integrity(data_dir / DB_NAME)
    reopened = Services.open(data_dir)
    try:
        assert reopened.meetings.get_resolution(meeting.id) is None  # never really saved
        dialog = ResolutionDialog(reopened, meeting.id)
        qtbot.addWidget(dialog)
        text = dialog.body.toPlainText()
        assert text.startswith("1. Hoàn thành kế hoạch tháng.") and BEFORE.strip() in text
        assert (AFTER.strip() in text) == saved_after_typing
        assert dialog.recovered_banner.isVisibleTo(dialog) and dialog.unsaved
        dialog.keeper.stop()
        dialog.unsaved = False  # the test closes the window without the save question
    finally:
        reopened.close()
