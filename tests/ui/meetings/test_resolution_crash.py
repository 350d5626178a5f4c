"""Never lose a word, in the resolution too: the app is killed (SIGKILL, no chance to save) while the
secretary types the resolution; reopening it offers back everything typed before the last autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.meetings.resolution import ResolutionDialog

from ...services.meeting_data import D, add_members, fill

BEFORE = " Chi bộ giao đồng chí Hồng chuẩn bị hồ sơ kết nạp đảng viên mới."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child: the real resolution dialog on the data folder, offscreen. It reports every autosave, types at
# the end of the body, waits for an autosave, types more, says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.meetings.resolution import ResolutionDialog

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    dialog = ResolutionDialog(services, sys.argv[2])
    dialog.keeper.saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    dialog.show()
    field = dialog.body
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)

    def type_text(text):
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    type_text(sys.argv[3])
    loop = QEventLoop()
    dialog.keeper.saved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    type_text(sys.argv[4])
    print("TYPED", flush=True)
    sys.exit(app.exec())
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_the_resolution_the_reopened_dialog_offers_the_text(qtbot, services, data_dir):
    people = add_members(services)
    meeting = services.meetings.create("thuong_ky", D(2025, 9, 25))
    fill(services, meeting.id, people)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), meeting.id, BEFORE, AFTER],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("TYPED"):
                os.kill(child.pid, signal.SIGKILL)  # mid-typing: the last words are not saved yet
                break
    finally:
        if child.poll() is None:
            child.kill()
        rest, errors = child.communicate(timeout=30)
    lines += [line.strip() for line in rest.splitlines()]
    assert child.returncode == -signal.SIGKILL, errors
    assert lines.index("TYPED") >= 1, errors  # an autosave happened while the child ran
    saved_after_typing = any(line.startswith("AUTOSAVED") for line in lines[lines.index("TYPED") + 1:])

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
