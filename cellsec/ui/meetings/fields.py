"""Fields of the minutes editor: a plain-text box that cleans what is pasted from Word, a time field
("8:30", "8h30", "08 giờ 30"), a member picker that also takes a free name (a guest), and the read-only
switch used once minutes are approved."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from ...domain.text import clean_line, clean_text

_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:(?::|h|H|\.|giờ)\s*(\d{1,2})?\s*(?:phút|p)?)?\s*$")


def parse_time(text: str) -> dt.time | None:
    """'8:30', '8h30', '8.30', '8 giờ 30 phút', '8' -> time; '' -> None; ValueError otherwise."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hour, minute)  # ValueError for 25:00 or 8:75



class PlainTextEdit(QPlainTextEdit):
    """Multi-line text that pastes as clean plain text: paragraphs kept, Word's hidden junk (non-breaking
    and zero-width spaces, soft hyphens, runs of blank lines) dropped. Tab moves to the next field."""

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            text = source.text()
        elif source.hasHtml():
            text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        else:
            return
        self.insertPlainText(clean_text(text))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()


class TimeField(QLineEdit):
    """A clock time typed as 'hh:mm' (also '8h30', '8 giờ 30'); empty means not given yet."""

    time_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setMaxLength(16)
        self.setMaximumWidth(110)
        self.textChanged.connect(self.time_changed)
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.time | None:
        """The time, None when empty or not a time (see `error`)."""
        try:
            return parse_time(self.text())
        except ValueError:
            return None

    def set_value(self, value: dt.time | None) -> None:
        self.setText(value.strftime("%H:%M") if value else "")

    def error(self) -> str:
        try:
            parse_time(self.text())
        except ValueError:
            return self.tr("Not a time of day; type it like 08:30.")
        return ""

    def _tidy(self) -> None:
        value = self.value()
        if value is not None and self.text() != value.strftime("%H:%M"):
            self.setText(value.strftime("%H:%M"))


class MemberPicker(QComboBox):
    """Choose a member of the meeting's attendance list, or type any other name (a guest, someone from
    the upper committee). `value()` gives (member id or None, name)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.editTextChanged.connect(self.picked)

    def set_people(self, members: list[tuple[str, str]], guests: list[str] = ()) -> None:
        """members: (member id, name); guests: names. Keeps what is typed or chosen."""
        member_id, name = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for mid, full_name in members:
            self.addItem(full_name, mid)
        for guest in guests:
            if guest and self.findText(guest) < 0:
                self.addItem(guest, None)
        self._show(member_id, name)
        self.blockSignals(False)

    def value(self) -> tuple[str | None, str]:
        name = clean_line(self.currentText())
        if not name:
            return None, ""
        index = self.findText(name)
        return (self.itemData(index) if index >= 0 else None), name

    def set_value(self, member_id: str | None, name: str) -> None:
        self.blockSignals(True)
        self._show(member_id, name)
        self.blockSignals(False)

    def _show(self, member_id: str | None, name: str) -> None:
        index = self.findData(member_id) if member_id else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(0)
            self.setEditText(name or "")


def centered(widget: QWidget) -> QWidget:
    """`widget` centred in a table cell."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
    return box
