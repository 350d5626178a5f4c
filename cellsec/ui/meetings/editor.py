"""The minutes editor: one meeting's minutes in the order of reference §1.4, in tabs — preparation, time
and participants, attendance, content, conclusion and votes, closing.

Never lose a word: it is a DocumentEditor (ui/common/editor.py) — the shared keeper autosaves a moment after
typing pauses and at least every two seconds while typing goes on. The minutes keep their crash-recovery
copy where the service reads it back (`svc.meetings.save_draft`, the minutes_autosaves table), so
`MinutesKeeper` writes there. Ctrl+S, closing the window and approving make it a real, undoable save;
closing saves without asking, and asks only when the minutes cannot be saved. Reopening after a crash
shows the autosaved text under a banner that offers to discard it.

Approving ("Thông qua biên bản") numbers and locks the minutes; the editor then turns read-only and offers
an amendment ("Lập bản sửa đổi"), a new draft naming the minutes it corrects. The service checks the
minutes (`approval_problems`) before the question is asked, and again when approving.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...domain.dates import format_date
from ...domain.meetings import (
    approval_errors,
    check_content,
    clean_content,
    content_from_dict,
    content_to_dict,
    meeting_flags,
)
from ...services.errors import ServiceError, ValidationFailed
from ...services.revisions import ChangedMeanwhile
from ..common.committee_comments import CommitteeComments
from ..common.editor import DocumentEditor, DraftKeeper
from ..common.screen_fit import short_title
from ..common.widgets import ERROR_COLOR, MUTED, VIETNAM_TIME, WARNING_COLOR, local_clock, set_read_only
from .attendance import AttendanceTab
from .closing import ClosingTab
from .content import ContentTab
from .fields import TimeField
from .output import MeetingOutput
from .preparation import PreparationTab
from .time_place import TimePlaceTab
from .votes import VotesTab

PREPARATION, TIME_PLACE, ATTENDANCE, CONTENT, VOTES, CLOSING = range(6)
# Which tab shows the message of a field key (for jumping to the first problem).
FIELD_TABS = {
    "kind": TIME_PLACE, "held_on": TIME_PLACE, "period_month": TIME_PLACE, "topic": TIME_PLACE,
    "start_time": TIME_PLACE, "end_time": TIME_PLACE, "location": TIME_PLACE, "chair_name": TIME_PLACE,
    "secretary_name": TIME_PLACE, "agenda": CONTENT, "resolution_vote": VOTES,
    "checklist.materials_shared_on": PREPARATION,
}
BANNER_COLOR = "#fef7e0"


class MinutesKeeper(DraftKeeper):
    """The shared keeper (timers, label) writing the minutes' crash-recovery copy where the meetings
    service keeps it; the service's get() reads it back and its save/approve fold it into the minutes."""

    def write(self, payload: dict) -> dt.datetime:
        return self.services.meetings.save_draft(self.key, content_from_dict(payload))

    def recover(self):
        return None  # the record the editor loads already carries the autosaved copy

    def discard(self) -> None:
        self.stop()  # the service dropped the copy with the real save
        self.label.setText("")

    def show_saved(self, at: dt.datetime) -> None:
        self.label.setStyleSheet(MUTED)
        self.label.setText(self.tr("Autosaved at {time}").format(time=local_clock(at)))


class MeetingEditor(DocumentEditor):
    saved = Signal(object)  # the MeetingRecord after Ctrl+S / closing / approval
    open_requested = Signal(str)  # another revision of these minutes should be shown

    draft_kind = "minutes"
    keeper_class = MinutesKeeper
    watched_tables = frozenset({"meetings"})

    def __init__(self, services, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.meeting_id = meeting_id
        self.record = None
        self.content = None
        self.rules = None
        self.superseded = False
        self.resolution_dialog = None
        self.output = MeetingOutput(services, self)
        self.autosaved = self.keeper.saved  # the UTC time of each autosave
        self.autosave_label = self.keeper.label
        self.resize(1180, 660)
        self.setMinimumSize(900, 540)
        self._build_header()
        self._build_tabs()
        self._build_footer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.elsewhere_banner)
        self.committee_comments = CommitteeComments()
        layout.addWidget(self.committee_comments)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.flags)
        layout.addLayout(self.footer)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_minutes)
        # Enter in a field of the minutes never presses a button (a dialog's first button is its default).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.retranslate()
        self.load(meeting_id)

    # ---- the DocumentEditor API ---------------------------------------------------------------------
    def draft_key(self) -> str:
        return self.meeting_id

    def collect_draft(self) -> dict:
        return content_to_dict(self.content)

    def apply_draft(self, payload: dict) -> None:
        self.content = content_from_dict(payload)
        self._load_tabs()

    def record_revision(self) -> int | None:
        return self.services.meetings.revision(self.meeting_id)

    def reload(self) -> None:
        self.keeper.stop()
        self.load(self.meeting_id)  # the stored minutes; this edit's autosave is of an older revision

    # ---- building -----------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("minutes_tabs")
        self.preparation = PreparationTab(self)
        self.time_place = TimePlaceTab(self)
        self.attendance = AttendanceTab(self)
        self.content_tab = ContentTab(self)
        self.votes = VotesTab(self)
        self.closing = ClosingTab(self)
        for tab in (self.preparation, self.time_place, self.attendance, self.content_tab, self.votes, self.closing):
            self.tabs.addTab(tab, "")
        self.preparation.open_content.connect(lambda: self.tabs.setCurrentIndex(CONTENT))
        self.attendance.record_changed.connect(self._attendance_changed)
        self.content_tab.agenda_changed.connect(self.preparation.show_agenda)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.votes.edit_resolution_button.clicked.connect(self.open_resolution)
        self.votes.print_resolution_button.clicked.connect(self.print_resolution)

    def _build_header(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("minutes_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("minutes_status")
        self.status.setWordWrap(True)
        self.other_revision = QPushButton()
        self.other_revision.setObjectName("other_revision")
        self.other_revision.clicked.connect(self._open_other_revision)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.title)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.other_revision)
        left.addLayout(status_row)
        self.header = QHBoxLayout()
        self.header.addLayout(left, 1)
        self.header.addWidget(self.keeper.label, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = QFrame()
        self.banner.setObjectName("recovered")
        self.banner.setStyleSheet(f"#recovered {{ background: {BANNER_COLOR}; border: 1px solid #e0c46c; "
                                  "border-radius: 3px; }")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard_autosave")
        self.discard_button.clicked.connect(self.discard_autosave)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(8, 4, 8, 4)
        banner.addWidget(self.banner_text, 1)
        banner.addWidget(self.discard_button)
        self.banner.hide()

    def _build_footer(self) -> None:
        self.flags = QLabel()
        self.flags.setObjectName("flags")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_minutes)
        self.docx_button = QPushButton()
        self.docx_button.clicked.connect(self.export_docx)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(self.approve)
        self.amend_button = QPushButton()
        self.amend_button.setObjectName("amend")
        self.amend_button.clicked.connect(self.amend)
        self.close_button = QPushButton()
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.close)
        self.footer = QHBoxLayout()
        for button in (self.print_button, self.docx_button):
            self.footer.addWidget(button)
        self.footer.addStretch(1)
        for button in (self.save_button, self.approve_button, self.amend_button, self.close_button):
            self.footer.addWidget(button)

    def retranslate(self) -> None:
        names = [self.tr("Preparation"), self.tr("Time, place, participants"), self.tr("Attendance"),
                 self.tr("Content"), self.tr("Conclusion and votes"), self.tr("Closing")]
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
        self.print_button.setText(self.tr("Print the minutes"))
        self.print_button.setToolTip(self.tr("Preview the minutes, then print or save them (Ctrl+P)"))
        self.docx_button.setText(self.tr("Export to Word…"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the minutes (Ctrl+S); drafts are also saved automatically"))
        self.approve_button.setText(self.tr("Approve the minutes…"))
        self.amend_button.setText(self.tr("Create an amendment…"))
        self.close_button.setText(self.tr("Close"))
        self.discard_button.setText(self.tr("Discard the autosaved copy"))

    # ---- loading ------------------------------------------------------------------------------------
    def load(self, meeting_id: str, record=None) -> None:
        """Show a meeting (also after an amendment: the editor moves to the new draft)."""
        self.meeting_id = meeting_id
        self.record = record or self.services.meetings.get(meeting_id)
        self.content = self.record.content
        self.rules = self.services.meetings.rules(self.content.held_on)
        self.superseded = self.record.superseded_by is not None
        self.start_tracking(self.record.rev)
        self.unsaved = self.record.autosaved_at is not None  # the recovered copy still needs a real save
        self.read_only = self.record.locked
        set_read_only(self.tabs, self.read_only)
        self._load_tabs()
        self.lock(self.read_only, root=self.tabs)
        self.closing.approve_button.setVisible(not self.read_only)
        self._show_header()
        if self.committee_comments.property("record") != self.meeting_id:  # not again after its own save
            self.committee_comments.setProperty("record", self.meeting_id)
            self.committee_comments.load(self.services, "meetings", self.meeting_id)
        self.validate()

    def _load_tabs(self) -> None:
        self.loading = True
        try:
            self.preparation.load()
            self.time_place.load()
            self.attendance.load(self.record)
            self.content_tab.load()
            self.votes.load()
            self.closing.load()
        finally:
            self.loading = False

    def people(self) -> tuple[list[tuple[str, str]], list[str]]:
        """Who can be picked as presenter or speaker: the members on the attendance list, then the guests."""
        members = [(a.member_id, a.full_name) for a in self.record.attendance]
        return members, [g.name for g in self.content.guests if g.name.strip()]

    def apply_read_only(self, widget: QWidget) -> None:
        """Lock widgets a tab has just (re)built, when the minutes are locked."""
        if self.read_only:
            set_read_only(widget, True)

    def _show_header(self) -> None:
        r = self.record
        self.setWindowTitle(self.tr("Minutes: {title}").format(title=short_title(r.title)))  # in full below
        self.title.setText(r.title)
        held = format_date(r.content.held_on)
        if r.status == "approved":
            approved = format_date(r.approved_at.astimezone(VIETNAM_TIME).date()) if r.approved_at else ""
            text = self.tr("{number} — approved on {date}; locked").format(number=r.number, date=approved)
        else:
            text = self.tr("Draft minutes of the meeting on {date}").format(date=held)
        if r.amends_id:
            text += " · " + self.tr("amends minutes {number} of {date}").format(
                number=r.amends_number, date=format_date(r.amends_held_on))
        if self.superseded:
            text += " · " + self.tr("these minutes have been amended")
        self.status.setText(text)
        self.status.setStyleSheet("color: #2e7d32; font-weight: bold;" if r.status == "approved" else "")
        if self.superseded:
            self.other_revision.setText(self.tr("Open the amendment"))
        elif r.amends_id:
            self.other_revision.setText(self.tr("View the original minutes"))
        self.other_revision.setVisible(self.superseded or bool(r.amends_id))
        self.save_button.setVisible(not self.read_only)
        self.approve_button.setVisible(not self.read_only)
        self.amend_button.setVisible(r.status == "approved" and not self.superseded)
        if r.autosaved_at is not None and not self.read_only:
            self.banner_text.setText(self.tr("You are seeing the copy saved automatically at {time}, newer than the "
                                             "last save (the program was closed without saving). It is kept when "
                                             "you save or close.").format(time=local_clock(r.autosaved_at)))
            self.banner.show()
            self.autosave_label.setText(self.tr("Autosaved at {time}").format(time=local_clock(r.autosaved_at)))
        else:
            self.banner.hide()
            self.autosave_label.setText("")

    # ---- changes ------------------------------------------------------------------------------------
    def changed(self) -> None:
        """A tab changed the content: check it, and autosave a little later."""
        if self.loading or self.read_only:
            return
        self.mark_changed()
        self.validate()

    def end_time_changed(self, source: TimeField) -> None:
        """The end time is on two tabs; keep the other field in step."""
        for field in (self.time_place.end, self.closing.end):
            if field is not source and field.text() != source.text():
                field.blockSignals(True)
                field.setText(source.text())
                field.blockSignals(False)

    def agenda_replaced(self) -> None:
        self.content_tab.current = -1
        self.content_tab.load()
        self.changed()

    def _attendance_changed(self, record) -> None:
        self.record.attendance, self.record.summary = record.attendance, record.summary
        self.validate()

    def _tab_changed(self, index: int) -> None:
        if index == VOTES:
            self.votes.load_votes()  # the agenda may have changed on the content tab
        elif index == PREPARATION:
            self.preparation.show_agenda()

    def validate(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """Show errors and warnings next to the fields; returns the errors."""
        cleaned = clean_content(self.content)
        errors, warnings = check_content(cleaned, self.record.summary.present, self.rules)
        errors.update(self.time_place.local_errors())
        errors.update(extra or {})
        bad = {
            PREPARATION: self.preparation.show_checks(errors, warnings),
            TIME_PLACE: self.time_place.show_checks(errors, warnings),
            VOTES: self.votes.show_checks(errors, warnings),
            CONTENT: "agenda" in errors,
        }
        missing = [] if self.read_only else self._approval_missing(cleaned, errors)
        flags = meeting_flags(cleaned, self.record.summary, self.rules)
        self.closing.show_checks(errors, warnings, missing, flags)
        bar = self.tabs.tabBar()
        normal = self.palette().windowText().color()
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, QColor(ERROR_COLOR) if bad.get(index) else normal)
        shown = [f"<span style='color:{WARNING_COLOR}'>⚠ {html.escape(flag.text)}</span>"
                 for flag in flags if flag.severity == "warning"]
        self.flags.setText("&nbsp;&nbsp; ".join(shown))
        self.flags.setVisible(bool(shown))
        return errors

    def _approval_missing(self, cleaned, errors: dict[str, str]) -> list[str]:
        labels = {
            "start_time": self.tr("the start time"), "end_time": self.tr("the end time"),
            "location": self.tr("the place"), "chair_name": self.tr("the chair"),
            "secretary_name": self.tr("the recorder"), "agenda": self.tr("at least one agenda item"),
        }
        missing = [self.tr("Still to fill in: {what}.").format(what=labels[k]) for k in approval_errors(cleaned)]
        missing += [text for key, text in errors.items() if key not in approval_errors(cleaned)]
        return missing

    # ---- saving -------------------------------------------------------------------------------------
    def autosave(self) -> None:
        """Write the crash-recovery copy now (before printing: the printout shows what is on screen)."""
        if not self.read_only:
            self.keeper.flush()

    def save(self) -> bool:
        """A real save (Ctrl+S): one undoable action. Returns False if the minutes have errors."""
        if self.read_only:
            return True
        try:
            self._store()
        except ValidationFailed as exc:
            self._show_problems(exc.errors, self.tr("The minutes were not saved"))
            return False
        except ChangedMeanwhile as exc:
            return self.resolve_changed_meanwhile(exc)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return False
        return True

    def save_quietly(self) -> None:
        """Save if possible (before an action that reads the stored meeting); errors are left to Ctrl+S."""
        if self.read_only or not self.unsaved:
            return
        try:
            self._store()
        except (ValidationFailed, ChangedMeanwhile):  # left to Ctrl+S, which says why and asks
            self.autosave()

    def _store(self) -> None:
        with self.services.ctx.action(self):
            record = self.services.meetings.save(self.meeting_id, self.content, base_rev=self.keeper.base_rev)
        self.saved_now()
        self.record = record
        self.keeper.base_rev = record.rev  # the next save starts from this revision
        self.banner.hide()
        self.keeper.label.setStyleSheet(MUTED)
        self.keeper.label.setText(self.tr("Saved at {time}").format(time=local_clock(dt.datetime.now(dt.timezone.utc))))
        self.saved.emit(record)

    def discard_autosave(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Discard the autosaved copy"),
            self.tr("Go back to the minutes as last saved? What was typed after that will be lost."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.keeper.stop()
        self.services.meetings.discard_autosave(self.meeting_id)
        self.load(self.meeting_id)

    def _show_problems(self, errors: dict[str, str], title: str, texts: list[str] | None = None) -> None:
        """Messages next to the fields, the first problem's tab brought forward, and a box listing them."""
        self.validate(errors)
        for key in errors:
            tab = FIELD_TABS.get(key, VOTES if key.startswith("agenda.") else None)
            if tab is not None:
                self.tabs.setCurrentIndex(tab)
                break
        QMessageBox.warning(self, title, "\n".join(dict.fromkeys(texts or errors.values())))

    def confirm_close(self) -> bool:
        """Closing saves the minutes without asking; if they cannot be saved (an error), the autosaved copy
        is kept and the user decides whether to close anyway."""
        if self.read_only or not self.unsaved:
            return True
        try:
            self._store()
        except (ValidationFailed, ServiceError) as exc:
            self.autosave()
            text = "\n".join(exc.errors.values()) if isinstance(exc, ValidationFailed) else exc.message
            answer = QMessageBox.question(
                self, self.tr("The minutes were not saved"),
                self.tr("{problems}\n\nThe draft is kept as an autosaved copy and will be shown next time. "
                        "Close anyway?").format(problems=text),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            self.unsaved = False  # the autosaved copy keeps it
        return True

    def done(self, result: int) -> None:
        if self.resolution_dialog is not None:
            self.resolution_dialog.close()
        super().done(result)

    # ---- approve, amend -----------------------------------------------------------------------------
    def approve(self) -> None:
        if self.read_only:
            return
        title = self.tr("The minutes cannot be approved yet")
        try:  # the service's checks first: the question never comes before the errors
            problems = {**self.services.meetings.approval_problems(self.meeting_id, self.content),
                        **self.time_place.local_errors()}
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Approve the minutes"), exc.message)
            return
        if problems:
            self._show_problems(problems, title, [self._problem_text(k, v) for k, v in problems.items()])
            return
        year = (self.content.held_on or dt.date.today()).year
        answer = QMessageBox.question(
            self, self.tr("Approve the minutes"),
            self.tr("Approve these minutes?\n\nOnce approved they are locked and can no longer be edited, and they "
                    "get the next minutes number of {year}: {number}. They will record that the minutes "
                    "were read back to the cell. A later correction is made as an amendment, and these minutes "
                    "stay as they are.").format(year=year, number=self.services.meetings.next_number_text(
                        self.meeting_id, self.content.held_on)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                record = self.services.meetings.approve(self.meeting_id, self.content)
        except ValidationFailed as exc:
            self._show_problems(exc.errors, title)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Approve the minutes"), exc.message)
            return
        self.saved_now()
        self.load(record.id, record)
        self.tabs.setCurrentIndex(CLOSING)
        self.saved.emit(record)
        QMessageBox.information(self, self.tr("Approve the minutes"),
                                self.tr("The minutes were approved as {number}.").format(number=record.number))

    def _problem_text(self, key: str, text: str) -> str:
        labels = {
            "start_time": self.tr("Start time"), "end_time": self.tr("End time"), "location": self.tr("Place"),
            "chair_name": self.tr("Chair"), "secretary_name": self.tr("Recorder"),
        }
        return f"{labels[key]}: {text}" if key in labels else text

    def amend(self) -> None:
        r = self.record
        answer = QMessageBox.question(
            self, self.tr("Create an amendment"),
            self.tr("Create an amendment of minutes {number}?\n\nThe amendment is a new draft that states it amends "
                    "minutes {number}; you correct it and approve it, and it gets its own number. The approved "
                    "minutes stay unchanged and can still be viewed and printed.").format(number=r.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                record = self.services.meetings.amend(self.meeting_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Create an amendment"), exc.message)
            return
        self.load(record.id, record)
        self.saved.emit(record)

    def _open_other_revision(self) -> None:
        target = self.record.superseded_by if self.superseded else self.record.amends_id
        if target:
            self.open_requested.emit(target)

    # ---- resolution, printing -----------------------------------------------------------------------
    def open_resolution(self) -> None:
        from .resolution import ResolutionDialog

        self.save_quietly()
        if self.resolution_dialog is None:
            self.resolution_dialog = ResolutionDialog(self.services, self.meeting_id, self)
            self.resolution_dialog.finished.connect(self._resolution_closed)
        self.resolution_dialog.open()
        return self.resolution_dialog

    def _resolution_closed(self) -> None:
        self.resolution_dialog = None
        self.record.has_resolution = self.services.meetings.get_resolution(self.meeting_id) is not None
        self.votes.show_document()

    def print_minutes(self) -> None:
        self.autosave()  # the printout shows what is on screen (the service reads the autosaved copy)
        self.output.print_minutes(self.meeting_id, self.content.held_on or self.record.content.held_on)

    def print_resolution(self) -> None:
        self.output.print_resolution(self.meeting_id, self.content.held_on or self.record.content.held_on)

    def export_docx(self) -> None:
        self.autosave()
        self.output.export_docx(self.meeting_id, self.content.held_on or self.record.content.held_on)
