"""Đảng phí — "Thu đảng phí tháng": one month's collection sheet, edited in place and saved in one step.

The table holds the month's lines from svc.dues.sheet(month) and the user's edits on top of them: the
basis and category for this month (the amount due follows live, computed by the month's rules), the
amount paid (a "paid in full" tick per row, and "mark everyone paid" for the meeting), the date, who
collected it, and a valid reason for not paying. Saving sends every changed line to svc.dues.record()
in one mutation, so Edit → Undo takes the whole month back. Each line is saved from the revision it was
read at: lines recorded elsewhere meanwhile (another window, the command line, a sync) are never
overwritten — the save asks, and while edits are on screen a banner says when the month changed elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import dues as D
from ...domain.dates import DateParseError
from ...domain.text import clean_line
from ...services.dues.service import LinesChangedMeanwhile, PaymentEntry
from ...services.errors import ServiceError, ValidationFailed
from ..common.preview import PrintJob, preview_on
from ..common.editor import DraftKeeper, ElsewhereBanner, RevisionWatch, ask_changed_meanwhile
from ..common.rule_marker import editable_rule
from ..common.widgets import DateEdit, FieldMessage, banner, local_clock, muted_label
from .sheet import COLUMNS, DuesDelegate, DuesSheetModel, money_text, percent_text

DRAFT_KIND = "dues_month"
DUES_ENTITIES = {"dues_payments", "dues_rules_versions", "members", "member_status_changes", "cells"}


class MonthTab(QWidget):
    """The month selector, the collection table, the totals, save and print."""

    def __init__(self, services, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.month = D.month_start(today())
        self.last_task = None  # the latest print job (tests wait on its `finished`)
        self.loading = False
        # Typed amounts are autosaved as a draft of the month (services.drafts) and offered back after a
        # crash: the shared editor's keeper (idle 1 s, at most 2 s while typing).
        self.keeper = DraftKeeper(services, DRAFT_KIND, self.collect_draft, self)
        self.recovered_banner = banner("recovered")
        self.recovered_banner.setTextFormat(Qt.TextFormat.PlainText)
        self._watch_elsewhere()

        top = self._month_bar()
        self.date_message = FieldMessage()

        buttons = self._action_buttons()

        self.rules_note = muted_label(name="rules_note")
        self.model = DuesSheetModel(services.dues, self)
        self.model.today = self.today
        self.model.default_paid_on = self._default_paid_on
        self.model.default_collector = lambda: clean_line(self.collector.text())
        self.model.edited.connect(self._after_edit)
        self.model.input_error.connect(self._show_error)
        self.table = self._sheet_table()
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
        layout.addWidget(self.recovered_banner)
        layout.addWidget(self.elsewhere_banner)
        layout.addLayout(buttons)
        layout.addWidget(self.rules_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addWidget(self.totals)
        layout.addWidget(self.keeper.label)

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

    def _month_bar(self) -> QHBoxLayout:
        """The month (typed, or previous/next), the day of collection and who collected."""
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
        return top

    def _action_buttons(self) -> QHBoxLayout:
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
        self.slip_button = QPushButton()
        self.slip_button.setObjectName("slip")
        self.slip_button.clicked.connect(self.print_slip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.slip_button)
        return buttons

    def _sheet_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("sheet")
        table.setModel(self.model)
        table.setItemDelegate(DuesDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(header.fontMetrics().height() * 2 + 10)  # room for a wrapped header
        return table

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
        self.slip_button.setText(self.tr("Remittance slip"))
        self.slip_button.setToolTip(self.tr("What the cell remits to the committee above for this month (as saved)"))
        self.print_button.setToolTip(self.tr("\"Sổ thu đảng phí\" of the month with the remittance summary, as a PDF"))
        self.empty_label.setText(self.tr("No member owes dues this month."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._size_columns()
        self._show_rules()
        self._edited()

    def _size_columns(self) -> None:
        """Widths from typical contents; the name column fits the month's longest name. The reason column
        (usually empty) is as wide as its heading and comes last: stretched into what was left it got 36 px
        on a laptop, and its heading was cut to "Lý / do / chưa"; the table scrolls sideways instead."""
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
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if key == "reason":
                self.table.setColumnWidth(column, header.sectionSizeFromContents(column).width())
                continue
            width = fm.horizontalAdvance(samples[key]) + 16
            self.table.setColumnWidth(column, min(width, 230) if key == "name" else width)
        header.setMinimumSectionSize(fm.horizontalAdvance("000") + 12)
        # Shown last (usually empty), so the state column stays in view on a laptop.
        reason = COLUMNS.index("reason")
        header.moveSection(header.visualIndex(reason), len(COLUMNS) - 1)

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
        self.loading = True
        try:
            self._fill(sheet, rules)
        finally:
            self.loading = False
        self.keeper.track(f"{self.month:%Y-%m}")
        self.elsewhere_banner.hide()
        self.offer_draft()
        self._edited()

    def _fill(self, sheet, rules) -> None:
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
        self.recovered_banner.hide()

    # ---- drafts -------------------------------------------------------------------------------------
    def drop_draft(self) -> None:
        """The month was saved or its edits dropped: forget the draft (the keeper writes nothing when none
        was stored, so a quick Save stays one write)."""
        self.keeper.discard()

    def collect_draft(self) -> dict:
        return {"rows": self.model.draft_rows(), "collected_on": self.collected_on.text(),
                "collector": self.collector.text()}

    def offer_draft(self) -> bool:
        """Put back the amounts typed before a crash or a power cut, say so, and keep them until saved."""
        draft = self.keeper.recover()
        if draft is None:
            return False
        self.loading = True
        try:
            restored = self.model.apply_draft_rows(draft.payload.get("rows") or {})
            self.collected_on.setText(draft.payload.get("collected_on") or self.collected_on.text())
            self.collector.setText(draft.payload.get("collector") or self.collector.text())
        finally:
            self.loading = False
        if not restored:
            self.drop_draft()
            return False
        self.keeper.show_saved(draft.saved_at)
        self.recovered_banner.setText(self.tr(
            "You are seeing the amounts saved automatically at {time} (the program was closed without saving). "
            "Save the month to keep them.").format(time=local_clock(draft.saved_at)))
        self.recovered_banner.show()
        return True

    # ---- changed elsewhere --------------------------------------------------------------------------
    def _watch_elsewhere(self) -> None:
        self.elsewhere_banner = ElsewhereBanner()
        self.elsewhere_banner.reload_requested.connect(lambda: self.reload_changed())
        # Shown again with edits left on a hidden tab: the month may have changed meanwhile.
        self.watch = RevisionWatch(self.services, self, frozenset({"dues_payments"}), self._stored_revisions,
                                   self._loaded_revisions, check_on_show=True)
        self.watch.changed_elsewhere.connect(self._show_elsewhere)

    def _line_revisions(self) -> dict[str, int]:
        return {row.line.member_id: row.line.rev for row in self.model.rows}

    def _loaded_revisions(self) -> dict[str, int] | None:
        """The shown lines' revisions as read, while edits are on screen (None otherwise: the page reloads
        a month with nothing typed by itself)."""
        if not self.model.is_dirty():
            return None
        return {k: v for k, v in self._line_revisions().items() if v}

    def _stored_revisions(self) -> dict[str, int]:
        shown = self._line_revisions()
        return {k: v for k, v in self.services.dues.month_revisions(self.month).items() if k in shown}

    def _show_elsewhere(self) -> None:
        self.elsewhere_banner.show_changed(True)
        self.elsewhere_banner.reload_button.setToolTip(self.tr(
            "Show the lines changed elsewhere as they are stored now; your changes to the other lines stay"))

    def reload_changed(self, members: set[str] | None = None) -> None:
        """Read the month again: the lines changed elsewhere (`members`, else those whose revision moved)
        show what is stored now; what the user typed on the other lines stays, unsaved."""
        if members is None:
            stored = self.services.dues.month_revisions(self.month)
            members = {k for k, v in self._line_revisions().items() if stored.get(k, 0) != v}
        kept = {k: v for k, v in self.model.draft_rows().items() if k not in members}
        self.drop_draft()
        self.load()
        self.loading = True
        try:
            self.model.apply_draft_rows(kept)
        finally:
            self.loading = False
        self._after_edit()  # autosaves what stays

    def _lines_changed_meanwhile(self, exc: LinesChangedMeanwhile) -> bool:
        """The save was refused (nothing written): reload those lines, or save ours over them."""
        choice = ask_changed_meanwhile(self, self.tr("Party dues"), exc.message)
        if choice == "reload":
            self.reload_changed(set(exc.revisions))
        elif choice == "keep":
            for row in self.model.rows:
                row.base_rev = exc.revisions.get(row.line.member_id, row.base_rev)
            return self.save()
        return False

    def _show_rules(self) -> None:
        rules = self.model.rules
        if rules is None:
            return
        text = self.tr("Rules applied: {name}.").format(name=rules.name or rules.version)
        if rules.unverified:
            text += " " + editable_rule(self.tr("\"Dues rules\""))
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
        if answer == QMessageBox.StandardButton.No:
            self.drop_draft()
            return True
        return False

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
            if day is not None:  # the service says what is wrong with the day (e.g. in the future)
                error = self.services.dues.check_entry(PaymentEntry("", 0, paid_on=day), self.today()).get(
                    "paid_on", "")
        if error:
            self.date_message.set_error(error)
        else:
            self.date_message.clear_message()
        self._edited()

    def _show_error(self, text: str) -> None:
        self.message.set_error(text)

    def _after_edit(self) -> None:
        if not self.loading:
            if self.model.is_dirty():
                self.keeper.touched()
            else:
                self.drop_draft()  # every line is back to what is recorded: nothing to keep
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
        self.drop_draft()
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
            with self.services.ctx.action(self):  # the page does not reload this tab for its own save
                sheet = self.services.dues.record(self.month, entries, paid_on=self._default_paid_on(),
                                                  collector=self.collector.text(), today=self.today())
        except ValidationFailed as exc:
            self.model.set_errors(exc.errors)
            names = {row.line.member_id: row.line.full_name for row in self.model.rows}
            self._show_error("\n".join(f"{names.get(key, key)}: {text}" for key, text in exc.errors.items()))
            return False
        except LinesChangedMeanwhile as exc:
            return self._lines_changed_meanwhile(exc)
        except ServiceError as exc:
            self._show_error(exc.message)
            return False
        self.loading = True
        try:
            self.model.load(sheet, self.model.rules)  # the month's rules, as loaded (no second read)
        finally:
            self.loading = False
        self.drop_draft()
        self.recovered_banner.hide()
        self.elsewhere_banner.hide()
        self.message.clear_message()
        self._edited()
        return True

    # ---- printing -----------------------------------------------------------------------------------
    def print_slip(self) -> None:
        """The month's remittance slip (from what is saved) in the print preview."""
        month, services, today = self.month, self.services, self.today()

        def write(path):
            from ...reports.dues_papers import write_slip

            return write_slip(services, month, path, today=today)

        preview_on(self, services, PrintJob(self.tr("Remittance slip {month}").format(month=D.month_label(month)),
                                            f"giay-nop-dang-phi-{month:%Y-%m}", write))

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

        def write(path):
            from ...reports.dues import write_dues_sheet

            return write_dues_sheet(services, month, path, today=today)

        preview_on(self, services, PrintJob(self.tr("Dues collection book {month}").format(month=D.month_label(month)),
                                            f"so-thu-dang-phi-{month:%Y-%m}", write))
