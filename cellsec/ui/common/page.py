"""The base of every page of the main window: it listens to the change events and refreshes only what a
change touches, only when it is visible. A hidden page marks itself stale and refreshes when shown, so one
action never makes pages the secretary cannot see recompute (the overview's reminders, say). It also re-reads its texts when the language changes, through the page's
`retranslate()`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the services (SQLAlchemy under them) may load after the page is built (the overview)
    from ...services.context import Change


class Page(QWidget):
    # The tables whose changes this page shows; a change to anything else is ignored.
    WATCHES: frozenset[str] = frozenset()

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.notifier = notifier
        self._stale = False
        self._retranslate_pending = False
        if notifier is not None:
            notifier.changed.connect(self._on_change)

    def attach(self, services, notifier) -> None:
        """Give the data to a page built before the store was opened (start-up builds the overview with
        services None, showing figures read without SQLAlchemy); it then follows the changes as any page."""
        self.services, self.notifier = services, notifier
        notifier.changed.connect(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.initiator is self or not change.touches(self.WATCHES):
            return
        if self.isVisible():
            self.apply_change(change)
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.apply_change(None)

    def changeEvent(self, event) -> None:
        # Deferred: the services' own texts switch language only after Qt's translators are swapped.
        if (event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending
                and hasattr(self, "retranslate")):
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self._retranslate_now)
        super().changeEvent(event)

    def _retranslate_now(self) -> None:
        self._retranslate_pending = False
        self.retranslate()

    def apply_change(self, change: Change | None) -> None:
        """Show `change` (None: anything may have changed while hidden). Pages that can refresh one part
        or one row override this; the default reloads the page (every page has `refresh()`)."""
        self.refresh()
