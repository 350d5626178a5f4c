"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types into the
minutes; the reopened draft holds everything typed before the last autosave, and the database is sound."""

from __future__ import annotations

import signal

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.meetings.editor import CONTENT, MeetingEditor

from ..kill_child import child_code, run_and_kill
from ...services.meeting_data import D, add_members

BEFORE = "Chi bộ thống nhất kiểm điểm đảng viên cuối năm 2025."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child (see kill_child): the real editor on the data folder, typing into a presentation of the agenda.
CHILD = child_code("""
    from cellsec.ui.meetings.editor import CONTENT, MeetingEditor

    window = MeetingEditor(services, args[0])
    window.tabs.setCurrentIndex(CONTENT)
    field = window.content_tab.presentation
    saved = window.autosaved
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_the_reopened_draft_holds_the_autosaved_text(qtbot, services, data_dir):
    add_members(services)
    meeting = services.meetings.create("thuong_ky", D(2025, 9, 25))
    _lines, saved_after_typing = run_and_kill(CHILD, str(data_dir), meeting.id, BEFORE, AFTER)

    check_integrity(data_dir / DB_NAME)  # quick_check: the file survived the kill intact
    reopened = Services.open(data_dir)
    try:
        record = reopened.meetings.get(meeting.id)
        assert record.autosaved_at is not None
        item = next(i for i in record.content.agenda if i.presentation)
        assert item.presentation.startswith(BEFORE)
        # What was typed after the last autosave is lost (unless one more autosave beat the kill).
        assert (AFTER.strip() in item.presentation) == saved_after_typing

        # The secretary reopens the minutes: the editor shows the recovered text.
        editor = MeetingEditor(reopened, meeting.id)
        qtbot.addWidget(editor)
        editor.tabs.setCurrentIndex(CONTENT)
        shown = [i.presentation for i in editor.content.agenda]
        assert any(text.startswith(BEFORE) for text in shown)
        assert editor.content_tab.presentation.toPlainText().startswith(BEFORE)
        assert editor.banner.isVisibleTo(editor)
        editor.keeper.stop()
    finally:
        reopened.close()
