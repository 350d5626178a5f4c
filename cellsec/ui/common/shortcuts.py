"""Keyboard shortcuts limited to one widget.

PySide6 drops the `context` given to QShortcut's constructor together with a slot (the shortcut stays a
window-wide one): Enter meant for the members list then fired while the user typed in the window's search
box, and opened the selected row instead of the chosen result. Set the context after construction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def shortcut(keys, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QShortcut:
    """A shortcut on `parent` active only where `context` says (by default: while `parent` has the focus)."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made
