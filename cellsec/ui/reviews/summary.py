"""The year's summary as the reviews page shows it: the table of the year's reviews (filtered by name,
sortable) and the panel with the counts by level and the live quota of "excellent" ratings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.dates import format_date
from ...domain.members import name_sort_key
from ...domain.review_rules import LEVELS
from ...domain.reviews import format_score
from ...domain.text import fold
from ...services.reviews.records import SummaryRow, YearSummary
from .parts import TEXTS, level_name, level_short
from ..common.widgets import ERROR_COLOR, muted_label

COLUMNS = ("list_no", "name", "form", "score", "self_level", "cell_level", "decided_level", "status", "problems")
PROBLEM_MARK = "⚠"
OK_COLOR = "#2e7d32"
VN = dt.timezone(dt.timedelta(hours=7))


class ReviewTableModel(QAbstractTableModel):
    """The year's reviews (one SummaryRow each), filtered by name and sortable by any column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all_rows: list[SummaryRow] = []
        self.rows: list[SummaryRow] = []
        self.text = ""
        self.sort_key: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Full name"), self.tr("Review form"), self.tr("Self-score"),
                self.tr("Self-proposed"), self.tr("Cell proposed"), self.tr("Decided above"), self.tr("Status"),
                self.tr("Problems")]

    def set_rows(self, rows: list[SummaryRow]) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self.text = fold(text).strip()
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = [r for r in self.all_rows if not self.text or self.text in fold(r.name)]
        column, order = self.sort_key
        key = self._sort_value(COLUMNS[column])
        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = rows

    @staticmethod
    def _sort_value(field: str):
        level_rank = lambda level: LEVELS.index(level) if level in LEVELS else len(LEVELS)  # noqa: E731
        return {
            "list_no": lambda r: (r.list_no is None, r.list_no or 0),
            "name": lambda r: name_sort_key(r.name),
            "form": lambda r: r.form_type_name,
            "score": lambda r: (r.self_score is None, r.self_score or 0),
            "self_level": lambda r: level_rank(r.self_level),
            "cell_level": lambda r: level_rank(r.cell_level),
            "decided_level": lambda r: level_rank(r.decided_level),
            "status": lambda r: ("draft", "submitted", "decided").index(r.status),
            "problems": lambda r: not r.problems,
        }[field]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.sort_key = (column, order)
        self._apply()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def row(self, index: int) -> SummaryRow:
        return self.rows[index]

    def row_of(self, review_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.review_id == review_id), -1)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "list_no": "" if r.list_no is None else str(r.list_no),
                "name": r.name,
                "form": r.form_type_name,
                "score": format_score(r.self_score) if r.self_score is not None else "",
                "self_level": level_short(r.self_level),
                "cell_level": level_short(r.cell_level),
                "decided_level": level_short(r.decided_level),
                "status": TEXTS.status(r.status),
                "problems": PROBLEM_MARK if r.problems else "",
            }[field]
        if role == Qt.ItemDataRole.ToolTipRole:
            if field in ("self_level", "cell_level", "decided_level"):
                return level_name(getattr(r, field)) or None
            if field == "problems" and r.problems:
                return "\n".join(r.problems)
            if field == "form":
                return r.form_type_name
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and field not in ("name", "form"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "problems" or (field == "cell_level" and r.problems):
                return QBrush(QColor(ERROR_COLOR))
            if field == "status":
                return QBrush(QColor({"draft": "#5f6368", "submitted": "#1f4e79", "decided": OK_COLOR}[r.status]))
        if role == Qt.ItemDataRole.FontRole and field in ("decided_level", "problems"):
            font = QFont()
            font.setBold(True)
            return font
        return None


class QuotaPanel(QFrame):
    """Counts by level and the live quota of "excellent" ratings; red when exceeded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quota_panel")
        self.setFixedWidth(290)
        self.exceeded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.heading = QLabel()
        self.heading.setObjectName("quota_heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.rule_set = muted_label(name="rule_set_name")
        layout.addWidget(self.heading)
        layout.addWidget(self.rule_set)

        self._build_counts(layout)
        self._build_quota(layout)
        self._build_summary(layout)
        layout.addStretch(1)
        self.legend = muted_label(name="legend")
        layout.addWidget(self.legend)
        self._style(False)

    def _build_counts(self, layout: QVBoxLayout) -> None:
        self.counts_title = self._title()
        layout.addWidget(self.counts_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.count_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for row, key in enumerate((*LEVELS, "none")):
            name = QLabel()
            name.setWordWrap(True)
            number = QLabel()
            number.setObjectName(f"count_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setStyleSheet("font-weight: bold;")
            grid.addWidget(name, row, 0)
            grid.addWidget(number, row, 1)
            self.count_labels[key] = (name, number)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.counting_note = muted_label()
        layout.addWidget(self.counting_note)

    def _build_quota(self, layout: QVBoxLayout) -> None:
        self.quota_title = self._title()
        layout.addWidget(self.quota_title)
        quota = QGridLayout()
        self.allowed_caption, self.allowed = QLabel(), QLabel()
        self.proposed_caption, self.proposed = QLabel(), QLabel()
        self.exceeded_caption, self.exceeded_by = QLabel(), QLabel()
        self.allowed.setObjectName("quota_allowed")
        self.proposed.setObjectName("quota_proposed")
        self.exceeded_by.setObjectName("quota_exceeded")
        for row, (caption, value) in enumerate(((self.allowed_caption, self.allowed),
                                                (self.proposed_caption, self.proposed),
                                                (self.exceeded_caption, self.exceeded_by))):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-weight: bold; font-size: 12pt;")
            quota.addWidget(caption, row, 0)
            quota.addWidget(value, row, 1)
        quota.setColumnStretch(0, 1)
        layout.addLayout(quota)
        self.verdict = QLabel()
        self.verdict.setObjectName("quota_verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.arithmetic = muted_label(name="quota_arithmetic")
        layout.addWidget(self.arithmetic)

    def _build_summary(self, layout: QVBoxLayout) -> None:
        self.summary_title = self._title()
        layout.addWidget(self.summary_title)
        self.summary_status = QLabel()
        self.summary_status.setObjectName("summary_status")
        self.summary_status.setWordWrap(True)
        layout.addWidget(self.summary_status)
        self.reason = QLabel()
        self.reason.setObjectName("quota_reason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)

    @staticmethod
    def _title() -> QLabel:
        label = QLabel()
        label.setStyleSheet("font-weight: bold; margin-top: 8px;")
        label.setWordWrap(True)
        return label

    def _style(self, exceeded: bool) -> None:
        border = ERROR_COLOR if exceeded else "#c8ccd2"
        background = "#fdecea" if exceeded else "palette(base)"
        self.setStyleSheet(f"#quota_panel {{ border: 1px solid {border}; border-left: 5px solid {border}; "
                           f"border-radius: 4px; background: {background}; }}")

    def show_summary(self, s: YearSummary) -> None:
        self.heading.setText(self.tr("Year {year}").format(year=s.year))
        self.rule_set.setText(s.rule_set_name)
        self.counts_title.setText(self.tr("Classification"))
        total = len(s.rows)
        for key, (name, number) in self.count_labels.items():
            if key == "none":
                name.setText(self.tr("Not classified yet"))
                number.setText(str(total - sum(s.counts.values())))
            else:
                name.setText(level_name(key))
                number.setText(str(s.counts.get(key, 0)))
        self.counting_note.setText(self.tr("By the level decided above; else the level the cell proposes; "
                                           "else the self-proposed level."))
        q = s.quota
        self.quota_title.setText(self.tr("Quota of \"{level}\"").format(level=level_name("htxs")))
        self.allowed_caption.setText(self.tr("Allowed at most:"))
        self.allowed.setText(str(q.allowed))
        self.proposed_caption.setText(self.tr("Proposed:"))
        self.proposed.setText(str(q.proposed))
        self.exceeded_caption.setText(self.tr("Over the quota by:"))
        self.exceeded_by.setText(str(q.exceeded_by))
        self.exceeded = q.exceeded
        color = ERROR_COLOR if q.exceeded else OK_COLOR
        self.exceeded_by.setStyleSheet(f"font-weight: bold; font-size: 12pt; color: {color};")
        self.verdict.setStyleSheet(f"font-weight: bold; color: {color};")
        self.verdict.setText(self.tr("Over the quota by {count}: submitting the summary needs a reason.").format(
            count=q.exceeded_by) if q.exceeded else self.tr("Within the quota."))
        percent = format_score(q.ratio * 100)
        self.arithmetic.setText(self.tr("{percent}% × {base} rated \"{good}\" = {exact}, {rounding}: {allowed}.")
                                .format(percent=percent, base=q.base_count, good=level_short("htt"),
                                        exact=format_score(q.ratio * q.base_count),
                                        rounding=TEXTS.rounding(q.rounding), allowed=q.allowed))
        self.summary_title.setText(self.tr("Summary table"))
        if s.submitted:
            at = s.submitted_at.replace(tzinfo=s.submitted_at.tzinfo or dt.timezone.utc).astimezone(VN)
            self.summary_status.setText(self.tr("Submitted on {date}.").format(date=format_date(at.date())))
        else:
            self.summary_status.setText(self.tr("Not submitted yet."))
        self.reason.setText(self.tr("Reason for exceeding the quota: {reason}").format(reason=s.quota_reason)
                            if s.quota_reason else "")
        self.reason.setVisible(bool(s.quota_reason))
        self.legend.setText("\n".join(f"{level_short(level)}: {level_name(level)}" for level in LEVELS))
        self._style(q.exceeded)
        self._fit_height()

    def _fit_height(self) -> None:
        """Never shorter than its wrapped texts need at its width. Its minimum otherwise counts each wrapped
        label as one line, and a page with room to spare (a freshly set-up cell) squeezed the rows of
        counts below one line: "nhiệm vụ" lost its dots below ("nhiêm vu")."""
        self.setMinimumHeight(self.layout().totalHeightForWidth(self.width()))
