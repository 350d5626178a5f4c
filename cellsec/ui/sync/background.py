"""Sync in the background while the window is open and the laptop is connected: shortly after start,
then every few minutes. Never blocks the window; a failure (no network) just waits for the next try,
and the Đồng bộ page says what happened when the secretary looks."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ..common.workers import run_in_background

FIRST_TRY_MS = 20 * 1000
EVERY_MS = 10 * 60 * 1000


class BackgroundSync(QObject):
    finished = Signal(object)  # the SyncResult, or the exception of a failed try

    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.task = None
        self.timer = QTimer(self, interval=EVERY_MS, timeout=self.try_now)
        self.timer.start()
        QTimer.singleShot(FIRST_TRY_MS, self.try_now)

    def try_now(self) -> None:
        if self.task is not None or not self.services.sync.status().online:  # not a file-only laptop
            return
        self.task = run_in_background(None, self.services.sync.sync_now, on_done=self._done, on_error=self._done)

    def _done(self, outcome) -> None:
        self.task = None
        self.finished.emit(outcome)
