"""What the member review editor and the collective review editor share, on top of the shared editor base
(autosaved drafts offered back after a crash, the close guard): a draft that is saved, submitted (locked),
given the level decided above, and corrected only by an amendment with its reason.

A subclass builds its form and implements:
    snapshot()                  the form's values, compared with the loaded record to tell unsaved edits
    collect_draft() / apply_draft(payload)
    check_form()                the live check: returns the errors by field
    show_field_errors(errors, warnings), banner_text()
    service calls: save_record(), amend_record(reason, decision), submit_record(), decide_record(decision),
                   reload_record(), submission_errors()
    texts: submit_title(), submit_question(), amend_prompt(), decide_question(decision)
Its `load(record, full=True)` fills the form and ends with `loaded()`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from ...services.errors import ServiceError, ValidationFailed
from ...services.revisions import ChangedMeanwhile
from .parts import TEXTS
from ..common.editor import DocumentEditor
from ..common.widgets import ERROR_COLOR, banner

VN = dt.timezone(dt.timedelta(hours=7))
STATUS_COLORS = {"draft": "#5f6368", "submitted": "#1f4e79", "decided": "#2e7d32"}


def vn_time(at: dt.datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(VN).strftime("%d/%m/%Y %H:%M")


def save_on_button(editor: DocumentEditor, button: QPushButton) -> None:
    """Ctrl+S belongs to the editor's Save button (which shows it), not to the editor base's window
    shortcut: two shortcuts on one key would make Qt ignore both."""
    save = QKeySequence(QKeySequence.StandardKey.Save)
    for shortcut in editor.findChildren(QShortcut):
        if shortcut.key() == save:
            shortcut.setEnabled(False)
    button.setShortcut(save)


class ReviewDocument(DocumentEditor):
    def __init__(self, services, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(services, parent)
        self.today = today
        self.record = None
        self.amending = False
        self.errors: dict[str, str] = {}
        self.baseline = None
        self.last_task = None
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.banner = banner("banner")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()

    def _button(self, name: str, text: str, slot, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if tip:
            button.setToolTip(tip)
        return button

    # ---- state ----------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.baseline is not None and self.snapshot() != self.baseline

    @property
    def editable(self) -> bool:
        return self.record is not None and (not self.record.locked or self.amending)

    @property
    def deciding(self) -> bool:
        return self.record is not None and self.record.status == "submitted" and not self.amending

    def reload(self) -> None:
        """Show the record as stored now (saved elsewhere meanwhile): this edit and its draft are dropped."""
        self.amending = False
        self.saved_now()
        self._done(self.reload_record())

    def loaded(self) -> None:
        """The record is on screen: it is the new baseline; a draft left by a crash is offered back."""
        self.baseline = self.snapshot()
        self.start_tracking(self.record_revision())
        if self.record.locked and not self.amending:
            draft = self.keeper.recover()
            self.amending = bool(draft and draft.payload.get("amending"))
        self.apply_state()
        if self.offer_draft():
            self.apply_state()
        self.check()

    def apply_state(self) -> None:
        """What every review document shows for its status: the status, the banner, which buttons."""
        r = self.record
        self.read_only = not self.editable
        if self.read_only:
            self.keeper.stop()
        status = TEXTS.status(r.status)
        if r.version:
            status = self.tr("{status} (version {version})").format(status=status, version=r.version)
        self.status_label.setText(status)
        self.status_label.setStyleSheet(f"font-weight: bold; color: {STATUS_COLORS[r.status]};")
        self.banner.setText(self.banner_text())
        self.banner.setVisible(r.locked)
        self.decision.set_read_only(not (self.deciding or (self.amending and r.status == "decided")))
        self.decide_button.setVisible(self.deciding)
        self.save_button.setVisible(self.editable)
        self.save_button.setText(self.tr("Save amendment") if self.amending else self.tr("Save"))
        self.submit_button.setVisible(not r.locked)
        self.amend_button.setVisible(r.locked)
        self.amend_button.setText(self.tr("Cancel amendment") if self.amending else self.tr("Amend…"))

    def changed(self, *_args) -> None:
        """A field changed: autosave soon (only real edits: back to the saved values, nothing is kept)."""
        if self.loading or self.read_only:
            return
        if self.is_dirty() or self.amending:
            self.mark_changed()
        elif self.unsaved:
            self.keeper.discard()
            self.unsaved = False
        self.update_buttons()

    def check(self, *_args) -> None:
        if self.loading or self.record is None:
            return
        self.errors = self.check_form()
        self.changed()

    def update_buttons(self) -> None:
        self.save_button.setEnabled(not self.errors and (self.is_dirty() or self.amending))
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + (" *" if self.is_dirty() else ""))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_failure(self, exc: ServiceError) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_field_errors(exc.errors, exc.warnings)
            self.show_message("\n".join(dict.fromkeys(exc.errors.values())))
        else:
            self.show_message(exc.message)

    def _done(self, record, full: bool = True) -> None:
        """A service call succeeded: show the record it returned. The editor does not read back what it
        has just saved; it hears only changes made elsewhere (DocumentEditor's RevisionWatch)."""
        self.show_message("")
        self.load(record, full)

    # ---- actions --------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the draft, or the amendment with its reason."""
        self.check()
        if self.errors:
            self.show_message(self.tr("Correct the fields marked in red first."))
            return False
        if self.amending:
            return self._save_amendment()
        try:
            with self.services.ctx.action(self):
                record = self.save_record()
        except ChangedMeanwhile as exc:  # saved elsewhere since it was loaded: nothing written
            return self.resolve_changed_meanwhile(exc)
        except ServiceError as exc:
            self.show_failure(exc)
            return False
        self.saved_now()
        self._done(record, full=False)  # a draft's save changes no version and no history
        return True

    def _save_amendment(self) -> bool:
        reason, ok = QInputDialog.getMultiLineText(self, self.tr("Reason for the amendment"), self.amend_prompt(),
                                                   getattr(self, "_amend_reason", ""))
        if not ok:
            return False
        self._amend_reason = reason  # offered again if the amendment is refused
        decision = self.decision.value()[0] if self.record.status == "decided" else None
        try:
            with self.services.ctx.action(self):
                record = self.amend_record(reason, decision)
        except ServiceError as exc:
            self.show_failure(exc)
            return False
        self._amend_reason = ""
        self.amending = False
        self.saved_now()
        self._done(record)
        return True

    def submit(self) -> None:
        """Validate first (the unsaved edits are saved, the record checked), and only then ask."""
        if self.is_dirty() and not self.save():
            return
        errors = self.submission_errors()
        if errors:
            self.show_field_errors(errors, {})
            self.show_message("\n".join(dict.fromkeys(errors.values())))
            return
        answer = QMessageBox.question(self, self.submit_title(), self.submit_question(),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                record = self.submit_record()
        except ServiceError as exc:
            self.show_failure(exc)
            return
        self._done(record)

    def record_decision(self) -> None:
        decision, local = self.decision.value()
        if local:
            self.decision.show_errors(local)
            return
        answer = QMessageBox.question(self, self.tr("Record the decision"), self.decide_question(decision),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                record = self.decide_record(decision)
        except ServiceError as exc:
            self.show_failure(exc)
            return
        self._done(record)

    def toggle_amend(self) -> None:
        if self.amending:
            self.amending = False
            self.saved_now()  # the amendment is given up: so is its draft
            self.load(self.reload_record())
            return
        self.amending = True
        self.apply_state()
        self.check()
