"""Parts of the import dialog: the preview's table model (one row per row of the file, any number of
rows), the panel where the user says which column is which, and the relay that carries a worker's
progress to the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QWidget

from ...domain.dates import format_date
from ...domain.members import FIELD_LABELS
from ..common.widgets import ERROR_COLOR, WARNING_COLOR

REJECTED_BACKGROUND = "#fde7e7"


class ProgressRelay(QObject):
    """Emitted from the worker thread; Qt queues the call to the dialog on the UI thread."""

    progressed = Signal(int)


class PreviewModel(QAbstractTableModel):
    """The preview's rows; Qt asks only for the rows on screen, so 100,000 rows cost no widgets."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []
        self._headers = [self.tr("Row"), self.tr("Action"), self.tr("Full name"), self.tr("Date of birth"),
                         self.tr("Admitted"), self.tr("Citizen ID"), self.tr("Why skipped / notes")]
        self._rejected = QBrush(QColor(REJECTED_BACKGROUND))

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def action_text(self, row) -> str:
        if row.action == "add":
            return self.tr("Add")
        if row.action == "update":
            return self.tr("Update") if row.changed else self.tr("Unchanged")
        return self.tr("Skip")

    @staticmethod
    def notes(row) -> str:
        return row.reason if row.action == "reject" else "; ".join(row.warnings)

    def text(self, r: int, c: int) -> str:
        row = self.rows[r]
        return [str(row.row), self.action_text(row), row.name, format_date(row.date_of_birth),
                format_date(row.admitted_on), row.cccd, self.notes(row)][c]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, c = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and c != 6:
                return None
            return self.text(index.row(), c)
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.action == "reject":
            return self._rejected
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.action == "reject" and c in (1, 6):
                return QBrush(QColor(ERROR_COLOR))
            if c == 6 and row.warnings:
                return QBrush(QColor(WARNING_COLOR))
        return None


class ColumnMapping(QScrollArea):
    """One choice per column of the file: which field it holds (or none). Shown when a header is not
    recognised, or when the user wants to correct what was recognised."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapping")
        self.setWidgetResizable(True)
        self.setFixedHeight(86)
        self.header_row = 0
        self.combos: list[QComboBox] = []
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(4, 2, 4, 2)
        self.setWidget(self._inner)

    def field_names(self, fields: tuple[str, ...]) -> list[tuple[str, str | None]]:
        names = {"_family": self.tr("Family and middle name"), "_given": self.tr("Given name")}
        return [(self.tr("— not used —"), None)] + [
            (names.get(f) or FIELD_LABELS[f].format(), f) for f in fields]

    def show_columns(self, header_row: int, texts: list[str], chosen: dict[int, str], fields: tuple[str, ...]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.header_row = header_row
        self.combos = []
        choices = self.field_names(fields)
        for column, text in enumerate(texts):
            title = QLabel(text or self.tr("(column {n})").format(n=column + 1))
            title.setToolTip(text)
            title.setMaximumWidth(170)
            combo = QComboBox()
            combo.setObjectName(f"column-{column}")
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(column))))
            self._grid.addWidget(title, 0, column)
            self._grid.addWidget(combo, 1, column)
            self.combos.append(combo)

    def chosen(self) -> dict[int, str | None]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos)}
