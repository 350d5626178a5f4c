"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types into the
minutes; the reopened draft holds everything typed before the last autosave, and the database is sound."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.meetings.editor import CONTENT, MeetingEditor

from ...services.meeting_data import D, add_members

BEFORE = "Chi bộ thống nhất kiểm điểm đảng viên cuối năm 2025."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child: the real editor on the data folder, offscreen. It reports every autosave on stdout, types,
# waits for an autosave, types more, says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.meetings.editor import CONTENT, MeetingEditor

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    editor = MeetingEditor(services, sys.argv[2])
    editor.autosaved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    editor.show()
    editor.tabs.setCurrentIndex(CONTENT)
    field = editor.content_tab.presentation
    field.setFocus()

    def type_text(text):
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    type_text(sys.argv[3])
    loop = QEventLoop()
    editor.autosaved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    type_text(sys.argv[4])
    print("TYPED", flush=True)
    sys.exit(app.exec())
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_the_reopened_draft_holds_the_autosaved_text(qtbot, services, data_dir):
    add_members(services)
    meeting = services.meetings.create("thuong_ky", D(2025, 9, 25))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), meeting.id, BEFORE, AFTER],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("TYPED"):
                os.kill(child.pid, signal.SIGKILL)  # mid-editing: the last words are not saved yet
                break
    finally:
        if child.poll() is None:
            child.kill()
        rest, errors = child.communicate(timeout=30)
    lines += [line.strip() for line in rest.splitlines()]
    assert child.returncode == -signal.SIGKILL, errors
    autosaves_before_kill = lines.index("TYPED")
    assert autosaves_before_kill >= 1, errors  # the first autosave happened while the child ran
    saved_after_typing = any(line.startswith("AUTOSAVED") for line in lines[lines.index("TYPED") + 1:])

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
