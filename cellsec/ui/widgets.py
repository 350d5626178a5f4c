"""Small form helpers shared by the dialogs: a dd/mm/yyyy date field and the message shown under a field."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.dates import DateParseError, format_date, parse_date

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"  # a dark amber: readable on white, clearly not an error
_PARTIAL_DATE = re.compile(r"^\d{1,2}([/.\-]\d{0,2}([/.\-]\d{0,3})?)?$")


class FieldMessage(QLabel):
    """The message under a field: red for an error, amber for a warning, hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.kind = ""
        self.hide()

    def set_error(self, text: str) -> None:
        self._set("error", text, ERROR_COLOR)

    def set_warning(self, text: str) -> None:
        self._set("warning", text, WARNING_COLOR)

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()

    def show_result(self, key: str, errors: dict[str, str], warnings: dict[str, str]) -> None:
        if errors.get(key):
            self.set_error(errors[key])
        elif warnings.get(key):
            self.set_warning(warnings[key])
        else:
            self.clear_message()

    def _set(self, kind: str, text: str, color: str) -> None:
        if not text:
            self.clear_message()
            return
        self.kind = kind
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.show()


def with_message(field: QWidget) -> tuple[QWidget, FieldMessage]:
    """A field with its message label right under it, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    message = FieldMessage(box)
    layout.addWidget(message)
    return box, message


class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (also d/m/yyyy, with . or -); empty means "no date"."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\- ]{0,12}"), self))
        self.setMaxLength(12)
        self.setClearButtonEnabled(True)
        self.textChanged.connect(self.date_changed)
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.date | None:
        """The date, None when empty. Raises DateParseError for text that is not a date."""
        return parse_date(self.text())

    def set_value(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def error(self) -> str:
        """The Vietnamese message for text that is not a date ("" when empty or valid)."""
        try:
            parse_date(self.text())
        except DateParseError as exc:
            return str(exc)
        return ""

    def is_being_typed(self) -> bool:
        """True while the user is still typing a date that could become valid: no message yet."""
        text = self.text().strip()
        return self.hasFocus() and bool(_PARTIAL_DATE.match(text)) and len(text) < 10

    def _tidy(self) -> None:
        # "5/2/2026" becomes "05/02/2026" once the user leaves the field, the way it is printed.
        try:
            value = parse_date(self.text())
        except DateParseError:
            return
        if value is not None and self.text() != format_date(value):
            self.setText(format_date(value))
        self.date_changed.emit()


def parse_money(text: str) -> int | None:
    """'5.200.000' or '5200000 đ' -> 5200000; empty -> 0; None for text that is not an amount."""
    digits = re.sub(r"[\s.,đĐ]|VND|vnd", "", text)
    if not digits:
        return 0
    return int(digits) if digits.isdigit() else None


def format_money(value: int) -> str:
    """5200000 -> '5.200.000' (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")
