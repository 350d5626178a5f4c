"""The tables of the scoring page: the year's meeting scores and the "5 tốt" assessments (Qt models that
sort by the underlying value), and the helpers that build and size their views."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...domain.dates import format_date
from ...domain.rubrics import format_points
from ...services.scoring.records import AssessmentRow, MeetingScoreRow
from ..common.charts import format_value
from ..common.screen_fit import stretch_at_least

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MUTED_COLOR = "#80868b"


def percent_text(value: float | None) -> str:
    return "" if value is None else format_value(value) + "%"


def score_text(total: float | None, maximum: float | None) -> str:
    return "" if total is None else f"{format_points(total)}/{format_points(maximum or 0)}"


def make_table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    return table


def size_columns(table: QTableView, samples: list[str], stretch: int) -> None:
    """Column widths from typical contents and the (translated) header; one column takes the rest."""
    fm = table.fontMetrics()
    header = table.horizontalHeader()
    hfm = header.fontMetrics()
    model = table.model()
    for column, sample in enumerate(samples):
        if column == stretch:
            stretch_at_least(table, column)  # on a narrow screen the table scrolls, its heading stays whole
        else:
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, max(fm.horizontalAdvance(sample), hfm.horizontalAdvance(title) + 16) + 24)


class SortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; a row whose sort key starts with 0 (the cell's own assessment) stays on top."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        pinned_a, pinned_b = a[0], b[0]
        if pinned_a != pinned_b:
            # Pinned rows first whichever way the column is sorted.
            first = pinned_a < pinned_b
            return first if self.sortOrder() == Qt.SortOrder.AscendingOrder else not first
        return a[1:] < b[1:]


class MeetingScoresModel(QAbstractTableModel):
    COLUMNS = ("held_on", "kind", "title", "attendance", "score", "band", "rubric")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[MeetingScoreRow] = []

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Type"), self.tr("Meeting"), self.tr("Attendance"), self.tr("Score"),
                self.tr("Band"), self.tr("Rubric")]

    def set_rows(self, rows: list[MeetingScoreRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        field = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"held_on": format_date(r.held_on), "kind": r.kind_label, "title": r.title,
                    "attendance": percent_text(r.attendance_rate),
                    "score": score_text(r.total, r.max_points) if r.score_id else self.tr("not scored"),
                    "band": r.band, "rubric": r.rubric_name}[field]
        if role == SORT_ROLE:
            key = {"held_on": r.held_on.toordinal(), "kind": r.kind_label, "title": r.title,
                   "attendance": -1 if r.attendance_rate is None else r.attendance_rate,
                   "score": -1 if r.percent is None else r.percent, "band": r.band, "rubric": r.rubric_name}[field]
            return (1, key, r.held_on.toordinal())
        if role == Qt.ItemDataRole.ToolTipRole and field in ("title", "rubric"):
            return r.title if field == "title" else r.rubric_name or None
        if role == Qt.ItemDataRole.ForegroundRole and field == "score" and not r.score_id:
            return QBrush(QColor(MUTED_COLOR))
        if role == Qt.ItemDataRole.FontRole and field in ("score", "band") and r.score_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("held_on", "attendance", "score", "band"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class AssessmentsModel(QAbstractTableModel):
    COLUMNS = ("list_no", "name", "score", "band", "proposal", "recognized", "decision_no", "decision_date")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AssessmentRow] = []

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Cell / member"), self.tr("Score"), self.tr("Band"), self.tr("Proposal"),
                self.tr("Recognised"), self.tr("Decision no."), self.tr("Decision date")]

    def not_assessed(self) -> str:
        return self.tr("not assessed")

    def set_rows(self, rows: list[AssessmentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        field = self.COLUMNS[index.column()]
        cell = r.subject == "cell"
        if role == Qt.ItemDataRole.DisplayRole:
            return {"list_no": "" if r.list_no is None else str(r.list_no), "name": r.name,
                    "score": score_text(r.total, r.max_points) if r.assessment_id else self.not_assessed(),
                    "band": r.band, "proposal": r.proposal, "recognized": r.recognized_title,
                    "decision_no": r.decision_no, "decision_date": format_date(r.decision_date)}[field]
        if role == SORT_ROLE:
            key = {"list_no": r.list_no if r.list_no is not None else 1 << 30, "name": index.row(),
                   "score": -1 if r.total is None else r.total, "band": r.band, "proposal": r.proposal,
                   "recognized": r.recognized_title, "decision_no": r.decision_no,
                   "decision_date": r.decision_date.toordinal() if r.decision_date else 0}[field]
            return (0 if cell else 1, key, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and field in ("proposal", "recognized") and r.decision_org:
            return self.tr("Decided by {org}").format(org=r.decision_org)
        if role == Qt.ItemDataRole.FontRole and (cell or (field in ("score", "band") and r.assessment_id)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and cell:
            return QBrush(QColor("#eef3f8"))
        if role == Qt.ItemDataRole.ForegroundRole and field == "score" and not r.assessment_id:
            return QBrush(QColor(MUTED_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("list_no", "score", "band", "decision_date"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


