"""Sinh hoạt chi bộ: the year view (each month's regular meeting, each quarter's thematic meeting, what is
missing or overdue), the absences that need attention, and the year's meetings with their actions: new
meeting, open the minutes, delete a draft, print the minutes / the resolution / the minutes book, export
to Word.

A Page (ui/common/page.py): it refreshes on changes to meetings, attendance and resolutions, only while
visible, and not for the changes of its own actions (it shows those itself, once)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...services.errors import ServiceError
from ..common.screen_fit import stretch_at_least
from ..common.shortcuts import shortcut
from ..common.page import Page
from ..common.widgets import WARNING_COLOR
from .new_meeting import NewMeetingDialog
from .output import MeetingOutput
from .table import COLUMNS, MeetingTableModel
from .year_view import YearView

# Overview reminders this page can show (the others are about a member and open the member).
MEETING_REMINDER_KINDS = {"meeting_missing", "thematic_missing", "thematic_due", "minutes_draft",
                          "absent_without_reason"}


class MeetingsPage(Page):
    WATCHES = frozenset({"meetings", "meeting_attendance", "resolutions"})

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.today: dt.date | None = None  # None = the real date; tests set a fixed one
        self.editors: list = []
        self.dialog = None  # the latest new-meeting / resolution dialog (tests drive it)
        self.output = MeetingOutput(services, self)
        self._build_toolbar()
        top = self._build_top()
        self._build_table()
        self._build_list_header()
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.year_view)
        layout.addWidget(self.absences)
        layout.addLayout(self.list_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.details)
        self.year.valueChanged.connect(self.refresh)
        self.retranslate()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._update_actions()

    def _build_toolbar(self) -> None:
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
        self.notice_action = self._action(self.print_notice)
        self.signin_action = self._action(self.print_signin)
        self.plan_action = self._action(self.print_plan)
        self.report_action = self._action(self.print_report)

    def _build_top(self) -> QHBoxLayout:
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
        return top

    def _build_table(self) -> None:
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
            shortcut(QKeySequence(key), self.table, self.open_selected, Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)
        # Ctrl+F here searches the minutes: the window's search box (it also finds resolutions and members).
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)

    def _build_list_header(self) -> None:
        self.list_title = QLabel()
        self.list_title.setFont(self.plan_title.font())
        self.show_replaced = QCheckBox()
        self.show_replaced.setObjectName("show_replaced")
        self.show_replaced.toggled.connect(self.refresh)
        self.list_row = QHBoxLayout()
        self.list_row.addWidget(self.list_title)
        self.list_row.addStretch(1)
        self.list_row.addWidget(self.show_replaced)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

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
        self.new_action.setText(self.tr("New meeting"))
        self.new_action.setToolTip(self.tr("Create the minutes of a new meeting (Ctrl+N)"))
        self.open_action.setText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Open the selected minutes (Enter or double-click)"))
        self.delete_action.setText(self.tr("Delete draft"))
        self.delete_action.setToolTip(self.tr("Delete the selected draft (approved minutes are kept for good)"))
        self.print_action.setText(self.tr("Print minutes"))
        self.print_action.setToolTip(self.tr("Preview the selected minutes, then print or save them (Ctrl+P)"))
        self.notice_action.setText(self.tr("Invitation"))
        self.notice_action.setToolTip(self.tr("The invitation to the members and the committee above: time, place "
                                              "and content of the selected meeting"))
        self.report_action.setText(self.tr("Monthly report"))
        self.report_action.setToolTip(self.tr("The report to the committee above of the selected meeting's month "
                                              "(this month when none is selected)"))
        self.plan_action.setText(self.tr("Thematic plan"))
        self.plan_action.setToolTip(self.tr("The year's thematic-meeting plan to report to the committee above"))
        self.signin_action.setText(self.tr("Sign-in sheet"))
        self.signin_action.setToolTip(self.tr("The list of the cell's members with a column to sign at the meeting"))
        self.resolution_action.setText(self.tr("Print resolution"))
        self.resolution_action.setToolTip(self.tr("Preview the selected meeting's resolution, then print or save it"))
        self.book_action.setText(self.tr("Minutes book of the year"))
        self.book_action.setToolTip(self.tr("Every approved minutes of the year in one bound PDF, with a table "
                                            "of contents"))
        self.docx_action.setText(self.tr("Export to Word"))
        self.docx_action.setToolTip(self.tr("Save the selected minutes as a Word (DOCX) file"))
        self.year_label.setText(self.tr("Year:"))
        self.list_title.setText(self.tr("Meetings of the year"))
        self.show_replaced.setText(self.tr("Also show amended (replaced) minutes"))
        self.refresh()

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
        # A model reset clears the selection without a signal: the details follow what is selected now (a
        # deleted draft's details go).
        self._selection_changed()

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
        # The period or topic fills the room left, but keeps "Tháng 12/2026" whole on a laptop at 125 %
        # (it showed "Tháng 1/20…"); the table scrolls sideways instead.
        stretch_at_least(self.table, COLUMNS.index("title"),
                         self.table.fontMetrics().horizontalAdvance("Tháng 12/2026") + 24)

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
        """Bring up the year the meeting counts for (its period, not the date of a search hit) and select
        it in the list. Replaced minutes are shown only to show replaced minutes."""
        if year is None and self.model.row_of(meeting_id) >= 0:
            return self.select(meeting_id)
        replaced = False
        if year is None:
            try:
                record = self.services.meetings.get(meeting_id)
            except ServiceError:
                return False
            year, replaced = record.content.period_year, record.superseded_by is not None
        shown_replaced = replaced and not self.show_replaced.isChecked()
        if shown_replaced:
            self.show_replaced.blockSignals(True)  # one refresh below, not one per control
            self.show_replaced.setChecked(True)
            self.show_replaced.blockSignals(False)
        if year != self.year.value():
            self.year.setValue(year)  # refreshes
        elif shown_replaced or self.model.row_of(meeting_id) < 0:
            self.refresh()
        return self.select(meeting_id)

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
        self.notice_action.setEnabled(m is not None)
        self.signin_action.setEnabled(m is not None)
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
        dialog = NewMeetingDialog(self.services, self, kind=kind, held_on=held_on, period=period, initiator=self)
        dialog.accepted.connect(lambda: self._created(dialog.created))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, record) -> None:
        if record is None:
            return
        if record.content.period_year == self.year.value():
            self.refresh()  # the dialog acted for this page: its change was not shown yet
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
        editor.deleteLater()  # what it saved has already been shown (its change events)

    def open_resolution(self, meeting_id: str):
        from .resolution import ResolutionDialog

        try:
            dialog = ResolutionDialog(self.services, meeting_id, self)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("Cell meetings"), exc.message)
            return None
        self.dialog = dialog
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
            with self.notifier.action(self):
                self.services.meetings.delete(m.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Delete draft"), exc.message)
            return
        self.refresh()

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

    def print_notice(self) -> None:
        m = self.selected()
        if m is not None:
            self._flush_editor(m.id)
            self.output.print_paper(m.id, "notice")

    def print_report(self) -> None:
        m, today = self.selected(), self._today()
        month = dt.date(m.held_on.year, m.held_on.month, 1) if m is not None else today.replace(day=1)
        self.output.print_report(month, today)

    def print_plan(self) -> None:
        self.output.print_plan(self.year.value(), self._today())

    def print_signin(self) -> None:
        m = self.selected()
        if m is not None:
            self._flush_editor(m.id)
            self.output.print_paper(m.id, "signin")

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
        if due is not None and due.year != self.year.value():
            self.year.setValue(due.year)  # refreshes
        elif self._stale:  # hidden while things changed: the list must be current to find the meeting
            self._stale = False
            self.refresh()
        if kind in ("minutes_draft", "absent_without_reason") and due is not None:
            found = [m for m in self.model.rows if m.held_on == due and not m.superseded_by]
            if found:
                self.select(found[0].id)
                self.open_meeting(found[0].id)
                return True
        self.year_view.setFocus()
        return True
