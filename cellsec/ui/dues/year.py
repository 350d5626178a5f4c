"""Đảng phí — "Theo dõi cả năm": members × months of a year, each month coloured by its state, the
number of unpaid months that count toward the removal ground (reference §6.3: not paying dues 3 months
in a year without a valid reason), and the month each member has paid through — the value written on a
transfer paper ("đã đóng đảng phí hết tháng …"). Double-clicking a month opens it in the collection tab.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import dues as D
from ...services.dues.service import MemberDuesYear
from ...services.errors import ServiceError
from .sheet import STATE_COLORS, state_brushes
from ..common.widgets import ERROR_COLOR, WARNING_COLOR, muted_label

MONTH_COLUMNS = 12
FIRST_MONTH = 2                      # columns: No., name, months 1-12, unpaid count, paid through
COUNT_COLUMN = FIRST_MONTH + MONTH_COLUMNS
THROUGH_COLUMN = COUNT_COLUMN + 1
MARKS = {D.PAID: "✓", D.PARTIAL: "◐", D.UNPAID: "✗", D.EXCUSED: "○", D.NOT_DUE: "·"}
RISK_BACKGROUND = "#f9dedc"
NEAR_BACKGROUND = "#fdecc8"
FUTURE = "future"


class DuesYearModel(QAbstractTableModel):
    """One row per member who owed dues in the year (MemberDuesYear)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[MemberDuesYear] = []
        self.year = 0
        self.current = dt.date.min   # the running month: later months are not shown as anything yet
        self.threshold = 3

    def load(self, year: int, rows: list[MemberDuesYear], today: dt.date, threshold: int) -> None:
        self.beginResetModel()
        self.year = year
        self.rows = list(rows)
        self.current = D.month_start(today)
        self.threshold = threshold
        self.endResetModel()

    def month_state(self, row: MemberDuesYear, month: dt.date) -> str:
        if month > self.current:
            return FUTURE
        return row.month_states.get(month, D.NOT_DUE)

    def risk(self, row: MemberDuesYear) -> str:
        """"removal" at the threshold or above, "near" one month short, "" otherwise (members still in the cell)."""
        count = len(row.counted_unpaid)
        if not row.in_cell or not count:
            return ""
        if count >= self.threshold:
            return "removal"
        return "near" if count == self.threshold - 1 else ""

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else THROUGH_COLUMN + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("No.")
            if section == 1:
                return self.tr("Full name")
            if section == COUNT_COLUMN:
                return self.tr("Months unpaid")
            if section == THROUGH_COLUMN:
                return self.tr("Paid through")
            return self.tr("M{month}").format(month=section - FIRST_MONTH + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COUNT_COLUMN:
                return self.tr("Months already over with nothing paid and no valid reason. {count} such months in "
                               "a year are grounds for considering removal from the member list.").format(
                                   count=self.threshold)
            if section == THROUGH_COLUMN:
                return self.tr("Written on a transfer paper: \"đã đóng đảng phí hết tháng …\"")
            if FIRST_MONTH <= section < COUNT_COLUMN:
                return self.tr("Month {month}").format(month=D.month_label(dt.date(self.year, section - 1, 1)))
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if FIRST_MONTH <= column < COUNT_COLUMN:
            return self._month_data(row, dt.date(self.year, column - 1, 1), role)
        risk = self.risk(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return "" if row.list_no is None else str(row.list_no)
            if column == 1:
                return row.full_name
            if column == COUNT_COLUMN:
                return str(len(row.counted_unpaid))
            if column == THROUGH_COLUMN:
                return D.month_label(row.paid_through) if row.paid_through else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and risk and column in (0, 1, COUNT_COLUMN):
            return QBrush(QColor(RISK_BACKGROUND if risk == "removal" else NEAR_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if risk and column in (1, COUNT_COLUMN):
                return QBrush(QColor(ERROR_COLOR if risk == "removal" else WARNING_COLOR))
            if not row.in_cell and column == 1:
                return QBrush(QColor(STATE_COLORS[D.NOT_DUE][0]))
        if role == Qt.ItemDataRole.FontRole and ((risk and column in (1, COUNT_COLUMN)) or not row.in_cell):
            font = QFont()
            font.setBold(bool(risk))
            font.setItalic(not row.in_cell)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and not row.in_cell:
                return self.tr("No longer in the cell")
            if column == COUNT_COLUMN and row.counted_unpaid:
                months = ", ".join(D.month_label(m) for m in row.counted_unpaid)
                text = self.tr("Unpaid without a valid reason: {months}").format(months=months)
                if risk == "removal":
                    text += "\n" + self.tr("Grounds for considering removal from the member list ({count} months in a "
                                            "year).").format(count=self.threshold)
                return text
            if column == THROUGH_COLUMN:
                return self.tr("Dues paid in {paid} of {due} months; {paid_amount} of {due_amount} đồng").format(
                    paid=len(row.paid_months), due=len(row.due_months), paid_amount=D.format_money(row.total_paid),
                    due_amount=D.format_money(row.total_due))
        return None

    def _month_data(self, row: MemberDuesYear, month: dt.date, role):
        state = self.month_state(row, month)
        if state == FUTURE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return MARKS[state]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            fg, bg = state_brushes(state)
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("{month}: {state}").format(month=D.month_label(month), state=D.STATE_LABELS[state].format())
            if state == D.UNPAID and month == self.current:
                text += " " + self.tr("(this month: still being collected, not counted yet)")
            return text
        return None


class YearTab(QWidget):
    """The year selector, the grid, a legend and the members at risk in words."""

    open_month = Signal(object)  # dt.date: the collection tab shows that month

    def __init__(self, services, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today

        top = self._year_bar()

        self.model = DuesYearModel(self)
        self.table = QTableView()
        self.table.setObjectName("year_grid")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().height() * 2 + 10)
        self.table.doubleClicked.connect(self._double_clicked)

        self.risk_label = QLabel()
        self.risk_label.setObjectName("risk")
        self.risk_label.setWordWrap(True)
        self.risk_label.setTextFormat(Qt.TextFormat.RichText)
        self.note = muted_label(name="note")
        self.empty_label = muted_label(name="empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.risk_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.note)
        self.retranslate()

    def _year_bar(self) -> QHBoxLayout:
        """The year (typed or stepped) and the legend of the grid's colours."""
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.clicked.connect(lambda: self.year_box.stepBy(-1))
        self.year_label = QLabel()
        self.year_box = QSpinBox()
        self.year_box.setObjectName("year")
        self.year_box.setRange(2000, 2200)
        self.year_box.setValue(self.today().year)
        self.year_box.valueChanged.connect(lambda _year: self.load())
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.clicked.connect(lambda: self.year_box.stepBy(1))
        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addWidget(self.next_button)
        top.addSpacing(24)
        self.legend: dict[str, QLabel] = {}
        for state in (D.PAID, D.PARTIAL, D.UNPAID, D.EXCUSED, D.NOT_DUE):
            fg, bg = STATE_COLORS[state]
            label = QLabel()
            label.setObjectName(f"legend_{state}")
            label.setStyleSheet(f"color: {fg}; background: {bg}; border-radius: 3px; padding: 2px 6px;")
            self.legend[state] = label
            top.addWidget(label)
        top.addStretch(1)
        self.ledger_button = QPushButton()
        self.ledger_button.setObjectName("ledger")
        self.ledger_button.clicked.connect(self.print_ledger)
        top.addWidget(self.ledger_button)
        return top

    def print_ledger(self) -> None:
        """The selected member's ledger of the year in the print preview."""
        from ..common.preview import PrintJob, preview_on
        from ..common.widgets import slug

        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            QMessageBox.information(self, self.tr("Member's dues ledger"),
                                    self.tr("Select a member in the table first."))
            return
        row, year, services, today = self.model.rows[index.row()], self.year_box.value(), self.services, self.today()

        def write(path):
            from ...reports.dues_papers import write_ledger

            return write_ledger(services, row.member_id, year, path, today)

        title = self.tr("Dues ledger {year} — {name}").format(year=year, name=row.full_name)
        preview_on(self, services, PrintJob(title, f"so-dang-phi-{year}-{slug(row.full_name)}", write))

    def retranslate(self) -> None:
        self.prev_button.setToolTip(self.tr("Previous year"))
        self.next_button.setToolTip(self.tr("Next year"))
        self.year_label.setText(self.tr("Year"))
        self.ledger_button.setText(self.tr("Member's dues ledger…"))
        self.ledger_button.setToolTip(self.tr("The selected member's dues of the year, month by month"))
        for state, label in self.legend.items():
            label.setText(f"{MARKS[state]} {D.STATE_LABELS[state].format()}")
        self.note.setText(self.tr("Double-click a month to open its collection. Months before the first month kept "
                                  "in the program are not counted."))
        self.empty_label.setText(self.tr("No dues are recorded for this year yet."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, THROUGH_COLUMN)
        self._size_columns()
        if self.model.year:
            self._show_risks()

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        month_width = fm.horizontalAdvance("T12") + 22
        widths = {0: fm.horizontalAdvance("000") + 18, COUNT_COLUMN: fm.horizontalAdvance("Số tháng") + 24,
                  THROUGH_COLUMN: fm.horizontalAdvance("Đã đóng hết") + 24}
        for column in range(self.model.columnCount()):
            if column == 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, widths.get(column, month_width))

    @property
    def year(self) -> int:
        return self.year_box.value()

    def load(self) -> None:
        today = self.today()
        year = self.year
        try:
            rows = self.services.dues.year_status(year, today)
            threshold = self.services.dues.rules_for(min(D.month_start(today), dt.date(year, 12, 1))).removal_unpaid_months
        except ServiceError as exc:
            self.risk_label.setText(exc.message)
            return
        self.model.load(year, rows, today, threshold)
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self._show_risks()

    def _show_risks(self) -> None:
        def names(kind: str) -> str:
            return ", ".join(self.tr("{name} ({count} months)").format(name=r.full_name, count=len(r.counted_unpaid))
                             for r in self.model.rows if self.model.risk(r) == kind)

        parts = []
        removal, near = names("removal"), names("near")
        if removal:
            parts.append(f"<span style='color:{ERROR_COLOR}'>" + self.tr(
                "<b>Not paid {count} months or more in {year} without a valid reason</b> (grounds for considering "
                "removal from the member list): {names}.").format(count=self.model.threshold, year=self.year,
                                                                   names=removal) + "</span>")
        if near:
            parts.append(f"<span style='color:{WARNING_COLOR}'>" + self.tr(
                "<b>One month short:</b> {names}.").format(names=near) + "</span>")
        if not parts and self.model.rows:
            parts.append(self.tr("No member has unpaid months that count toward removal in {year}.").format(
                year=self.year))
        self.risk_label.setText("<br>".join(parts))
        self.risk_label.setVisible(bool(parts))

    def _double_clicked(self, index: QModelIndex) -> None:
        if FIRST_MONTH <= index.column() < COUNT_COLUMN:
            month = dt.date(self.year, index.column() - 1, 1)
            if month <= self.model.current:
                self.open_month.emit(month)
