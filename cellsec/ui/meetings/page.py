"""Sinh hoạt chi bộ: the year view (each month's regular meeting, each quarter's thematic meeting, what is
missing or overdue), the absences that need attention, and the year's meetings with their actions: new
meeting, open the minutes, delete a draft, print the minutes / the resolution / the minutes book, export
to Word."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QAbstractTableModel, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.meetings import (
    KIND_LABELS,
    MEETING_KINDS,
    QUARTER_NAMES,
    SLOT_STATE_LABELS,
    TOPIC_REQUIRED_KINDS,
    MinutesContent,
    check_content,
    clean_content,
)
from ...services.errors import ServiceError, ValidationFailed
from .fields import TimeField
from .output import MeetingOutput
from ..common.widgets import ERROR_COLOR, WARNING_COLOR, DateEdit, FieldMessage, with_message

MEETING_ENTITIES = {"meetings", "meeting_attendance", "resolutions"}
ID_ROLE = Qt.ItemDataRole.UserRole
# Slot state -> (background, border, text colour) of a year-view tile.
STATE_COLORS = {
    "done": ("#e6f4ea", "#2e7d32", "#1e5a24"),
    "draft": ("#e8f0fe", "#1a73e8", "#174ea6"),
    "missing": ("#fce8e6", "#b3261e", "#b3261e"),
    "due": ("#fef7e0", "#c08a00", "#8a5300"),
    "upcoming": ("#f5f5f5", "#c8ccd2", "#5f6368"),
}
STATE_MARKS = {"done": "✓", "draft": "✎", "missing": "✗", "due": "!", "upcoming": ""}
# Overview reminders this page can show (the others are about a member and open the member).
MEETING_REMINDER_KINDS = {"meeting_missing", "thematic_missing", "thematic_due", "minutes_draft",
                          "absent_without_reason"}


# ---------------------------------------------------------------------------------------------------
# The year's meetings
# ---------------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------------
# The year view
# ---------------------------------------------------------------------------------------------------


class YearView(QWidget):
    """Twelve month tiles (regular meetings) over four quarter tiles (thematic meetings), coloured by state:
    green approved, blue draft, red missing (overdue), amber due now, grey not due yet."""

    slot_clicked = Signal(str, int)  # ("month" | "quarter", number)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = None
        self.month_tiles: list[QToolButton] = []
        self.quarter_tiles: list[QToolButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        self.regular_label = QLabel()
        self.thematic_label = QLabel()
        grid.addWidget(self.regular_label, 0, 0)
        grid.addWidget(self.thematic_label, 1, 0)
        for month in range(1, 13):
            tile = self._tile(f"month_{month}")
            tile.clicked.connect(lambda _=False, m=month: self.slot_clicked.emit("month", m))
            grid.addWidget(tile, 0, month)
            self.month_tiles.append(tile)
        for quarter in range(1, 5):
            tile = self._tile(f"quarter_{quarter}")
            tile.clicked.connect(lambda _=False, q=quarter: self.slot_clicked.emit("quarter", q))
            grid.addWidget(tile, 1, 3 * quarter - 2, 1, 3)
            self.quarter_tiles.append(tile)
        for column in range(1, 13):
            grid.setColumnStretch(column, 1)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(self.legend, 2, 1, 1, 12)

    def _tile(self, name: str) -> QToolButton:
        tile = QToolButton()
        tile.setObjectName(name)
        tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Ignored: the columns share the width equally whatever the text (the tooltip has the details).
        tile.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        tile.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        return tile

    def set_plan(self, plan) -> None:
        self.plan = plan
        self.regular_label.setText(self.tr("Regular"))
        self.thematic_label.setText(self.tr("Thematic"))
        for slot, tile in zip(plan.months, self.month_tiles):
            first = slot.meetings[0] if slot.meetings else None
            second = f"{first.held_on:%d/%m}" if first else self._short(slot.state)
            tile.setText(self.tr("Month {month}").format(month=slot.month) + "\n"
                         + f"{STATE_MARKS[slot.state]} {second}".strip())
            tile.setToolTip(self._month_tip(plan.year, slot))
            self._paint(tile, slot.state)
        for slot, tile in zip(plan.quarters, self.quarter_tiles):
            name = QUARTER_NAMES[slot.quarter - 1]
            combined = self.tr("with the regular meeting")
            if slot.meetings:
                second = ", ".join(f"{m.held_on:%d/%m}" + (f" ({combined})" if m.kind == "combined" else "")
                                   for m in slot.meetings)
            else:
                second = self._short(slot.state)
            tile.setText(self.tr("Quarter {quarter}").format(quarter=name) + "\n"
                         + f"{STATE_MARKS[slot.state]} {second}".strip())
            tile.setToolTip(self._quarter_tip(plan.year, slot))
            self._paint(tile, slot.state)
        swatch = "<span style='color:{0}'>■</span> {1}"
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            swatch.format(STATE_COLORS[state][1], html.escape(SLOT_STATE_LABELS[state].format()))
            for state in ("done", "draft", "missing", "due", "upcoming")))

    def _short(self, state: str) -> str:
        return {"done": "", "draft": "", "missing": self.tr("not held"), "due": self.tr("due now"),
                "upcoming": ""}[state]

    def _month_tip(self, year: int, slot) -> str:
        head = self.tr("Month {month}/{year}").format(month=slot.month, year=year)
        state = SLOT_STATE_LABELS[slot.state].format()
        if slot.state == "missing":
            return f"{head} — {state}: " + self.tr("no minutes of the month's regular meeting.")
        if slot.state == "due":
            return f"{head} — {state}: " + self.tr("the month's regular meeting is still to be held.")
        held = "; ".join(f"{format_date(m.held_on)}" + (f" ({KIND_LABELS[m.kind].format()})" if m.kind != "thuong_ky"
                                                         else "") for m in slot.meetings)
        return f"{head} — {state}" + (f": {held}" if held else "")

    def _quarter_tip(self, year: int, slot) -> str:
        head = self.tr("Quarter {quarter}/{year}").format(quarter=QUARTER_NAMES[slot.quarter - 1], year=year)
        state = SLOT_STATE_LABELS[slot.state].format()
        if slot.state in ("missing", "due"):
            need = self.tr("at least {required} thematic meeting(s) needed, {held} held.")
            return f"{head} — {state}: " + need.format(required=slot.required, held=len(slot.meetings))
        held = "; ".join(f"{format_date(m.held_on)}: {m.topic}" for m in slot.meetings)
        return f"{head} — {state}" + (f": {held}" if held else "")

    @staticmethod
    def _paint(tile: QToolButton, state: str) -> None:
        background, border, text = STATE_COLORS[state]
        weight = "bold" if state in ("missing", "due") else "normal"
        tile.setProperty("state", state)
        tile.setStyleSheet(f"QToolButton {{ background: {background}; border: 1px solid {border}; border-radius: 3px; "
                           f"color: {text}; font-weight: {weight}; padding: 2px; }}"
                           f"QToolButton:focus {{ border: 2px solid {border}; }}")


# ---------------------------------------------------------------------------------------------------
# A new meeting
# ---------------------------------------------------------------------------------------------------


class NewMeetingDialog(QDialog):
    """Type, date, the month it counts for, the topic of a thematic meeting; the service fills in the
    agenda from the template and freezes the attendance list."""

    def __init__(self, services, parent: QWidget | None = None, kind: str = "thuong_ky",
                 held_on: dt.date | None = None, period: tuple[int, int] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.created = None
        self._period_touched = period is not None
        self._topic_touched = False
        self.setWindowTitle(self.tr("New meeting"))
        self.resize(620, 0)
        self.messages: dict[str, FieldMessage] = {}

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key in MEETING_KINDS:
            self.kind.addItem(KIND_LABELS[key].format(), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.held_on = DateEdit()
        self.held_on.setObjectName("held_on")
        self.held_on.setMaximumWidth(150)
        self.held_on.set_value(held_on or dt.date.today())
        self.month = QSpinBox()
        self.month.setObjectName("period_month")
        self.month.setRange(1, 12)
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(1930, 2200)
        on = held_on or dt.date.today()
        month, year = period or (on.month, on.year)
        self.month.setValue(month)
        self.year.setValue(year)
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setMaxLength(500)
        self.start = TimeField()
        self.start.setObjectName("start_time")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setPlaceholderText(self.tr("as at the previous meeting"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(form, "kind", self.tr("Meeting type:"), self.kind)
        self._row(form, "held_on", self.tr("Held on:"), self.held_on)
        period_row = QHBoxLayout()
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.month)
        period_row.addWidget(QLabel(self.tr("of year")))
        period_row.addWidget(self.year)
        period_row.addStretch(1)
        period_box = QWidget()
        period_box.setLayout(period_row)
        self._row(form, "period_month", self.tr("Meeting of month:"), period_box)
        self.topic_label = QLabel()
        box, self.messages["topic"] = with_message(self.topic)
        form.addRow(self.topic_label, box)
        self._row(form, "start_time", self.tr("Starts at:"), self.start)
        self._row(form, "location", self.tr("Place:"), self.location)
        hint = QLabel(self.tr("The agenda is taken from the template and the attendance list from the members "
                              "in the cell on the meeting date."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create and open"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self.validate)
        self.held_on.date_changed.connect(self._date_changed)
        self.month.valueChanged.connect(self._period_edited)
        self.year.valueChanged.connect(self._period_edited)
        self.topic.textEdited.connect(self._topic_edited)
        self.start.time_changed.connect(self.validate)
        self.validate()

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box, self.messages[key] = with_message(widget)
        form.addRow(label, box)

    def _date_changed(self) -> None:
        # The month follows the date until the user sets it (a November meeting may be held on 2 December).
        value = None if self.held_on.error() else self.held_on.value()
        if value is not None and not self._period_touched:
            for spin, number in ((self.month, value.month), (self.year, value.year)):
                spin.blockSignals(True)
                spin.setValue(number)
                spin.blockSignals(False)
        self.validate()

    def _period_edited(self) -> None:
        self._period_touched = True
        self.validate()

    def _topic_edited(self) -> None:
        self._topic_touched = True
        self.validate()

    def content(self) -> MinutesContent:
        held_on = None if self.held_on.error() else self.held_on.value()
        return MinutesContent(kind=self.kind.currentData(), held_on=held_on, topic=self.topic.text(),
                              period_month=self.month.value(), period_year=self.year.value(),
                              start_time=self.start.value(), location=self.location.text())

    def validate(self, *_args, show_all: bool = False) -> dict[str, str]:
        kind = self.kind.currentData()
        self.topic_label.setText(self.tr("Topic:") if kind in TOPIC_REQUIRED_KINDS else self.tr("Matter (optional):")
                                 if kind == "bat_thuong" else self.tr("Topic (optional):"))
        errors, warnings = check_content(clean_content(self.content()))
        if self.held_on.error():
            errors["held_on"] = self.held_on.error()
        if self.start.error():
            errors["start_time"] = self.start.error()
        for key, message in self.messages.items():
            quiet = key == "topic" and not (self._topic_touched or show_all)
            if quiet or (key == "held_on" and self.held_on.is_being_typed()):
                message.clear_message()
            else:
                message.show_result(key, errors, warnings)
        self.create_button.setEnabled(not errors)
        return errors

    def create(self) -> None:
        if self.validate(show_all=True):
            return
        c = self.content()
        try:
            self.created = self.services.meetings.create(
                c.kind, c.held_on, topic=c.topic, period_month=c.period_month, period_year=c.period_year,
                start_time=c.start_time, location=c.location)
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                self.messages.get(key, self.messages["kind"]).set_error(text)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()


# ---------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------


class MeetingsPage(QWidget):
    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.notifier = notifier
        self.today: dt.date | None = None  # None = the real date; tests set a fixed one
        self.editors: list = []
        self.dialog = None  # the latest new-meeting / resolution dialog (tests drive it)
        self._retranslate_pending = False
        self.output = MeetingOutput(services, self)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(self.new_meeting, QKeySequence.StandardKey.New)
        self.open_action = self._action(self.open_selected)
        self.delete_action = self._action(self.delete_selected)
        self.toolbar.addSeparator()
        self.print_action = self._action(self.print_minutes, QKeySequence.StandardKey.Print)
        self.resolution_action = self._action(self.print_resolution)
        self.book_action = self._action(self.print_book)
        self.docx_action = self._action(self.export_docx)

        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(1990, 2200)
        self.year.setValue(self._today().year)
        self.year.setKeyboardTracking(False)
        self.plan_title = QLabel()
        bold = self.plan_title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.plan_title.setFont(bold)
        self.others = QLabel()
        self.others.setObjectName("others")
        top = QHBoxLayout()
        top.addWidget(self.plan_title)
        top.addStretch(1)
        top.addWidget(self.others)
        top.addSpacing(16)
        top.addWidget(self.year_label)
        top.addWidget(self.year)

        self.year_view = YearView()
        self.year_view.setObjectName("year_view")
        self.year_view.slot_clicked.connect(self._slot_clicked)
        self.absences = QLabel()
        self.absences.setObjectName("absences")
        self.absences.setWordWrap(True)
        self.absences.setTextFormat(Qt.TextFormat.RichText)

        self.model = MeetingTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("meetings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self.open_selected, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        # Ctrl+F here searches the minutes: the window's search box (it also finds resolutions and members).
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        self.list_title = QLabel()
        self.list_title.setFont(bold)
        self.show_replaced = QCheckBox()
        self.show_replaced.setObjectName("show_replaced")
        self.show_replaced.toggled.connect(self.refresh)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_title)
        list_row.addStretch(1)
        list_row.addWidget(self.show_replaced)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.year_view)
        layout.addWidget(self.absences)
        layout.addLayout(list_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.details)

        self.year.valueChanged.connect(self.refresh)
        self.retranslate()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        notifier.changed.connect(self._on_change)
        self._update_actions()

    def page_title(self) -> str:
        return self.tr("Cell meetings")

    def _action(self, slot, shortcut=None) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.toolbar.addAction(action)
        return action

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    # ---- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._retranslate_pending = False
        self.new_action.setText(self.tr("New meeting"))
        self.new_action.setToolTip(self.tr("Create the minutes of a new meeting (Ctrl+N)"))
        self.open_action.setText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Open the selected minutes (Enter or double-click)"))
        self.delete_action.setText(self.tr("Delete draft"))
        self.delete_action.setToolTip(self.tr("Delete the selected draft (approved minutes are kept for good)"))
        self.print_action.setText(self.tr("Print minutes"))
        self.print_action.setToolTip(self.tr("Make the PDF of the selected minutes and open it to print (Ctrl+P)"))
        self.resolution_action.setText(self.tr("Print resolution"))
        self.resolution_action.setToolTip(self.tr("Make the PDF of the selected meeting's resolution"))
        self.book_action.setText(self.tr("Minutes book of the year"))
        self.book_action.setToolTip(self.tr("Every approved minutes of the year in one bound PDF, with a table "
                                            "of contents"))
        self.docx_action.setText(self.tr("Export to Word"))
        self.docx_action.setToolTip(self.tr("Save the selected minutes as a Word (DOCX) file"))
        self.year_label.setText(self.tr("Year:"))
        self.list_title.setText(self.tr("Meetings of the year"))
        self.show_replaced.setText(self.tr("Also show amended (replaced) minutes"))
        self.refresh()

    def changeEvent(self, event) -> None:
        # Deferred: the services' own labels switch language only after Qt's translators are swapped.
        if event.type() == QEvent.Type.LanguageChange and not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate)
        super().changeEvent(event)

    # ---- showing ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        selected = self.selected_id()
        today = self._today()
        meetings = self.services.meetings
        self.model.set_rows(meetings.list(year, include_superseded=self.show_replaced.isChecked()))
        plan = meetings.year_view(year, today)
        self.plan_title.setText(self.tr("Meetings plan of {year}").format(year=year))
        self.year_view.set_plan(plan)
        self.others.setText(self.tr("Extraordinary meetings: {count}").format(count=len(plan.others))
                            if plan.others else "")
        self._show_absences(meetings.absences(year, today))
        self._size_columns()
        if selected:
            self.select(selected)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.empty_label.setText(self.tr("No meeting recorded in {year}. Create one with \"New meeting\" "
                                         "(Ctrl+N).").format(year=year))
        self._update_actions()

    def _show_absences(self, report) -> None:
        parts = []
        if report.over_consecutive:
            names = ", ".join(self.tr("{name} ({count} times)").format(name=s.full_name, count=s.longest)
                              for s in report.over_consecutive)
            parts.append(self.tr("Absent more than {limit} times in a row: {names}.").format(
                limit=self.services.meetings.rules(self._today()).consecutive_absence_limit, names=names))
        if report.removal_risks:
            names = ", ".join(self.tr("{name} (months {months})").format(
                name=r.full_name, months=", ".join(str(m) for m in r.months)) for r in report.removal_risks)
            parts.append(self.tr("Missed meetings without valid reason in 3 or more months (grounds to consider "
                                 "removal): {names}.").format(names=names))
        self.absences.setText(f"<span style='color:{WARNING_COLOR}'>⚠ " + "<br>⚠ ".join(html.escape(p) for p in parts)
                              + "</span>" if parts else "")
        self.absences.setVisible(bool(parts))

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)

    def _on_change(self, change) -> None:
        if change.touches(MEETING_ENTITIES):
            self.refresh()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.meeting_id(rows[0].row()) if rows else None

    def selected(self):
        meeting_id = self.selected_id()
        return self.model.rows[self.model.row_of(meeting_id)] if meeting_id else None

    def select(self, meeting_id: str) -> bool:
        row = self.model.row_of(meeting_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def show_meeting(self, meeting_id: str, year: int | None = None) -> bool:
        """Bring the meeting's year up and select it in the list."""
        if year is not None and year != self.year.value():
            self.year.setValue(year)
        if not self.select(meeting_id) and not self.show_replaced.isChecked():
            self.show_replaced.setChecked(True)
            return self.select(meeting_id)
        return True

    def _selection_changed(self, *_args) -> None:
        self._update_actions()
        m = self.selected()
        if m is None:
            self.details.setText("")
            return
        lines = [f"<b>{html.escape(m.title)}</b> — {format_date(m.held_on)}"
                 + (f" — {html.escape(m.number)}" if m.number else "")]
        lines += [f"<span style='color:{WARNING_COLOR if f.severity == 'warning' else '#5f6368'}'>"
                  f"{'⚠' if f.severity == 'warning' else '•'} {html.escape(f.text)}</span>" for f in m.flags]
        self.details.setText("<br>".join(lines))

    def _update_actions(self, *_args) -> None:
        m = self.selected()
        self.open_action.setEnabled(m is not None)
        self.delete_action.setEnabled(m is not None and m.status == "draft" and m.resolution_status != "approved")
        self.print_action.setEnabled(m is not None)
        self.docx_action.setEnabled(m is not None)
        self.resolution_action.setEnabled(m is not None and m.resolution_status is not None)
        self.book_action.setEnabled(any(r.status == "approved" for r in self.model.rows))

    def _focus_search(self) -> None:
        box = getattr(self.window(), "search_box", None)
        if box is not None:
            box.focus_search()

    # ---- actions ------------------------------------------------------------------------------------
    def new_meeting(self, kind: str = "thuong_ky", period: tuple[int, int] | None = None) -> NewMeetingDialog:
        held_on = None
        if period is not None and (period[1], period[0]) != (self._today().year, self._today().month):
            held_on = dt.date(period[1], period[0], 5)  # a past or future month: a date inside it to start from
        dialog = NewMeetingDialog(self.services, self, kind=kind, held_on=held_on, period=period)
        dialog.accepted.connect(lambda: self._created(dialog.created))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, record) -> None:
        if record is None:
            return
        self.show_meeting(record.id, record.content.period_year)
        self.open_meeting(record.id)

    def open_selected(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: str):
        """Open the minutes editor (or bring forward the one already open). Also used by search."""
        from .editor import MeetingEditor

        for editor in self.editors:
            if editor.meeting_id == meeting_id:
                editor.show()
                editor.raise_()
                editor.activateWindow()
                return editor
        try:
            editor = MeetingEditor(self.services, meeting_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Cell meetings"), exc.message)
            return None
        editor.open_requested.connect(self.open_meeting)
        editor.finished.connect(lambda _result, e=editor: self._editor_closed(e))
        editor.saved.connect(lambda record: self.show_meeting(record.id))
        self.editors.append(editor)
        editor.show()
        return editor

    def _editor_closed(self, editor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        editor.deleteLater()
        self.refresh()

    def open_resolution(self, meeting_id: str):
        from .resolution import ResolutionDialog

        try:
            dialog = ResolutionDialog(self.services, meeting_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Cell meetings"), exc.message)
            return None
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        m = self.selected()
        if m is None:
            return
        if m.status != "draft":
            QMessageBox.information(self, self.tr("Delete draft"),
                                    self.tr("Approved minutes are kept for good and cannot be deleted."))
            return
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete the draft minutes of {date} ({title})?\n\nYou can undo this at once with Edit → Undo "
                    "(Ctrl+Z).").format(date=format_date(m.held_on), title=m.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for editor in list(self.editors):
            if editor.meeting_id == m.id:
                editor.read_only = True  # nothing left to save
                editor.close()
        try:
            self.services.meetings.delete(m.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete draft"), exc.message)

    def _flush_editor(self, meeting_id: str) -> None:
        """An open editor's latest text goes into the printout."""
        for editor in self.editors:
            if editor.meeting_id == meeting_id:
                editor.autosave()

    def print_minutes(self) -> None:
        m = self.selected()
        if m is not None:
            self._flush_editor(m.id)
            self.output.print_minutes(m.id, m.held_on)

    def print_resolution(self) -> None:
        m = self.selected()
        if m is not None and m.resolution_status is not None:
            self.output.print_resolution(m.id, m.held_on)

    def print_book(self) -> None:
        self.output.print_book(self.year.value())

    def export_docx(self) -> None:
        m = self.selected()
        if m is not None:
            self._flush_editor(m.id)
            self.output.export_docx(m.id, m.held_on)

    # ---- the year view and the overview's reminders -------------------------------------------------
    def _slot_clicked(self, what: str, number: int) -> None:
        plan = self.year_view.plan
        slot = plan.months[number - 1] if what == "month" else plan.quarters[number - 1]
        if slot.meetings:
            self.select(slot.meetings[-1].id)
            self.table.setFocus()
            return
        if slot.state == "upcoming" and what == "quarter":
            return
        if what == "month":
            self.new_meeting("thuong_ky", (number, plan.year))
        else:
            month = min(max(self._today().month, 3 * number - 2), 3 * number) if plan.year == self._today().year \
                else 3 * number - 2
            self.new_meeting("chuyen_de", (month, plan.year))

    def show_reminder(self, kind: str, due: dt.date | None) -> bool:
        """From the overview: show the year the reminder is about; a reminder about one meeting (minutes
        not approved, absences without reason) opens that meeting. False for a reminder not about meetings."""
        if kind not in MEETING_REMINDER_KINDS:
            return False
        if due is not None:
            self.year.setValue(due.year)
        if kind in ("minutes_draft", "absent_without_reason") and due is not None:
            found = [m for m in self.model.rows if m.held_on == due and not m.superseded_by]
            if found:
                self.select(found[0].id)
                self.open_meeting(found[0].id)
                return True
        self.year_view.setFocus()
        return True
