"""Turns service change events into a Qt signal, so pages refresh what they show after any mutation.

A widget that acts wraps its service calls in `notifier.action(self)`: the changes are announced once,
after the calls return, naming the widget, which then does not reload what it has just shown. Changes
made on a worker thread reach the listeners on the UI thread (a signal across threads is queued).
Changes committed by another process (the command line, a second window, a sync run elsewhere) are looked
for every OUTSIDE_POLL_MS and announced the same way, naming no initiator, so every page follows them.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, QTimer, Signal

from ...services.context import Change

OUTSIDE_POLL_MS = 2000  # one indexed max() query; a change made elsewhere shows within two seconds


class ChangeNotifier(QObject):
    changed = Signal(object)  # Change

    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = services.ctx
        services.ctx.subscribe(self._emit)
        self.outside_timer = QTimer(self, interval=OUTSIDE_POLL_MS, timeout=self.look_outside)
        self.outside_timer.start()
        self.look_outside()  # the starting point

    def action(self, initiator: QObject | None = None) -> AbstractContextManager[None]:
        return self._ctx.action(initiator)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)

    def look_outside(self) -> None:
        change = self._ctx.outside_changes()
        if change is not None:
            self._ctx.notify(change)
