"""Small form helpers shared by the dialogs: a dd/mm/yyyy date field and the message shown under a field."""

from __future__ import annotations

import datetime as dt
import re

from pathlib import Path

from PySide6.QtCore import QObject, QRegularExpression, Signal, QUrl
from PySide6.QtGui import QDesktopServices, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError, format_date, parse_date
from .colors import ERROR_COLOR, WARNING_COLOR  # noqa: F401  (re-exported: the forms' messages use them)

VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))
_PARTIAL_DATE = re.compile(r"^\d{1,2}([/.\-]\d{0,2}([/.\-]\d{0,3})?)?$")


MUTED = "color: palette(placeholder-text);"


class FieldMessage(QLabel):
    """The message under a field: red for an error, amber for a warning, hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.kind = ""
        # Its line is kept while hidden, so a message appearing as the user types does not push the fields
        # below it down (and back up when it goes).
        self.setMinimumHeight(self.fontMetrics().lineSpacing())
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
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


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value if value is not None else "")
    combo.setCurrentIndex(max(index, 0))


def muted_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(MUTED)
    if name:
        label.setObjectName(name)
    return label


def banner(name: str) -> QLabel:
    """A pale-yellow notice across the top of an editor (locked, amending, read-only rule set)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff4d6; border: 1px solid #e0c36e; border-radius: 3px; padding: 6px;")
    label.hide()
    return label


def top_aligned(widget: QWidget) -> QWidget:
    """A table cell widget that keeps its natural height at the top of a tall (wrapped) row."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(2, 2, 2, 2)
    layout.addWidget(widget)
    layout.addStretch(1)
    holder.inner = widget
    return holder


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class FileSteps(QObject):
    """Ask where to save a document (remembering the folder), and offer to open it once written."""

    def ask_path(self, parent: QWidget, services, title: str, suggested: str, suffix: str) -> Path | None:
        filters = {".pdf": self.tr("PDF document (*.pdf)"), ".xlsx": self.tr("Excel workbook (*.xlsx)"),
                   ".docx": self.tr("Word document (*.docx)"),
                   ".cellsec-sync": self.tr("CellSec sync file (*.cellsec-sync)")}
        folder = Path(services.ctx.get_setting("export_folder", str(Path.home())) or Path.home())
        name, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested), filters[suffix])
        if not name:
            return None
        services.ctx.set_setting("export_folder", str(Path(name).parent))
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def offer_open(self, parent: QWidget, path: Path) -> None:
        answer = QMessageBox.question(parent, self.tr("Done"),
                                      self.tr("Saved to {path}.").format(path=path) + "\n\n" + self.tr("Open it now?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


FILES = FileSteps()


def slug(text: str) -> str:
    """A file-name fragment from a Vietnamese name ("Nguyễn Văn An" -> "nguyen-van-an")."""
    from ...domain.text import fold

    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(text)).split())


def local_clock(instant: dt.datetime) -> str:
    """'14:32:05' in Vietnam time (instants are stored in UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.timezone.utc)
    return instant.astimezone(VIETNAM_TIME).strftime("%H:%M:%S")


def vietnam_time_of_local(moment: dt.datetime) -> str:
    """'05/02/2026 14:32' in Vietnam time for a moment stamped by the laptop's own clock (a backup's name):
    a naive time is the laptop's local time, whatever zone the laptop is set to."""
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")


def _locked_look(widget: QWidget, read_only: bool) -> None:
    """A locked field has the window's grey instead of the white of a field that takes typing, so a
    finalised record looks read-only before anyone tries to type in it."""
    if read_only:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        widget.setPalette(palette)
    else:
        widget.setPalette(QPalette())  # back to the inherited palette


def set_read_only(root: QWidget, read_only: bool) -> None:
    """Lock every editing widget under `root` (approved minutes are immutable). Text stays selectable
    and copyable; buttons that change something carry the property "edits" and are disabled."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            if isinstance(widget.parent(), QComboBox):
                continue
            widget.setReadOnly(read_only)
            _locked_look(widget, read_only)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setReadOnly(read_only)
            _locked_look(widget, read_only)
            widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
                                    else QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        elif isinstance(widget, QComboBox):
            widget.setEnabled(not read_only)
        elif isinstance(widget, QAbstractButton) and (widget.isCheckable() or widget.property("edits")):
            widget.setEnabled(not read_only)
        elif isinstance(widget, QAbstractItemView) and widget.property("edits"):
            if widget.property("edit_triggers") is None:
                widget.setProperty("edit_triggers", int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else QAbstractItemView.EditTrigger(widget.property("edit_triggers")))
