"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types into a score
sheet; reopening the sheet offers back everything typed before the last autosave."""

from __future__ import annotations

import signal

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

from ..kill_child import child_code, run_and_kill

YEAR = 2025
BEFORE = "Chi bộ hoàn thành tốt nhiệm vụ, đề nghị Đảng ủy xem xét công nhận."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# The child (see kill_child): the real sheet on the data folder, typing into the assessment.
CHILD = child_code("""
    from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

    window = ScoreSheetDialog(services, "cell", year=int(args[0]))
    window.tabs.setCurrentIndex(1)
    field = window.assessment_note
    saved = window.keeper.saved
""")


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
