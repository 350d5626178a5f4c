"""Cần quan tâm: the members at risk, each with the severity (coloured), the reason in words and the data
behind it; filterable by severity. Double-clicking (or Enter on) a row opens the member's record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import attention as A
from ...domain.dates import format_date
from ...domain.members import name_sort_key
from ..common.screen_fit import stretch_at_least
from ..common.widgets import ERROR_COLOR, WARNING_COLOR

COLUMNS = ("severity", "name", "kind", "text", "data")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2
INFO_COLOR = "#1f4e79"
# severity -> (text colour, background) of the severity cell
SEVERITY_STYLE = {A.DANGER: (ERROR_COLOR, "#fdecea"), A.WARNING: (WARNING_COLOR, "#fff4d6"),
                  A.INFO: (INFO_COLOR, "#e8f0fe")}


def _months(values: list) -> str:
    return ", ".join(f"{m:02d}" if isinstance(m, int) else _month_text(str(m)) for m in values)


def _month_text(iso: str) -> str:
    """'2026-05' -> '05/2026'."""
    year, _, month = iso.partition("-")
    return f"{month}/{year}" if month else iso


def _date_text(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


class AttentionModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[A.AttentionItem] = []

    def headers(self) -> list[str]:
        return [self.tr("Severity"), self.tr("Member"), self.tr("Matter"), self.tr("Details"),
                self.tr("Data behind it")]

    def set_items(self, items: list[A.AttentionItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> A.AttentionItem:
        return self.items[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data_text(self, item: A.AttentionItem) -> str:
        """The facts behind an item in a few words (months, dates, counts, the threshold)."""
        d = item.data
        if item.kind == A.ABSENT_MONTHS:
            return self.tr("Months: {months}; ground at {threshold} months").format(
                months=_months(d.get("months", [])), threshold=d.get("threshold", ""))
        if item.kind == A.DUES_UNPAID:
            return self.tr("Unpaid: {months}; ground at {threshold} months").format(
                months=_months(d.get("months", [])), threshold=d.get("threshold", ""))
        if item.kind == A.FAILED_TWO_YEARS:
            return self.tr("Years: {years}").format(years=", ".join(str(y) for y in d.get("years", [])))
        if item.kind in (A.PROBATION_ENDING, A.EXEMPTION_ENDING):
            text = self.tr("Ends on {date}").format(date=_date_text(d.get("ends_on")))
            return text + (" — " + self.tr("overdue") if d.get("overdue") else "")
        if item.kind == A.CONSECUTIVE_ABSENCES:
            text = self.tr("{count} in a row (limit {limit})").format(count=d.get("longest", ""),
                                                                    limit=d.get("limit", ""))
            last = _date_text(d.get("last_absent_on"))
            return text + ("; " + self.tr("last absent {date}").format(date=last) if last else "")
        if item.kind == A.ABSENT_WITHOUT_REASON:
            return self.tr("Dates: {dates}").format(dates=", ".join(_date_text(x) for x in d.get("dates", [])))
        return "; ".join(f"{k}: {v}" for k, v in d.items())

    def severity_text(self, severity: str) -> str:
        return A.SEVERITY_LABELS[severity].format() if severity in A.SEVERITY_LABELS else severity

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"severity": self.severity_text(item.severity), "name": item.full_name,
                    "kind": item.kind_label, "text": item.text, "data": self.data_text(item)}[field]
        if role == SORT_ROLE:
            if field == "severity":
                return (A.SEVERITIES.index(item.severity) if item.severity in A.SEVERITIES else 9, index.row())
            if field == "name":
                return (name_sort_key(item.full_name), index.row())
            return (str(self.data(index)).casefold(), index.row())
        if role == MEMBER_ROLE:
            return item.member_id
        if role == Qt.ItemDataRole.ToolTipRole and field in ("text", "data"):
            return item.text + "\n" + self.data_text(item)
        if field == "severity" and item.severity in SEVERITY_STYLE:
            fg, bg = SEVERITY_STYLE[item.severity]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(fg))
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(bg))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and field != "text":
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None


class _SeverityFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.severity = ""
        self.setSortRole(SORT_ROLE)

    def set_severity(self, severity: str) -> None:
        self.beginFilterChange()
        self.severity = severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        return not self.severity or self.sourceModel().item(row).severity == self.severity


class AttentionView(QWidget):
    """The at-risk list. `set_items` fills it; `open_member(member_id)` is emitted on activation."""

    open_member = Signal(str)
    print_requested = Signal()  # the owner (which has the services) opens the printable list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttentionModel(self)
        self.proxy = _SeverityFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter.setObjectName("severity_filter")
        for key in ("", *A.SEVERITIES):
            self.filter.addItem("", key)
        self.filter.currentIndexChanged.connect(lambda _i: self._filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("attention_count")
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addSpacing(16)
        top.addWidget(self.count_label, 1)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_attention")
        self.print_button.clicked.connect(self.print_requested)
        top.addWidget(self.print_button)

        self.table = QTableView()
        self.table.setObjectName("attention")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setStyleSheet("QTableView#attention::item { padding: 3px 4px; }")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # Activation = double-click or Enter on the platforms we run on.
        self.table.activated.connect(self._activated)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("attention_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Show:"))
        self.print_button.setText(self.tr("Print the list…"))
        self.print_button.setToolTip(self.tr("The list with the facts and the records behind each entry, to "
                                             "discuss at the chi ủy meeting"))
        for index in range(self.filter.count()):
            key = self.filter.itemData(index)
            self.filter.setItemText(index, self.model.severity_text(key) if key else self.tr("All"))
        self.hint.setText(self.tr("Double-click a row to open the member's record. Counts are checked against "
                                  "the rules in force; a count one short of a ground for removal is listed as a "
                                  "reminder, so you can talk to the member in time."))
        self.empty_label.setText(self.tr("No member needs attention."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._size_columns()
        self._update_count()

    def _size_columns(self) -> None:
        fm = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        longest = max((m.format() for m in A.SEVERITY_LABELS.values()), key=QFontMetrics(bold).horizontalAdvance)
        header = self.table.horizontalHeader()
        widths = {"severity": QFontMetrics(bold).horizontalAdvance(longest) + 30,
                  "name": fm.horizontalAdvance("Nguyễn Thị Phương Thảo") + 16,
                  "kind": fm.horizontalAdvance("Hết thời hạn miễn sinh hoạt") + 16,
                  "data": fm.horizontalAdvance("Tháng: 02/2026, 05/2026, 08/2026") + 16}
        for column, field in enumerate(COLUMNS):
            if field == "text":
                # On a narrow screen the table scrolls sideways: squeezed, a detail took fifteen lines.
                stretch_at_least(self.table, column, fm.horizontalAdvance("Vắng sinh hoạt không có lý do trong") + 16)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, widths[field])

    def set_items(self, items: list[A.AttentionItem]) -> None:
        self.model.set_items(items)
        self._update_count()

    def _filter(self) -> None:
        self.proxy.set_severity(self.filter.currentData() or "")
        self._update_count()

    def _update_count(self) -> None:
        items = self.model.items
        members = len({i.member_id for i in items})
        self.count_label.setText(self.tr("{count} matters about {members} members").format(
            count=len(items), members=members))
        self.empty_label.setVisible(not items)
        self.table.setVisible(bool(items))

    def rows_shown(self) -> list[A.AttentionItem]:
        """The items in the order and filter the table shows them."""
        return [self.model.item(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        member_id = self.proxy.data(index, MEMBER_ROLE)
        if member_id:
            self.open_member.emit(member_id)
