"""Đảng phí — "Thu đảng phí tháng": one month's collection sheet, edited in place and saved in one step.

The table holds the month's lines from svc.dues.sheet(month) and the user's edits on top of them: the
basis and category for this month (the amount due follows live, computed by the month's rules), the
amount paid (a "paid in full" tick per row, and "mark everyone paid" for the meeting), the date, who
collected it, and a valid reason for not paying. Saving sends every changed line to svc.dues.record()
in one mutation, so Edit → Undo takes the whole month back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, QRegularExpression, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import dues as D
from ...domain.dates import DateParseError, format_date, parse_date
from ...domain.members import DUES_CATEGORIES, DUES_CATEGORY_LABELS
from ...domain.text import clean_line, clean_text
from ...services.dues.service import PAID_ON_FUTURE, DuesLine, MonthSheet, PaymentEntry
from ...services.errors import ServiceError, ValidationFailed
from ..common.widgets import ERROR_COLOR, FILES, DateEdit, FieldMessage, format_money, muted_label, parse_money
from ..common.workers import run_in_background

DUES_ENTITIES = {"dues_payments", "dues_rules_versions", "members", "member_status_changes", "cells"}
# (text colour, background) of each state, shared with the year grid.
STATE_COLORS = {
    D.PAID: ("#1e6b23", "#dff0e0"),
    D.PARTIAL: ("#8a5300", "#fdecc8"),
    D.UNPAID: ("#b3261e", "#f9dedc"),
    D.EXCUSED: ("#1f4e79", "#dde7f3"),
    D.NOT_DUE: ("#5f6368", "#eeeeee"),
    D.NO_BASIS: ("#8a5300", "#fff4d6"),
}
COLUMNS = ("list_no", "name", "category", "basis", "due", "full", "paid", "paid_on", "collector", "reason", "state")
MONEY_COLUMNS = ("basis", "due", "paid")
MONEY_PATTERN = QRegularExpression(r"[0-9., đĐ]{0,20}")


def money_text(amount: int) -> str:
    """25000 -> '25.000 đ'."""
    return f"{format_money(amount)} đ"


def percent_text(value) -> str:
    """Decimal('0.5') -> '0,5'; Decimal('30') -> '30' (Vietnamese decimal comma)."""
    return format(Decimal(value).normalize(), "f").replace(".", ",")


def state_brushes(state: str) -> tuple[QBrush, QBrush]:
    fg, bg = STATE_COLORS[state]
    return QBrush(QColor(fg)), QBrush(QColor(bg))


@dataclass
class EditLine:
    """One member's line as loaded, with what the user has typed over it."""

    line: DuesLine
    category: str
    basis: int
    amount_paid: int
    paid_on: dt.date | None
    collector: str
    excused_reason: str
    touched: bool = False   # edited at least once: the amount due is the one recording would compute

    @classmethod
    def of(cls, line: DuesLine) -> "EditLine":
        return cls(line, line.category, line.basis, line.amount_paid, line.paid_on, line.collector,
                   line.excused_reason)

    def changed(self) -> bool:
        line = self.line
        return (self.category, self.basis, self.amount_paid, self.paid_on, self.collector, self.excused_reason) != \
            (line.category, line.basis, line.amount_paid, line.paid_on, line.collector, line.excused_reason)

    def entry(self) -> PaymentEntry:
        line = self.line
        return PaymentEntry(
            member_id=line.member_id, amount_paid=self.amount_paid, paid_on=self.paid_on if self.amount_paid else None,
            basis=self.basis if self.basis != line.basis or self.category != line.category else None,
            category=self.category if self.category != line.category else None,
            collector=self.collector, excused_reason=self.excused_reason)


class DuesSheetModel(QAbstractTableModel):
    """The month's lines with the user's edits; computes each amount due and the totals live."""

    edited = Signal()           # any edit: totals and the unsaved-changes note follow
    input_error = Signal(str)   # a value the user typed was refused (shown under the table)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet: MonthSheet | None = None
        self.rules: D.DuesRules | None = None
        self.rows: list[EditLine] = []
        self.errors: dict[str, str] = {}          # member id -> message from the service
        self.today: Callable[[], dt.date] = dt.date.today
        self.default_paid_on: Callable[[], dt.date | None] = lambda: None
        self.default_collector: Callable[[], str] = lambda: ""

    # ---- loading ------------------------------------------------------------------------------------
    def load(self, sheet: MonthSheet, rules: D.DuesRules) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.rules = rules
        self.rows = [EditLine.of(line) for line in sheet.lines]
        self.errors = {}
        self.endResetModel()
        self.edited.emit()

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Full name"), self.tr("Category"), self.tr("Basis"), self.tr("Due"),
                self.tr("Paid in full"), self.tr("Paid"), self.tr("Date paid"), self.tr("Collected by"),
                self.tr("Reason for not paying"), self.tr("State")]

    def header_tips(self) -> dict[str, str]:
        return {
            "list_no": self.tr("Number in the cell's member list (SĐV)"),
            "basis": self.tr("The salary, allowance or pension the dues are a percentage of; editable for this month"),
            "due": self.tr("Computed by the dues rules of the month"),
            "full": self.tr("Tick when the member paid the whole amount (Space)"),
            "reason": self.tr("A valid reason: the month is not counted toward the 3 unpaid months"),
        }

    # ---- values -------------------------------------------------------------------------------------
    def due(self, row: EditLine) -> int:
        if not row.touched or self.rules is None:
            return row.line.amount_due
        return D.amount_due(self.rules, row.category, row.basis)

    def uses_basis(self, row: EditLine) -> bool:
        return self.rules is not None and D.uses_basis(self.rules, row.category)

    def state(self, row: EditLine) -> str:
        return D.state_of(D.LedgerEntry(row.line.month, self.due(row), row.amount_paid, row.paid_on,
                                        row.excused_reason), basis_missing=self.uses_basis(row) and not row.basis)

    def changed_rows(self) -> list[EditLine]:
        return [row for row in self.rows if row.changed()]

    def is_dirty(self) -> bool:
        return any(row.changed() for row in self.rows)

    def totals(self) -> tuple[int, int, int, int, int, int]:
        """(due, collected, kept, remitted, paid in full, owing) as the sheet will be once saved."""
        owed = [row for row in self.rows if row.line.owed]
        due = sum(self.due(row) for row in owed)
        paid = sum(row.amount_paid for row in self.rows)
        kept, remitted = D.remittance(paid, self.sheet.retained_percent if self.sheet else 0)
        full = sum(1 for row in owed if self.state(row) == D.PAID)
        return due, paid, kept, remitted, full, len(owed)

    def entries(self) -> list[PaymentEntry]:
        return [row.entry() for row in self.changed_rows()]

    def row_of(self, member_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.line.member_id == member_id), -1)

    # ---- Qt model -----------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return flags
        column = COLUMNS[index.column()]
        row = self.rows[index.row()]
        if column == "full":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column in ("category", "paid", "paid_on", "collector", "reason") or \
                (column == "basis" and self.uses_basis(row)):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return {"category": row.category, "basis": row.basis, "paid": row.amount_paid, "paid_on": row.paid_on,
                    "collector": row.collector, "reason": row.excused_reason}.get(column, self._display(row, column))
        if role == Qt.ItemDataRole.CheckStateRole and column == "full":
            return Qt.CheckState.Checked if self.state(row) == D.PAID else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in MONEY_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in ("list_no", "paid_on", "full"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and column == "state":
            fg, bg = state_brushes(self.state(row))
            return fg if role == Qt.ItemDataRole.ForegroundRole else bg
        if role == Qt.ItemDataRole.ForegroundRole and column == "name" and row.line.member_id in self.errors:
            return QBrush(QColor(ERROR_COLOR))
        if role == Qt.ItemDataRole.FontRole and column == "name" and row.changed():
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _display(self, row: EditLine, column: str) -> str:
        line = row.line
        if column == "list_no":
            return "" if line.list_no is None else str(line.list_no)
        if column == "name":
            return line.full_name
        if column == "category":
            return D.CATEGORY_SHORT[row.category].format() if row.category in D.CATEGORY_SHORT else row.category
        if column == "basis":
            return money_text(row.basis) if self.uses_basis(row) else self.tr("Fixed")
        if column == "due":
            return money_text(self.due(row))
        if column == "paid":
            return money_text(row.amount_paid) if row.amount_paid else ""
        if column == "paid_on":
            return format_date(row.paid_on)
        if column == "collector":
            return row.collector
        if column == "reason":
            return row.excused_reason
        if column == "state":
            return self.state_labels()[self.state(row)]
        return ""

    def state_labels(self) -> dict[str, str]:
        """Short forms for the narrow state column (the full ones are in the tooltip)."""
        return {D.PAID: self.tr("Paid"), D.PARTIAL: self.tr("Partly paid"), D.UNPAID: self.tr("Unpaid"),
                D.EXCUSED: self.tr("Excused"), D.NOT_DUE: self.tr("Not due"), D.NO_BASIS: self.tr("No basis")}

    def _tooltip(self, row: EditLine, column: str) -> str | None:
        if column == "name":
            return self.errors.get(row.line.member_id) or (self.tr("Changed, not saved yet") if row.changed() else None)
        if column == "category":
            return DUES_CATEGORY_LABELS[row.category].format() if row.category in DUES_CATEGORY_LABELS else None
        if column == "basis" and self.rules is not None and self.uses_basis(row):
            rule = self.rules.rule(row.category)
            month = D.basis_month(self.rules, row.category, row.line.month)
            kind = D.BASIS_LABELS[rule.basis].format() if rule.basis in D.BASIS_LABELS else ""
            return self.tr("{kind}, month {month}").format(kind=kind, month=D.month_label(month)) if month else kind
        if column == "due" and self.rules is not None:
            rule = self.rules.rule(row.category)
            if rule is not None and rule.kind == "percent":
                return self.tr("{percent}% of the basis, {rounding}").format(
                    percent=percent_text(rule.percent),
                    rounding=D.ROUNDING_LABELS[self.rules.rounding_unit].format().lower())
            return self.tr("Fixed amount per month")
        if column == "state":
            if self.state(row) == D.EXCUSED:
                return D.STATE_LABELS[D.EXCUSED].format()
            if not row.line.owed:
                return self.tr("Not owed this month (paid anyway)")
            if not row.line.recorded and not row.changed():
                return self.tr("Not recorded yet: computed from the member's current details")
        return None

    # ---- editing ------------------------------------------------------------------------------------
    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if column == "full" and role == Qt.ItemDataRole.CheckStateRole:
            self.set_paid_in_full(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == "category":
            if value not in DUES_CATEGORIES or value == row.category:
                return False
            row.category = value
        elif column in ("basis", "paid"):
            amount = value if isinstance(value, int) else parse_money(str(value))
            if amount is None:
                self.input_error.emit(self.tr("Enter an amount in đồng, e.g. 25.000."))
                return False
            if amount > D.MAX_AMOUNT:
                self.input_error.emit(self.tr("The amount is too large."))
                return False
            if column == "basis":
                row.basis = amount
            else:
                self._set_paid(row, amount)
        elif column == "paid_on":
            try:
                day = value if isinstance(value, dt.date) or value is None else parse_date(str(value))
            except DateParseError as exc:
                self.input_error.emit(str(exc))
                return False
            if day is not None and day > self.today():
                self.input_error.emit(PAID_ON_FUTURE.format(date=format_date(day)))
                return False
            row.paid_on = day
        elif column == "collector":
            row.collector = clean_line(str(value))
        elif column == "reason":
            row.excused_reason = clean_text(str(value))
        else:
            return False
        self._row_edited(index.row())
        return True

    def _set_paid(self, row: EditLine, amount: int) -> None:
        row.amount_paid = amount
        if amount:
            row.paid_on = row.paid_on or self.default_paid_on()
            row.collector = row.collector or self.default_collector()
        else:
            row.paid_on = None

    def set_paid_in_full(self, index: int, paid: bool) -> None:
        row = self.rows[index]
        row.touched = True
        self._set_paid(row, self.due(row) if paid else 0)
        self._row_edited(index)

    def mark_all_paid(self) -> int:
        """Everyone owing and not yet paid in full pays the full amount, except members with a valid reason
        for not paying. Returns how many lines changed."""
        count = 0
        for i, row in enumerate(self.rows):
            if row.line.owed and not row.excused_reason and self.state(row) != D.PAID:
                row.touched = True
                self._set_paid(row, self.due(row))
                count += 1
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
            self.edited.emit()
        return count

    def _row_edited(self, index: int) -> None:
        row = self.rows[index]
        row.touched = True
        self.errors.pop(row.line.member_id, None)
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(COLUMNS) - 1))
        self.edited.emit()

    def set_errors(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))


class DuesDelegate(QStyledItemDelegate):
    """Editors for the sheet: a category list, amounts typed as digits (dots optional), dd/mm/yyyy dates.
    The "paid in full" tick is drawn centred and the whole cell toggles it (a larger target than the box)."""

    def paint(self, painter, option, index) -> None:
        if COLUMNS[index.column()] != "full":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        state = opt.checkState
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        box = QStyleOptionViewItem(opt)
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, opt.widget)
        box.rect = QRect(0, 0, size, size)
        box.rect.moveCenter(option.rect.center())
        box.state = (box.state & ~(QStyle.StateFlag.State_On | QStyle.StateFlag.State_Off)) | (
            QStyle.StateFlag.State_On if state == Qt.CheckState.Checked else QStyle.StateFlag.State_Off)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, box, painter, opt.widget)

    _after_double_click = False

    def editorEvent(self, event, model, option, index) -> bool:
        if COLUMNS[index.column()] != "full":
            return super().editorEvent(event, model, option, index)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            self._after_double_click = True  # the first click already toggled; its second release must not
            return True
        if kind == QEvent.Type.MouseButtonPress:
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            if self._after_double_click:
                self._after_double_click = False
                return True
            if event.button() != Qt.MouseButton.LeftButton or not option.rect.contains(event.position().toPoint()):
                return False
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
            return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
        return super().editorEvent(event, model, option, index)  # Space toggles too

    def createEditor(self, parent, option, index):
        column = COLUMNS[index.column()]
        if column == "category":
            combo = QComboBox(parent)
            for key in DUES_CATEGORIES:
                combo.addItem(D.CATEGORY_SHORT[key].format(), key)
                combo.setItemData(combo.count() - 1, DUES_CATEGORY_LABELS[key].format(), Qt.ItemDataRole.ToolTipRole)
            return combo
        if column == "paid_on":
            return DateEdit(parent)
        edit = QLineEdit(parent)
        if column in MONEY_COLUMNS:
            edit.setValidator(QRegularExpressionValidator(MONEY_PATTERN, edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            edit.setMaxLength(200)
        return edit

    def setEditorData(self, editor, index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        column = COLUMNS[index.column()]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, DateEdit):
            editor.set_value(value)
        elif column in MONEY_COLUMNS:
            editor.setText(format_money(value) if value else "")
        else:
            editor.setText(value or "")

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            model.setData(index, editor.text())


class MonthTab(QWidget):
    """The month selector, the collection table, the totals, save and print."""

    def __init__(self, services, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.month = D.month_start(today())
        self.last_task = None  # the latest print job (tests wait on its `finished`)

        self.prev_button = QToolButton()
        self.prev_button.setObjectName("prev_month")
        self.prev_button.setText("‹")
        self.prev_button.clicked.connect(lambda: self.set_month(D.previous_month(self.month)))
        self.month_label = QLabel()
        self.month_edit = QLineEdit()
        self.month_edit.setObjectName("month")
        self.month_edit.setMaxLength(7)
        self.month_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00000") + 16)
        self.month_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.month_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\-]{0,7}"), self))
        self.month_edit.editingFinished.connect(self._month_typed)
        self.next_button = QToolButton()
        self.next_button.setObjectName("next_month")
        self.next_button.setText("›")
        self.next_button.clicked.connect(lambda: self.set_month(D.next_month(self.month)))
        self.this_month_button = QPushButton()
        self.this_month_button.clicked.connect(lambda: self.set_month(D.month_start(self.today())))

        self.date_label = QLabel()
        self.collected_on = DateEdit()
        self.collected_on.setObjectName("collected_on")
        self.collected_on.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        self.collected_on.date_changed.connect(self._check_collected_on)
        self.collector_label = QLabel()
        self.collector = QLineEdit()
        self.collector.setObjectName("collector")
        self.collector.setMaxLength(200)
        self.collector.setMinimumWidth(180)

        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.month_label)
        top.addWidget(self.month_edit)
        top.addWidget(self.next_button)
        top.addWidget(self.this_month_button)
        top.addSpacing(24)
        top.addWidget(self.date_label)
        top.addWidget(self.collected_on)
        top.addSpacing(12)
        top.addWidget(self.collector_label)
        top.addWidget(self.collector, 1)
        self.date_message = FieldMessage()

        self.mark_all_button = QPushButton()
        self.mark_all_button.setObjectName("mark_all")
        self.mark_all_button.clicked.connect(self.mark_all_paid)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard")
        self.discard_button.clicked.connect(self.discard)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.print_button)

        self.rules_note = muted_label(name="rules_note")
        self.model = DuesSheetModel(self)
        self.model.today = self.today
        self.model.default_paid_on = self._default_paid_on
        self.model.default_collector = lambda: clean_line(self.collector.text())
        self.model.edited.connect(self._after_edit)
        self.model.input_error.connect(self._show_error)
        self.table = QTableView()
        self.table.setObjectName("sheet")
        self.table.setModel(self.model)
        self.table.setItemDelegate(DuesDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().height() * 2 + 10)  # room for a wrapped header
        self.empty_label = muted_label(name="empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = FieldMessage()
        self.message.setObjectName("message")
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setStyleSheet("padding: 4px 2px;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.date_message)
        layout.addLayout(buttons)
        layout.addWidget(self.rules_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addWidget(self.totals)

        # Tab order: the month, the day and collector of the meeting, then the table (the work), then actions.
        chain = [self.prev_button, self.month_edit, self.next_button, self.this_month_button, self.collected_on,
                 self.collector, self.table, self.mark_all_button, self.discard_button, self.save_button,
                 self.print_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_sheet)
        self.retranslate()
        self.load()

    # ---- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.month_label.setText(self.tr("Month"))
        self.month_edit.setToolTip(self.tr("Type a month as mm/yyyy, e.g. 03/2026"))
        self.this_month_button.setText(self.tr("This month"))
        self.date_label.setText(self.tr("Collected on:"))
        self.collected_on.setToolTip(self.tr("The date written for members marked as paid (usually the meeting day)"))
        self.collector_label.setText(self.tr("Collected by:"))
        self.collector.setPlaceholderText(self.tr("Name of the person collecting"))
        self.mark_all_button.setText(self.tr("Mark everyone as paid"))
        self.mark_all_button.setToolTip(self.tr("Everyone not yet paid in full pays the amount due (not members "
                                                "with a reason for not paying); then untick whoever did not pay"))
        self.save_button.setText(self.tr("Save the month (Ctrl+S)"))
        self.save_button.setToolTip(self.tr("Record the month's collection in one step (Edit → Undo takes it back)"))
        self.discard_button.setText(self.tr("Discard changes"))
        self.print_button.setText(self.tr("Print the collection book (Ctrl+P)"))
        self.print_button.setToolTip(self.tr("\"Sổ thu đảng phí\" of the month with the remittance summary, as a PDF"))
        self.empty_label.setText(self.tr("No member owes dues this month."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._size_columns()
        self._show_rules()
        self._edited()

    def _size_columns(self) -> None:
        """Widths from typical contents; the name column fits the month's longest name and the reason
        column (usually empty) takes what is left, so the eleven columns fit a 1280-pixel window."""
        fm = self.table.fontMetrics()
        longest_state = max(self.model.state_labels().values(), key=fm.horizontalAdvance)
        longest_category = max((m.format() for m in D.CATEGORY_SHORT.values()), key=fm.horizontalAdvance)
        names = [row.line.full_name for row in self.model.rows] or ["Nguyễn Thị Phương"]
        samples = {"list_no": "000", "name": max(names, key=fm.horizontalAdvance), "category": longest_category,
                   "basis": "00.000.000 đ", "due": "000.000 đ", "full": "Đóng đủ", "paid": "000.000 đ",
                   "paid_on": "00/00/0000", "collector": "Nguyễn Văn Hùng", "state": longest_state}
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, key in enumerate(COLUMNS):
            if key == "reason":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = fm.horizontalAdvance(samples[key]) + 16
            self.table.setColumnWidth(column, min(width, 230) if key == "name" else width)
        header.setMinimumSectionSize(fm.horizontalAdvance("000") + 12)

    # ---- loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)read the month from the services; unsaved edits are dropped (callers ask first)."""
        try:
            sheet = self.services.dues.sheet(self.month, today=self.today())
            rules = self.services.dues.rules_for(self.month)
        except ServiceError as exc:
            self._show_error(exc.message)
            return
        self.month_edit.setText(D.month_label(self.month))
        self.model.load(sheet, rules)
        collectors = [line.collector for line in sheet.lines if line.collector]
        if collectors:
            self.collector.setText(Counter(collectors).most_common(1)[0][0])
        elif not self.collector.text().strip():
            self.collector.setText(self.services.cell.get().secretary_name)
        paid_days = [line.paid_on for line in sheet.lines if line.paid_on]
        self.collected_on.set_value(Counter(paid_days).most_common(1)[0][0] if paid_days
                                    else min(self.today(), D.month_end(self.month)))
        self.message.clear_message()
        self._size_columns()
        self.table.setVisible(bool(sheet.lines))
        self.empty_label.setVisible(not sheet.lines)
        self._show_rules()
        self._edited()

    def _show_rules(self) -> None:
        rules = self.model.rules
        if rules is None:
            return
        text = self.tr("Rules applied: {name}.").format(name=rules.name or rules.version)
        if rules.unverified:
            text += " " + self.tr("(not verified against the original document; see \"Dues rules\")")
        self.rules_note.setText(text)

    def set_month(self, month: dt.date) -> bool:
        """Show another month; asks first when the current one has unsaved changes."""
        month = D.month_start(month)
        if month == self.month:
            self.month_edit.setText(D.month_label(month))
            return True
        if not self.confirm_leave():
            self.month_edit.setText(D.month_label(self.month))
            return False
        self.month = month
        self.load()
        return True

    def is_dirty(self) -> bool:
        return self.model.is_dirty()

    def confirm_leave(self) -> bool:
        """True when the current month may be left: nothing unsaved, saved now, or discarded."""
        if not self.model.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Party dues"),
            self.tr("The collection of {month} has unsaved changes. Save them now?").format(
                month=D.month_label(self.month)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            return self.save()
        return answer == QMessageBox.StandardButton.No

    def _month_typed(self) -> None:
        try:
            month = D.parse_month(self.month_edit.text())
        except D.MonthParseError as exc:
            self._show_error(str(exc))
            self.month_edit.setText(D.month_label(self.month))
            return
        self.set_month(month)

    # ---- editing ------------------------------------------------------------------------------------
    def _default_paid_on(self) -> dt.date | None:
        try:
            return self.collected_on.value()
        except DateParseError:
            return None

    def _check_collected_on(self) -> None:
        error = "" if self.collected_on.is_being_typed() else self.collected_on.error()
        if not error:
            day = self._default_paid_on()
            if day is not None and day > self.today():
                error = PAID_ON_FUTURE.format(date=format_date(day))
        if error:
            self.date_message.set_error(error)
        else:
            self.date_message.clear_message()
        self._edited()

    def _show_error(self, text: str) -> None:
        self.message.set_error(text)

    def _after_edit(self) -> None:
        if self.message.kind == "error":
            self.message.clear_message()  # the user moved on from the refused value
        self._edited()

    def _edited(self) -> None:
        dirty = self.model.is_dirty()
        self.save_button.setEnabled(dirty and self.date_message.kind != "error")
        self.discard_button.setEnabled(dirty)
        self.mark_all_button.setEnabled(any(row.line.owed for row in self.model.rows))
        self.print_button.setEnabled(bool(self.model.rows))
        if dirty and self.message.kind != "error":
            count = len(self.model.changed_rows())
            self.message.set_warning(self.tr("{count} lines changed, not saved yet (Ctrl+S saves the month).")
                                     .format(count=count))
        elif not dirty and self.message.kind == "warning":
            self.message.clear_message()
        due, paid, kept, remitted, full, owing = self.model.totals()
        percent = self.model.sheet.retained_percent if self.model.sheet else 0
        self.totals.setText(self.tr(
            "Due: <b>{due}</b> &nbsp;·&nbsp; Collected: <b>{paid}</b> ({full}/{owing} members paid in full) "
            "&nbsp;·&nbsp; Kept by the cell ({percent}%): <b>{kept}</b> &nbsp;·&nbsp; To remit: <b>{remitted}</b>")
            .format(due=money_text(due), paid=money_text(paid), full=full, owing=owing,
                    percent=percent_text(percent),
                    kept=money_text(kept), remitted=money_text(remitted)))

    def mark_all_paid(self) -> None:
        count = self.model.mark_all_paid()
        if not count:
            self.message.set_warning(self.tr("Everyone owing this month has already paid in full."))

    def discard(self) -> None:
        self.load()

    def save(self) -> bool:
        """Record the changed lines in one mutation. True when nothing is left unsaved."""
        if not self.model.is_dirty():
            return True
        if self.date_message.kind == "error":
            self.collected_on.setFocus()
            return False
        entries = self.model.entries()
        try:
            sheet = self.services.dues.record(self.month, entries, paid_on=self._default_paid_on(),
                                              collector=self.collector.text(), today=self.today())
        except ValidationFailed as exc:
            self.model.set_errors(exc.errors)
            names = {row.line.member_id: row.line.full_name for row in self.model.rows}
            self._show_error("\n".join(f"{names.get(key, key)}: {text}" for key, text in exc.errors.items()))
            return False
        except ServiceError as exc:
            self._show_error(exc.message)
            return False
        self.model.load(sheet, self.services.dues.rules_for(self.month))
        self.message.clear_message()
        self._edited()
        return True

    # ---- printing -----------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        if not self.model.rows:
            return
        if self.model.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Print the collection book"),
                self.tr("Save the changes of {month} before printing? (No prints what was saved before.)")
                .format(month=D.month_label(self.month)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Cancel or (answer == QMessageBox.StandardButton.Yes
                                                               and not self.save()):
                return
        month, services, today = self.month, self.services, self.today()
        path = FILES.ask_path(self, services, self.tr("Print the dues collection book"),
                              f"so-thu-dang-phi-{month:%Y-%m}.pdf", ".pdf")
        if path is None:
            return

        def work():
            from ...reports.dues import write_dues_sheet

            return write_dues_sheet(services, month, path, today=today)

        self.last_task = run_in_background(self, work, on_done=lambda written: FILES.offer_open(self, written),
                                           busy_text=self.tr("Preparing the dues collection book…"))
