"""Start-up probe for the packaged-app tests and bench/frozen_startup.py (CELLSEC_PROBE=FILE).

They start the real program (frozen or from source) as a user would and need to know which window it
opened first (the setup wizard on a first run, else the main window, or a message box when something is
wrong) and when that window first painted. At that first paint the probe writes one JSON object to FILE:
{"window": class name, "title": ..., "text": a message box's text, "painted_at": seconds since the epoch},
then closes the window (a dialog ends as cancelled, without the questions a user's Cancel may ask; the main
window is closed)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


class FirstPaintProbe(QObject):
    def __init__(self, app: QApplication, report: Path) -> None:
        super().__init__(app)
        self.app = app
        self.report = report
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            if window.isVisible():
                self.done = True
                self._write(window, time.time())
                QTimer.singleShot(0, lambda: self._close(window))
        return False

    def _write(self, window: QWidget, painted_at: float) -> None:
        text = window.text() if isinstance(window, QMessageBox) else ""
        self.report.write_text(json.dumps({"window": type(window).__name__, "title": window.windowTitle(),
                                           "text": text, "painted_at": painted_at}, ensure_ascii=False),
                               encoding="utf-8")

    def _close(self, window: QWidget) -> None:
        if isinstance(window, QDialog):
            window.done(QDialog.DialogCode.Rejected)  # start-up then stops, as when the wizard is cancelled
        else:
            window.close()
            self.app.quit()


def install_probe(app: QApplication, report: Path) -> FirstPaintProbe:
    probe = FirstPaintProbe(app, report)
    app.installEventFilter(probe)
    return probe
