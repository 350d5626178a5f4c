"""The year's meetings as a table model: date, type, month or topic, minutes status, number, attendance rate,
duration, resolution."""

from __future__ import annotations


from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.dates import format_date
from ..common.widgets import ERROR_COLOR, WARNING_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole


COLUMNS = ("held_on", "kind", "title", "status", "number", "attendance", "duration", "resolution")


class MeetingTableModel(QAbstractTableModel):
    """A year's meetings (a dozen or two rows: the summaries are held, not fetched on demand)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "held_on": self.tr("Date"), "kind": self.tr("Type"), "title": self.tr("Month / topic"),
            "status": self.tr("Minutes"), "number": self.tr("Number"), "attendance": self.tr("Attendance rate"),
            "duration": self.tr("Duration"), "resolution": self.tr("Resolution"),
        }[COLUMNS[section]]

    def meeting_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, meeting_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == meeting_id), -1)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.ForegroundRole:
            warned = {f.code for f in m.flags if f.severity == "warning"}
            if column == "attendance" and "attendance_low" in warned:
                return QBrush(QColor(ERROR_COLOR))
            if column == "duration" and "duration_short" in warned:
                return QBrush(QColor(WARNING_COLOR))
            if column == "status" and m.status == "draft":
                return QBrush(QColor("#174ea6"))
            if m.superseded_by:
                return QBrush(QColor("#80868b"))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [m.title] + [("⚠ " if f.severity == "warning" else "• ") + f.text for f in m.flags]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("held_on", "number", "attendance", "duration"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, m, column: str) -> str:
        if column == "held_on":
            return format_date(m.held_on)
        if column == "kind":
            return m.kind_label
        if column == "title":
            period = self.tr("Month {month}/{year}").format(month=m.period_month, year=m.period_year)
            return f"{period}: {m.topic}" if m.topic else period
        if column == "status":
            text = m.status_label
            if m.superseded_by:
                text = self.tr("Amended (replaced)")
            elif m.amends_id:
                text += " " + self.tr("(amendment)")
            return text
        if column == "number":
            return m.number.removeprefix("Số ") if m.number else ""
        if column == "attendance":
            if m.attendance_rate is None:
                return m.attendance_text
            return f"{m.attendance_rate:.1f}".replace(".", ",") + f"% ({m.attendance_text})"
        if column == "duration":
            return self.tr("{minutes} min").format(minutes=m.duration_minutes) if m.duration_minutes is not None else ""
        if column == "resolution":
            return {None: "", "draft": self.tr("Draft"), "approved": self.tr("Issued")}[m.resolution_status]
        return ""
