"""Keyboard shortcuts limited to one widget.

PySide6 drops the `context` given to QShortcut's constructor together with a slot (the shortcut stays a
window-wide one): Enter meant for the members list then fired while the user typed in the window's search
box, and opened the selected row instead of the chosen result. Set the context after construction.

The redo keys of text boxes (TextRedo) are installed once for the whole application at start-up."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def shortcut(keys, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QShortcut:
    """A shortcut on `parent` active only where `context` says (by default: while `parent` has the focus)."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made


# Both redo keys of the issue, whatever the platform: Qt's text boxes know only the platform's own (on
# GNOME, Ctrl+Y is not Redo, so in the main window it reached the window's Redo of a whole saved action).
REDO_KEYS = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
_TEXT_REDO = "cellsec_text_redo"


def _editable_text(widget) -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    """The text box a key typed into `widget` edits, if it is one that can change."""
    if isinstance(widget, QComboBox):
        widget = widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
        return widget
    return None


def _is_redo(event) -> bool:
    typed = QKeySequence(event.keyCombination())
    return any(typed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch for keys in REDO_KEYS)


class TextRedo(QObject):
    """Ctrl+Y and Ctrl+Shift+Z redo the typing undone in the text box that has the focus, in every window."""

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and _is_redo(event):
            box = _editable_text(watched)
            if box is not None:
                if kind == QEvent.Type.KeyPress:
                    box.redo()
                event.accept()  # the override: the text box takes the key before any window shortcut
                return True
        return False


def install_text_redo(app: QApplication) -> TextRedo:
    """Watch every window of the program for the redo keys (once per application)."""
    found = app.findChild(TextRedo, _TEXT_REDO)
    if found is not None:
        return found
    redo = TextRedo(app)
    redo.setObjectName(_TEXT_REDO)
    app.installEventFilter(redo)
    return redo
