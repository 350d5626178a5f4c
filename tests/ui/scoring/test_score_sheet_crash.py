"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types into a score
sheet; reopening the sheet offers back everything typed before the last autosave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

YEAR = 2025
BEFORE = "Chi bộ hoàn thành tốt nhiệm vụ, đề nghị Đảng ủy xem xét công nhận."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child: the real sheet on the data folder, offscreen. It reports every autosave on stdout, types,
# waits for an autosave, types more, says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    sheet = ScoreSheetDialog(services, "cell", year=int(sys.argv[2]))
    sheet.keeper.saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    sheet.show()
    sheet.tabs.setCurrentIndex(1)
    field = sheet.assessment_note
    field.setFocus()

    def type_text(text):
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    type_text(sys.argv[3])
    loop = QEventLoop()
    sheet.keeper.saved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    type_text(sys.argv[4])
    print("TYPED", flush=True)
    sys.exit(app.exec())
""")


def run_and_kill(child_code: str, *args: str) -> tuple[list[str], bool]:
    """Start the child, SIGKILL it once it has typed past an autosave; (its lines, whether an autosave
    happened after the last words)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", child_code, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
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
    assert lines.index("TYPED") >= 1, errors  # the first autosave happened while the child ran
    return lines, any(line.startswith("AUTOSAVED") for line in lines[lines.index("TYPED") + 1:])


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_the_reopened_sheet_holds_the_autosaved_text(qtbot, services, data_dir):
    services.close()  # the child owns the data folder while it runs
    _lines, saved_after_typing = run_and_kill(CHILD, str(data_dir), str(YEAR), BEFORE, AFTER)

    check_integrity(data_dir / DB_NAME)  # quick_check: the file survived the kill intact
    reopened = Services.open(data_dir)
    try:
        draft = reopened.drafts.load("score_sheet", f"cell:{YEAR}")
        assert draft is not None and draft.payload["note"].startswith(BEFORE)
        assert (AFTER.strip() in draft.payload["note"]) == saved_after_typing
        assert reopened.scoring.cell_sheet(YEAR).note == ""  # nothing was really saved

        # The secretary opens the sheet again: it shows the recovered text and says so.
        sheet = ScoreSheetDialog(reopened, "cell", year=YEAR)
        qtbot.addWidget(sheet)
        assert sheet.assessment_note.toPlainText().startswith(BEFORE)
        assert sheet.recovered_banner.isVisibleTo(sheet) and sheet.is_dirty()
        assert sheet.save()
        assert reopened.scoring.cell_sheet(YEAR).note.startswith(BEFORE)
        assert reopened.drafts.load("score_sheet", f"cell:{YEAR}") is None  # folded into the record
        sheet.keeper.stop()
    finally:
        reopened.close()
