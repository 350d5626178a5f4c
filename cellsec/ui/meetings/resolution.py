"""The meeting's resolution (nghị quyết): an optional document with its own number ("Số 05-NQ/CB"),
signed "T/M CHI BỘ / BÍ THƯ". Written as a draft, then issued (numbered and locked), and printed.

A DocumentEditor: what is typed is autosaved (services.drafts, kind "resolution", keyed by the meeting) and
offered back after a crash; closing saves an edited draft without asking."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...services.errors import ServiceError, ValidationFailed
from ...services.meetings.records import ResolutionInput
from ...services.revisions import NEW, ChangedMeanwhile
from ..common.editor import DocumentEditor
from ..common.widgets import DateEdit, FieldMessage, with_message
from .fields import PlainTextEdit
from .output import MeetingOutput

SIGNER_ROLES = ("BÍ THƯ", "PHÓ BÍ THƯ")


class ResolutionDialog(DocumentEditor):
    draft_kind = "resolution"
    watched_tables = frozenset({"resolutions"})

    def __init__(self, services, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.meeting_id = meeting_id
        self.meeting = services.meetings.get(meeting_id)
        self.output = MeetingOutput(services, self)
        self.setWindowTitle(self.tr("Resolution of the meeting on {date}").format(
            date=format_date(self.meeting.content.held_on)))
        self.resize(860, 620)
        self.messages: dict[str, FieldMessage] = {}
        self._make_fields()
        form = self._make_form()
        buttons = self._make_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.recovered_banner)
        layout.addWidget(self.elsewhere_banner)
        layout.addLayout(form, 1)
        layout.addWidget(self.keeper.label)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_resolution)
        self._load()
        if not self.read_only:
            self.offer_draft()
        for signal in (self.title.textEdited, self.issued_on.date_changed, self.body.textChanged,
                       self.signer_name.textEdited, self.signer_role.editTextChanged, self.recipients.textChanged):
            signal.connect(self.mark_changed)

    def _load(self) -> None:
        """Show the resolution as stored (or the starting point taken from the minutes)."""
        self.record = self.services.meetings.get_resolution(self.meeting_id)
        self.loading = True
        try:
            self._fill(self.record or self.services.meetings.resolution_defaults(self.meeting_id))
        finally:
            self.loading = False
        self.start_tracking(self.record.rev if self.record else NEW)
        self._show_state()

    def record_revision(self) -> int:
        return self.services.meetings.resolution_revision(self.meeting_id)

    def reload(self) -> None:
        self.saved_now()
        self._load()

    def _make_fields(self) -> None:
        self.status = QLabel()
        self.status.setObjectName("resolution_state")
        self.status.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. về lãnh đạo thực hiện nhiệm vụ tháng 10 năm 2025"))
        self.issued_on = DateEdit()
        self.issued_on.setObjectName("issued_on")
        self.issued_on.setMaximumWidth(150)
        self.body = PlainTextEdit(lines=10)
        self.body.setObjectName("body")
        self.from_minutes = QPushButton(self.tr("Copy the conclusion from the minutes"))
        self.from_minutes.setProperty("edits", True)
        self.from_minutes.clicked.connect(self._copy_conclusion)
        self.signer_name = QLineEdit()
        self.signer_name.setObjectName("signer_name")
        self.signer_role = QComboBox()
        self.signer_role.setObjectName("signer_role")
        self.signer_role.setEditable(True)
        self.signer_role.addItems(SIGNER_ROLES)
        self.recipients = PlainTextEdit(lines=3)
        self.recipients.setObjectName("recipients")

    def _make_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(form, "title", self.tr("Subject (trích yếu):"), self.title)
        self._row(form, "issued_on", self.tr("Issued on:"), self.issued_on)
        body_box = QVBoxLayout()
        body_box.setContentsMargins(0, 0, 0, 0)
        body_widget, self.messages["body"] = with_message(self.body)
        body_box.addWidget(body_widget)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.from_minutes)
        copy_row.addStretch(1)
        body_box.addLayout(copy_row)
        holder = QWidget()
        holder.setLayout(body_box)
        form.addRow(self.tr("The cell resolves:"), holder)
        self._row(form, "signer_name", self.tr("Signed by:"), self.signer_name)
        form.addRow(self.tr("Signing as:"), self.signer_role)
        form.addRow(self.tr("Recipients (one per line):"), self.recipients)
        return form

    def _make_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setProperty("edits", True)
        self.save_button.clicked.connect(self.save)
        self.issue_button = QPushButton(self.tr("Issue…"))
        self.issue_button.setObjectName("issue")
        self.issue_button.setProperty("edits", True)
        self.issue_button.clicked.connect(self.issue)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_resolution)
        self.delete_button = QPushButton(self.tr("Delete the draft"))
        self.delete_button.setProperty("edits", True)
        self.delete_button.clicked.connect(self.delete)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.close_button)
        return buttons

    # ---- the DocumentEditor API ---------------------------------------------------------------------
    def draft_key(self) -> str:
        return self.meeting_id

    def collect_draft(self) -> dict:
        return {"title": self.title.text(), "issued_on": self.issued_on.text(), "body": self.body.toPlainText(),
                "signer_name": self.signer_name.text(), "signer_role": self.signer_role.currentText(),
                "recipients": self.recipients.toPlainText()}

    def apply_draft(self, payload: dict) -> None:
        self.title.setText(payload.get("title", ""))
        self.issued_on.setText(payload.get("issued_on", ""))
        self.body.setPlainText(payload.get("body", ""))
        self.signer_name.setText(payload.get("signer_name", ""))
        self.signer_role.setEditText(payload.get("signer_role", "") or SIGNER_ROLES[0])
        self.recipients.setPlainText(payload.get("recipients", ""))

    def _row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box, self.messages[key] = with_message(widget)
        form.addRow(label, box)

    def _fill(self, data: ResolutionInput) -> None:
        self.title.setText(data.title)
        self.issued_on.set_value(data.issued_on)
        self.body.setPlainText(data.body)
        self.signer_name.setText(data.signer_name)
        self.signer_role.setEditText(data.signer_role or SIGNER_ROLES[0])
        self.recipients.setPlainText("\n".join(data.recipients))

    def _show_state(self) -> None:
        r = self.record
        locked = (r is not None and r.locked) or self.meeting.superseded_by is not None
        if r is None:
            text = self.tr("New resolution (not saved yet). The text below is taken from the minutes.")
        elif r.locked:
            text = self.tr("Resolution {number}, issued on {date}. It can no longer be changed.").format(
                number=r.number, date=format_date(r.issued_on))
        else:
            text = self.tr("Draft resolution. Issuing gives it the next resolution number of the year and locks it.")
        self.status.setText(text)
        self.lock(locked)
        self.delete_button.setEnabled(r is not None and not locked)

    def collect(self) -> ResolutionInput:
        issued_on = None if self.issued_on.error() else self.issued_on.value()
        return ResolutionInput(title=self.title.text(), body=self.body.toPlainText(), issued_on=issued_on,
                               signer_name=self.signer_name.text(), signer_role=self.signer_role.currentText(),
                               recipients=self.recipients.toPlainText().split("\n"))

    def save(self) -> bool:
        if self.record is not None and self.record.locked:
            return True
        if self.issued_on.error():
            self.messages["issued_on"].set_error(self.issued_on.error())
            return False
        try:
            with self.services.ctx.action(self):
                self.record = self.services.meetings.save_resolution(self.meeting_id, self.collect(),
                                                                     base_rev=self.keeper.base_rev)
        except ChangedMeanwhile as exc:  # saved elsewhere since loaded: nothing written, the text stays
            return self.resolve_changed_meanwhile(exc)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return False
        for message in self.messages.values():
            message.clear_message()
        self.saved_now()
        self.keeper.base_rev = self.record.rev  # the next save starts from this revision
        self._show_state()
        return True

    def issue(self) -> None:
        if not self.save():
            return
        try:  # the service's checks first: the question never comes before the errors
            problems = self.services.meetings.issue_problems(self.meeting_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Issue the resolution"), exc.message)
            return
        if problems:
            self._show_problems(problems)
            return
        answer = QMessageBox.question(
            self, self.tr("Issue the resolution"),
            self.tr("Issue this resolution?\n\nIt gets the next resolution number of the year (like Số 05-NQ/CB) "
                    "and can no longer be changed."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                self.record = self.services.meetings.issue_resolution(self.meeting_id)
        except ValidationFailed as exc:
            self._show_problems(exc.errors)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Issue the resolution"), exc.message)
            return
        self.keeper.base_rev = self.record_revision()  # issued: read back after the commit
        self._show_state()

    def _show_problems(self, errors: dict[str, str]) -> None:
        for key, text in errors.items():
            if key in self.messages:
                self.messages[key].set_error(text)
        QMessageBox.warning(self, self.tr("Issue the resolution"), "\n".join(errors.values()))

    def delete(self) -> None:
        answer = QMessageBox.question(self, self.tr("Delete the draft"), self.tr("Delete this draft resolution?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                self.services.meetings.delete_resolution(self.meeting_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.record = None
        self.saved_now()  # nothing left to keep
        self.accept()

    def print_resolution(self) -> None:
        if not self.save():
            return
        self.output.print_resolution(self.meeting_id, self.meeting.content.held_on)

    def confirm_close(self) -> bool:
        """Closing keeps what was typed: an edited resolution is saved (a refused save keeps the dialog
        open, with the draft kept by the autosave)."""
        self.keeper.flush()
        if self.read_only or not self.unsaved:
            return True
        return self.save()

    def _copy_conclusion(self) -> None:
        self.body.setPlainText(self.services.meetings.get(self.meeting_id).content.resolution_text)
