"""The month's collection table: each member's line as loaded with the secretary's edits on top
(`EditLine`), the Qt model that shows and edits them (`DuesSheetModel`; totals follow every edit) and the
cell editors (`DuesDelegate`: categories, amounts, dates, the "paid in full" tick)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, QRegularExpression, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ...domain import dues as D
from ...domain.dates import DateParseError, format_date, parse_date
from ...domain.members import DUES_CATEGORIES, DUES_CATEGORY_LABELS
from ...domain.text import clean_line, clean_text
from ...services.dues.service import DuesLine, MonthSheet, PaymentEntry
from ..common.widgets import ERROR_COLOR, DateEdit, format_money, parse_money

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
    base_rev: int = 0       # the ledger row's revision this edit starts from (saving over a newer is refused)

    @classmethod
    def of(cls, line: DuesLine) -> "EditLine":
        return cls(line, line.category, line.basis, line.amount_paid, line.paid_on, line.collector,
                   line.excused_reason, base_rev=line.rev)

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
            collector=self.collector, excused_reason=self.excused_reason, base_rev=self.base_rev)


class DuesSheetModel(QAbstractTableModel):
    """The month's lines with the user's edits. The amount due, each line's state, the share kept and every
    check of a typed value come from the dues service (`service`), which applies the same rules when the
    month is recorded; the model only parses what was typed."""

    edited = Signal()           # any edit: totals and the unsaved-changes note follow
    input_error = Signal(str)   # a value the user typed was refused (shown under the table)

    def __init__(self, service, parent=None) -> None:
        super().__init__(parent)
        self.service = service  # services.dues
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
    def preview(self, row: EditLine):
        """The service's view of the line as typed (amount due, basis or not, state)."""
        return self.service.preview_line(self.rules, row.line.month, row.category, row.basis, row.amount_paid,
                                         row.paid_on, row.excused_reason,
                                         None if row.touched else row.line.amount_due)

    def due(self, row: EditLine) -> int:
        if self.rules is None:
            return row.line.amount_due
        return self.preview(row).amount_due

    def uses_basis(self, row: EditLine) -> bool:
        return self.rules is not None and self.preview(row).uses_basis

    def state(self, row: EditLine) -> str:
        if self.rules is None:
            return row.line.state
        return self.preview(row).state

    def refused(self, row: EditLine, **typed) -> str:
        """The service's message for a value typed into `row` ("" when it would be recorded)."""
        fields = {"amount_paid": row.amount_paid, "paid_on": None, **typed}
        errors = self.service.check_entry(PaymentEntry(row.line.member_id, **fields), self.today())
        return next((errors[key] for key in typed if key in errors), "")

    def changed_rows(self) -> list[EditLine]:
        return [row for row in self.rows if row.changed()]

    def is_dirty(self) -> bool:
        return any(row.changed() for row in self.rows)

    def totals(self) -> tuple[int, int, int, int, int, int]:
        """(due, collected, kept, remitted, paid in full, owing) as the sheet will be once saved."""
        owed = [row for row in self.rows if row.line.owed]
        due = sum(self.due(row) for row in owed)
        paid = sum(row.amount_paid for row in self.rows)
        kept, remitted = self.service.split(paid, self.rules)
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
            refused = self.refused(row, **{"basis" if column == "basis" else "amount_paid": amount})
            if refused:
                self.input_error.emit(refused)
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
            refused = self.refused(row, paid_on=day)
            if refused:
                self.input_error.emit(refused)
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

    def draft_rows(self) -> dict[str, dict]:
        """The changed lines as a JSON-ready draft (member id -> what was typed)."""
        return {row.line.member_id: {
            "category": row.category, "basis": row.basis, "amount_paid": row.amount_paid,
            "paid_on": row.paid_on.isoformat() if row.paid_on else None, "collector": row.collector,
            "excused_reason": row.excused_reason, "touched": row.touched, "base_rev": row.base_rev}
            for row in self.changed_rows()}

    def apply_draft_rows(self, edits: dict[str, dict]) -> int:
        """Put a recovered draft's lines back over the loaded ones (members no longer listed are skipped)."""
        count = 0
        for row in self.rows:
            edit = edits.get(row.line.member_id)
            if not isinstance(edit, dict):
                continue
            if edit.get("category") in DUES_CATEGORIES:
                row.category = edit["category"]
            row.basis = int(edit.get("basis") or 0)
            row.amount_paid = int(edit.get("amount_paid") or 0)
            row.paid_on = dt.date.fromisoformat(edit["paid_on"]) if edit.get("paid_on") else None
            row.collector = edit.get("collector") or ""
            row.excused_reason = edit.get("excused_reason") or ""
            row.touched = bool(edit.get("touched", True))
            # Typed over the line as it was then: a line recorded elsewhere since makes the save ask.
            row.base_rev = int(edit.get("base_rev", row.line.rev))
            count += 1
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
            self.edited.emit()
        return count

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


