"""Turns service change events into a Qt signal, so pages refresh what they show after any mutation.

A widget that acts wraps its service calls in `notifier.action(self)`: the changes are announced once,
after the calls return, naming the widget, which then does not reload what it has just shown. Changes
made on a worker thread reach the listeners on the UI thread (a signal across threads is queued).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Signal

from ...services.context import Change


class ChangeNotifier(QObject):
    changed = Signal(object)  # Change

    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = services.ctx
        services.ctx.subscribe(self._emit)

    def action(self, initiator: QObject | None = None) -> AbstractContextManager[None]:
        return self._ctx.action(initiator)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
