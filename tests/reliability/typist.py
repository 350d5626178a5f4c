"""A secretary typing without pause into a real editor, offscreen, until the process is killed
(tests/reliability/test_autosave_kill.py). Usage: typist.py DATA_DIR EDITOR TEXT

EDITOR is "member" (the member dialog's note) or "score_sheet" (the cell's 5-good sheet's assessment note).
One character goes in every KEY_MS as a real key event; after each one the child prints
"K <characters typed> <time.monotonic()>", so the killer knows what was on screen when it struck.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

KEY_MS = 60  # a fast typist: about 16 characters a second


def open_editor(services, kind: str):
    """(editor, field typed into, the draft's kind, key and payload key)."""
    if kind == "member":
        from cellsec.ui.members.dialog import MemberDialog

        dialog = MemberDialog(services)
        return dialog, dialog.edits["note"]
    from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

    sheet = ScoreSheetDialog(services, "cell", year=2025)
    sheet.tabs.setCurrentIndex(1)
    return sheet, sheet.assessment_note


def main() -> None:
    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    editor, field = open_editor(services, sys.argv[2])
    text = sys.argv[3]
    editor.show()
    field.setFocus()
    typed = 0

    def key() -> None:
        nonlocal typed
        ch = text[typed % len(text)]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        typed += 1
        print("K", typed, time.monotonic(), flush=True)

    QTimer(app, interval=KEY_MS, timeout=key, timerType=Qt.TimerType.PreciseTimer).start()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
