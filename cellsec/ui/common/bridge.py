"""Turns service change events into a Qt signal, so pages refresh what they show after any mutation."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..services.context import Change


class ChangeNotifier(QObject):
    changed = Signal(object)  # Change

    def __init__(self, services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        services.ctx.subscribe(self._emit)

    def _emit(self, change: Change) -> None:
        self.changed.emit(change)
