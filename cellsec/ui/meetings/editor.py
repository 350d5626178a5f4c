"""The minutes editor: one meeting's minutes in the order of reference §1.4, in tabs — preparation, time
and participants, attendance, content, conclusion and votes, closing.

Never lose a word: every change restarts a short timer (2 s; at most 8 s while typing on) after which
the content goes to `svc.meetings.save_draft` — a crash-recovery copy, no undo entry. Ctrl+S, closing the
window and approving make it a real, undoable save. Reopening after a crash shows the autosaved text.

Approving ("Thông qua biên bản") numbers and locks the minutes; the editor then turns read-only and offers
an amendment ("Lập bản sửa đổi"), a new draft naming the minutes it corrects.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.meetings import (
    KIND_LABELS,
    MEETING_KINDS,
    TOPIC_REQUIRED_KINDS,
    approval_errors,
    check_content,
    clean_content,
    duration_minutes,
    meeting_flags,
    min_duration,
)
from ...services.errors import ServiceError, ValidationFailed
from .attendance import AttendanceTab
from .content import ContentTab, VotesTab
from ..common.widgets import VIETNAM_TIME, local_clock, set_read_only
from .fields import MemberPicker, PlainTextEdit, TimeField
from .output import MeetingOutput
from .preparation import PreparationTab
from ..common.widgets import ERROR_COLOR, WARNING_COLOR, DateEdit, FieldMessage, with_message

PREPARATION, TIME_PLACE, ATTENDANCE, CONTENT, VOTES, CLOSING = range(6)
# Which tab shows the message of a field key (for jumping to the first problem).
FIELD_TABS = {
    "kind": TIME_PLACE, "held_on": TIME_PLACE, "period_month": TIME_PLACE, "topic": TIME_PLACE,
    "start_time": TIME_PLACE, "end_time": TIME_PLACE, "location": TIME_PLACE, "chair_name": TIME_PLACE,
    "secretary_name": TIME_PLACE, "agenda": CONTENT, "resolution_vote": VOTES,
    "checklist.materials_shared_on": PREPARATION,
}
BANNER_COLOR = "#fef7e0"


class TimePlaceTab(QWidget):
    """Thời gian, địa điểm, thành phần: type and date, start and end (duration shown live), place, chair
    and recorder, and the opening words."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.messages: dict[str, FieldMessage] = {}

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key in MEETING_KINDS:
            self.kind.addItem(KIND_LABELS[key].format(), key)
        self.held_on = DateEdit()
        self.held_on.setObjectName("held_on")
        self.held_on.setMaximumWidth(150)
        self.period_month = QSpinBox()
        self.period_month.setObjectName("period_month")
        self.period_month.setRange(1, 12)
        self.period_year = QSpinBox()
        self.period_year.setObjectName("period_year")
        self.period_year.setRange(1930, 2200)
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setMaxLength(500)
        self.start = TimeField()
        self.start.setObjectName("start_time")
        self.end = TimeField()
        self.end.setObjectName("end_time")
        self.duration = QLabel()
        self.duration.setObjectName("duration")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setMaxLength(300)
        self.chair = MemberPicker()
        self.chair.setObjectName("chair")
        self.secretary = MemberPicker()
        self.secretary.setObjectName("secretary")
        self.opening = PlainTextEdit(lines=5)
        self.opening.setObjectName("opening")

        self.labels: dict[str, QLabel] = {}
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        period = QHBoxLayout()
        period.addWidget(self.period_month)
        self.period_of = QLabel()
        period.addWidget(self.period_of)
        period.addWidget(self.period_year)
        period.addStretch(1)
        period_box = QWidget()
        period_box.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.start)
        self.until = QLabel()
        times.addWidget(self.until)
        times.addWidget(self.end)
        times.addSpacing(12)
        times.addWidget(self.duration, 1)
        times_box = QWidget()
        times_box.setLayout(times)
        self._row(left, "kind", self.kind)
        self._row(left, "held_on", self.held_on)
        self._row(left, "period_month", period_box)
        self._row(left, "topic", self.topic)
        self._row(left, "start_time", times_box)
        self.end_message = FieldMessage()
        self.messages["end_time"] = self.end_message
        left.addRow("", self.end_message)
        self._row(left, "location", self.location)
        self._row(left, "chair_name", self.chair)
        self._row(left, "secretary_name", self.secretary)

        right = QVBoxLayout()
        self.opening_label = QLabel()
        self.opening_label.setWordWrap(True)
        right.addWidget(self.opening_label)
        right.addWidget(self.opening, 1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addSpacing(12)
        layout.addLayout(right, 2)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.held_on.date_changed.connect(self._date_changed)
        self.period_month.valueChanged.connect(self._period_changed)
        self.period_year.valueChanged.connect(self._period_changed)
        self.topic.textEdited.connect(lambda text: self._set("topic", text))
        self.start.time_changed.connect(lambda: self._set("start_time", self.start.value()))
        self.end.time_changed.connect(self._end_changed)
        self.location.textEdited.connect(lambda text: self._set("location", text))
        self.chair.picked.connect(self._chair_changed)
        self.secretary.picked.connect(self._secretary_changed)
        self.opening.textChanged.connect(lambda: self._set("opening", self.opening.toPlainText()))
        self.retranslate()

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        box, message = with_message(widget)
        label = QLabel()
        self.labels[key] = label
        form.addRow(label, box)
        self.messages[key] = message

    def retranslate(self) -> None:
        texts = {
            "kind": self.tr("Meeting type:"), "held_on": self.tr("Held on:"),
            "period_month": self.tr("Meeting of month:"),
            "topic": self.tr("Topic:"), "start_time": self.tr("Started at:"), "location": self.tr("Place:"),
            "chair_name": self.tr("Chaired by:"), "secretary_name": self.tr("Minutes taken by:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.period_of.setText(self.tr("of year"))
        self.until.setText(self.tr("ended at:"))
        self.topic.setPlaceholderText(self.tr("The topic of a thematic meeting, or the matter of an extraordinary one"))
        self.location.setPlaceholderText(self.tr("e.g. Hội trường tầng 3"))
        self.chair.lineEdit().setPlaceholderText(self.tr("Choose a member"))
        self.secretary.lineEdit().setPlaceholderText(self.tr("Choose a member"))
        self.opening_label.setText(self.tr("Opening (reason for the meeting, guests introduced, dues collected, "
                                           "agenda adopted, recorder appointed)"))

    # ---- showing ------------------------------------------------------------------------------------
    def load(self) -> None:
        c = self.editor.content
        self._loading = True
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.held_on.set_value(c.held_on)
        self.period_month.setValue(c.period_month or (c.held_on.month if c.held_on else 1))
        self.period_year.setValue(c.period_year or (c.held_on.year if c.held_on else dt.date.today().year))
        self.topic.setText(c.topic)
        self.topic.setCursorPosition(0)
        self.start.set_value(c.start_time)
        self.end.set_value(c.end_time)
        self.location.setText(c.location)
        members, guests = self.editor.people()
        for picker in (self.chair, self.secretary):
            picker.set_people(members, [])
        self.chair.set_value(c.chair_member_id, c.chair_name)
        self.secretary.set_value(c.secretary_member_id, c.secretary_name)
        self.opening.setPlainText(c.opening)
        self._loading = False
        self._topic_state()

    def local_errors(self) -> dict[str, str]:
        errors = {}
        for key, field in (("start_time", self.start), ("end_time", self.end)):
            if field.error():
                errors[key] = field.error()
        if self.held_on.error() and not self.held_on.is_being_typed():
            errors["held_on"] = self.held_on.error()
        return errors

    def show_checks(self, errors: dict[str, str], warnings: dict[str, str]) -> bool:
        for key, message in self.messages.items():
            message.show_result(key, errors, warnings)
        c = self.editor.content
        minutes = duration_minutes(c.start_time, c.end_time)
        if minutes is None:
            self.duration.setText("")
        else:
            text = self.tr("Duration: {minutes} minutes").format(minutes=minutes)
            required = min_duration(c.kind, self.editor.rules)
            if minutes < required:
                text += " — " + self.tr("under the minimum of {required}").format(required=required)
                self.duration.setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;")
            else:
                self.duration.setStyleSheet("")
            self.duration.setText(text)
        return any(key in errors for key in self.messages)

    def _topic_state(self) -> None:
        kind = self.kind.currentData()
        required = kind in TOPIC_REQUIRED_KINDS
        self.labels["topic"].setText(self.tr("Topic:") if required else self.tr("Topic (optional):"))

    # ---- editing ------------------------------------------------------------------------------------
    def _set(self, field: str, value) -> None:
        if not self._loading:
            setattr(self.editor.content, field, value)
            self.editor.changed()

    def _kind_changed(self) -> None:
        self._topic_state()
        self._set("kind", self.kind.currentData())

    def _date_changed(self) -> None:
        if self._loading:
            return
        if self.held_on.error():
            self.editor.validate()  # shows the message once the date is complete but wrong
            return
        self._set("held_on", self.held_on.value())

    def _period_changed(self) -> None:
        if self._loading:
            return
        self.editor.content.period_month = self.period_month.value()
        self.editor.content.period_year = self.period_year.value()
        self.editor.changed()

    def _end_changed(self) -> None:
        self._set("end_time", self.end.value())
        self.editor.end_time_changed(self.end)

    def _chair_changed(self) -> None:
        if not self._loading:
            self.editor.content.chair_member_id, self.editor.content.chair_name = self.chair.value()
            self.editor.changed()

    def _secretary_changed(self) -> None:
        if not self._loading:
            self.editor.content.secretary_member_id, self.editor.content.secretary_name = self.secretary.value()
            self.editor.changed()


class ClosingTab(QWidget):
    """Kết thúc: the minutes read back, the end time, a closing note, what approval still needs."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.read_back = QCheckBox()
        self.read_back.setObjectName("read_back")
        self.end = TimeField()
        self.end.setObjectName("closing_end_time")
        self.end_label = QLabel()
        self.note_label = QLabel()
        self.note = PlainTextEdit(lines=3)
        self.note.setObjectName("closing_note")
        self.checks_title = QLabel()
        font = self.checks_title.font()
        font.setBold(True)
        self.checks_title.setFont(font)
        self.checks = QLabel()
        self.checks.setObjectName("approval_checks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("closing_approve")
        self.approve_button.clicked.connect(editor.approve)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: palette(placeholder-text);")

        end_row = QHBoxLayout()
        end_row.addWidget(self.end_label)
        end_row.addWidget(self.end)
        end_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(end_row)
        layout.addWidget(self.read_back)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note, 1)
        layout.addSpacing(8)
        layout.addWidget(self.checks_title)
        layout.addWidget(self.checks, 1)
        approve_row = QHBoxLayout()
        approve_row.addWidget(self.approve_button)
        approve_row.addWidget(self.explain, 1)
        layout.addLayout(approve_row)

        self.read_back.toggled.connect(self._read_back)
        self.end.time_changed.connect(self._end_changed)
        self.note.textChanged.connect(self._note_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.read_back.setText(self.tr("The minutes were read back to the cell and approved"))
        self.end_label.setText(self.tr("The meeting ended at:"))
        self.note_label.setText(self.tr("Closing note (optional)"))
        self.checks_title.setText(self.tr("Before approving"))
        self.approve_button.setText(self.tr("Approve the minutes…"))
        self.explain.setText(self.tr("Approving locks the minutes and gives them the next number of the year; "
                                     "a later correction is made as an amendment."))

    def load(self) -> None:
        c = self.editor.content
        self._loading = True
        self.read_back.setChecked(c.read_back)
        self.end.set_value(c.end_time)
        self.note.setPlainText(c.closing_note)
        self._loading = False

    def show_checks(self, errors: dict[str, str], warnings: dict[str, str], missing: list[str],
                    flags: list) -> bool:
        lines = [f"<span style='color:{ERROR_COLOR}'>✗ {html.escape(text)}</span>" for text in missing]
        if not missing:
            lines.append(html.escape(self.tr("✓ Everything needed for approval is filled in.")))
        lines += [f"<span style='color:{WARNING_COLOR}'>⚠ {html.escape(flag.text)}</span>" for flag in flags]
        self.checks.setText("<br>".join(lines))
        return False

    def _read_back(self, on: bool) -> None:
        if not self._loading:
            self.editor.content.read_back = on
            self.editor.changed()

    def _end_changed(self) -> None:
        if not self._loading:
            self.editor.content.end_time = self.end.value()
            self.editor.changed()
            self.editor.end_time_changed(self.end)

    def _note_changed(self) -> None:
        if not self._loading:
            self.editor.content.closing_note = self.note.toPlainText()
            self.editor.changed()


class MeetingEditor(QDialog):
    autosaved = Signal(object)  # the UTC time of the autosave
    saved = Signal(object)  # the MeetingRecord after Ctrl+S / closing / approval
    open_requested = Signal(str)  # another revision of these minutes should be shown

    AUTOSAVE_DELAY_MS = 2000
    AUTOSAVE_MAX_WAIT_MS = 8000

    def __init__(self, services, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.record = None
        self.content = None
        self.rules = None
        self.read_only = False
        self.superseded = False
        self._loading = False
        self._dirty = False  # changed since the last autosave
        self._unsaved = False  # changed since the last real save
        self.resolution_dialog = None
        self.output = MeetingOutput(services, self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1180, 660)
        self.setMinimumSize(900, 540)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(self.AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.max_wait_timer = QTimer(self)
        self.max_wait_timer.setSingleShot(True)
        self.max_wait_timer.setInterval(self.AUTOSAVE_MAX_WAIT_MS)
        self.max_wait_timer.timeout.connect(self.autosave)

        self._build_header()
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
        self._build_footer()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.flags)
        layout.addLayout(self.footer)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_minutes)
        self.retranslate()
        self.load(meeting_id)
        # Closing the main window must save these minutes first (and may be cancelled by the user).
        self._main_window = parent.window() if parent is not None else None
        if self._main_window is not None:
            self._main_window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._main_window and event.type() == QEvent.Type.Close and self.isVisible():
            self.close()
            if self.isVisible():  # the minutes could not be saved and the user chose to stay
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # ---- building -----------------------------------------------------------------------------------
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
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosave_status")
        self.autosave_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.autosave_label.setStyleSheet("color: palette(placeholder-text);")
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
        self.header.addWidget(self.autosave_label, 0, Qt.AlignmentFlag.AlignTop)

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
        self.print_button.setToolTip(self.tr("Make the PDF and open it to print (Ctrl+P)"))
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
        self.autosave_timer.stop()
        self.max_wait_timer.stop()
        self.meeting_id = meeting_id
        self.record = record or self.services.meetings.get(meeting_id)
        self.content = self.record.content
        self.rules = self.services.meetings.rules(self.content.held_on)
        self.superseded = self.record.superseded_by is not None
        self.read_only = self.record.locked
        self._dirty = False
        self._unsaved = self.record.autosaved_at is not None  # the recovered copy still needs a real save
        self._loading = True
        set_read_only(self.tabs, self.read_only)
        self.preparation.load()
        self.time_place.load()
        self.attendance.load(self.record)
        self.content_tab.load()
        self.votes.load()
        self.closing.load()
        self._loading = False
        if self.read_only:
            set_read_only(self.tabs, True)
        self.closing.approve_button.setVisible(not self.read_only)
        self._show_header()
        self.validate()

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
        self.setWindowTitle(self.tr("Minutes: {title}").format(title=r.title))
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
        if self._loading or self.read_only:
            return
        self._dirty = self._unsaved = True
        self.autosave_timer.start()  # restarted by every change: saves once the typing pauses
        if not self.max_wait_timer.isActive():
            self.max_wait_timer.start()  # ...but never leaves more than a few seconds unsaved
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
        self.autosave_timer.stop()
        self.max_wait_timer.stop()
        if not self._dirty or self.read_only:
            return
        try:
            at = self.services.meetings.save_draft(self.meeting_id, self.content)
        except ServiceError as exc:
            self.autosave_label.setText(self.tr("Autosave failed: {error}").format(error=exc.message))
            self.autosave_label.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self._dirty = False
        self.autosave_label.setStyleSheet("color: palette(placeholder-text);")
        self.autosave_label.setText(self.tr("Autosaved at {time}").format(time=local_clock(at)))
        self.autosaved.emit(at)

    def save(self) -> bool:
        """A real save (Ctrl+S): one undoable action. Returns False if the minutes have errors."""
        if self.read_only:
            return True
        try:
            self._store()
        except ValidationFailed as exc:
            self._show_problems(exc.errors, self.tr("The minutes were not saved"))
            return False
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return False
        return True

    def save_quietly(self) -> None:
        """Save if possible (before an action that reads the stored meeting); errors are left to Ctrl+S."""
        if self.read_only or not self._unsaved:
            return
        try:
            self._store()
        except ValidationFailed:
            self.autosave()

    def _store(self) -> None:
        self.autosave_timer.stop()
        self.max_wait_timer.stop()
        record = self.services.meetings.save(self.meeting_id, self.content)
        self._dirty = self._unsaved = False
        self.record = record
        self.banner.hide()
        self.autosave_label.setStyleSheet("color: palette(placeholder-text);")
        self.autosave_label.setText(self.tr("Saved at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S")))
        self.saved.emit(record)

    def discard_autosave(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Discard the autosaved copy"),
            self.tr("Go back to the minutes as last saved? What was typed after that will be lost."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
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

    def done(self, result: int) -> None:
        """Closing saves the minutes; if they cannot be saved (an error), the autosaved copy is kept and
        the user decides whether to close anyway."""
        if not self.read_only and self._unsaved:
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
                    return
        self.autosave_timer.stop()
        self.max_wait_timer.stop()
        if self.resolution_dialog is not None:
            self.resolution_dialog.close()
        super().done(result)

    # ---- approve, amend -----------------------------------------------------------------------------
    def approve(self) -> None:
        if self.read_only:
            return
        cleaned = clean_content(self.content)
        errors = self.validate()
        problems = {**approval_errors(cleaned), **errors}
        if problems:
            self._show_problems(problems, self.tr("The minutes cannot be approved yet"),
                                [self._problem_text(k, v) for k, v in problems.items()])
            return
        year = (self.content.held_on or dt.date.today()).year
        answer = QMessageBox.question(
            self, self.tr("Approve the minutes"),
            self.tr("Approve these minutes?\n\nOnce approved they are locked and can no longer be edited, and they "
                    "get the next minutes number of {year} (like Số 07-BB/CB). They will record that the minutes "
                    "were read back to the cell. A later correction is made as an amendment, and these minutes "
                    "stay as they are.").format(year=year),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            record = self.services.meetings.approve(self.meeting_id, self.content)
        except ValidationFailed as exc:
            self._show_problems(exc.errors, self.tr("The minutes cannot be approved yet"))
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Approve the minutes"), exc.message)
            return
        self._unsaved = self._dirty = False
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
