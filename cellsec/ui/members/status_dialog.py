"""Change a member's activity status (active, exempt, temporary, transferred out, removed, deceased):
only the fields the chosen status needs are shown, each with the label that status gives it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.members import ACTIVITY_LABELS, ACTIVITY_STATUSES, check_status_change
from ...services.errors import ServiceError, ValidationFailed
from ...services.members.service import StatusChange
from ..common.widgets import DateEdit, FieldMessage, with_message

FIELDS = ("status_from", "status_to", "org", "decision", "reason")


class StatusDialog(QDialog):
    def __init__(self, services, member_id: str, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.member_id = member_id
        self.today = today or dt.date.today()
        self.record = services.members.get(member_id)
        self.saved = None
        self.touched: set[str] = set()
        self.errors: dict[str, str] = {}
        self.setWindowTitle(self.tr("Change activity status: {name}").format(name=self.record.full_name))
        self.resize(620, 440)

        self._build_form()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._start_from_current_status()
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _build_form(self) -> None:
        self.status = QComboBox()
        self.status.setObjectName("activity_status")
        for key in ACTIVITY_STATUSES:
            self.status.addItem(ACTIVITY_LABELS[key].format(), key)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setObjectName("explain")
        self.explain.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.current = QLabel()
        self.current.setObjectName("current_status")
        self.current.setWordWrap(True)
        self.form.addRow(self.tr("Now:"), self.current)
        self.form.addRow(self.tr("New status:"), self.status)
        self.form.addRow("", self.explain)
        self.edits: dict[str, QWidget] = {
            "status_from": DateEdit(), "status_to": DateEdit(), "org": QLineEdit(), "decision": QLineEdit(),
            "reason": QPlainTextEdit(),
        }
        self.edits["reason"].setTabChangesFocus(True)
        self.edits["reason"].setFixedHeight(64)
        self.labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}
        for key in FIELDS:
            widget = self.edits[key]
            widget.setObjectName(key)
            box, message = with_message(widget)
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], box)
            self.messages[key] = message
            signal = widget.textChanged
            signal.connect(lambda *_a, k=key: self._touch(k))

    def _start_from_current_status(self) -> None:
        """The current status is said above the list, and nothing is chosen: saving what was preselected
        would record a change that did not happen. Choosing the current status again brings its details back,
        so a correction is a small edit."""
        now = ACTIVITY_LABELS[self.record.activity_status].format() \
            if self.record.activity_status in ACTIVITY_LABELS else self.record.activity_status
        since = self.record.status_from
        self.current.setText(self.tr("{status} since {date}").format(status=now, date=format_date(since))
                             if since else now)
        self.status.setPlaceholderText(self.tr("Choose the new status…"))
        self.status.setCurrentIndex(-1)

    def _fill_current_details(self) -> None:
        self.edits["status_from"].set_value(self.record.status_from)
        self.edits["status_to"].set_value(self.record.status_to)
        self.edits["org"].setText(self.record.status_org)
        self.edits["decision"].setText(self.record.status_decision)
        self.edits["reason"].setPlainText(self.record.status_reason)
        self.touched.clear()  # filling in the current values is not the user's typing

    def _labels_for(self, status: str) -> dict[str, str]:
        """Which fields a status uses, and what each is called for it."""
        if status == "active":
            return {"status_from": self.tr("Active again from:")}
        if status == "exempt":
            return {"status_from": self.tr("Exempt from:"), "status_to": self.tr("Until (if known):"),
                    "reason": self.tr("Reason:"), "decision": self.tr("Decision (number, date):")}
        if status == "temporary":
            return {"org": self.tr("Officially belongs to (organisation):"), "status_from": self.tr("Attending from:"),
                    "status_to": self.tr("Until:")}
        if status == "transferred_out":
            return {"status_from": self.tr("Transferred on:"), "org": self.tr("Transferred to:"),
                    "decision": self.tr("Transfer paper number:")}
        if status == "removed":
            return {"status_from": self.tr("Removal decided on:"), "reason": self.tr("Reason:"),
                    "decision": self.tr("Decision number:")}
        return {"status_from": self.tr("Date of death:")}

    def _explanation(self, status: str) -> str:
        return {
            "active": self.tr("The member attends the cell's meetings and is counted in attendance and reviews."),
            "exempt": self.tr("Exempt from work and activities (age, health...): not counted in attendance or in "
                              "the annual review."),
            "temporary": self.tr("A member of another organisation who attends this cell for a while."),
            "transferred_out": self.tr("The member has left the cell; the record and its history are kept."),
            "removed": self.tr("Removed from the member list by decision of the competent committee; the record "
                               "is kept."),
            "deceased": self.tr("The record and its history are kept."),
        }[status]

    def current_status(self) -> str:
        return self.status.currentData()

    def _status_changed(self) -> None:
        status = self.current_status()
        if status is None:  # nothing chosen yet: no fields, nothing to save
            for key in FIELDS:
                self.form.setRowVisible(self.labels[key], False)
            self.explain.setText("")
            self.summary.hide()
            self.save_button.setEnabled(False)
            return
        if status == self.record.activity_status and not self.touched:
            self._fill_current_details()
        shown = self._labels_for(status)
        for key in FIELDS:
            visible = key in shown
            self.form.setRowVisible(self.labels[key], visible)
            if visible:
                self.labels[key].setText(shown[key])
        self.explain.setText(self._explanation(status))
        self.validate()

    def _touch(self, key: str) -> None:
        self.touched.add(key)
        self.validate()

    def change(self) -> tuple[StatusChange, dict[str, str]]:
        shown = self._labels_for(self.current_status())
        local: dict[str, str] = {}
        dates: dict[str, dt.date | None] = {}
        for key in ("status_from", "status_to"):
            edit: DateEdit = self.edits[key]
            error = edit.error() if key in shown else ""
            if error:
                local[key] = error
            dates[key] = edit.value() if key in shown and not error else None

        def text(key: str) -> str:
            if key not in shown:
                return ""
            widget = self.edits[key]
            return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

        return StatusChange(activity_status=self.current_status(), status_from=dates["status_from"],
                            status_to=dates["status_to"], reason=text("reason"), decision=text("decision"),
                            org=text("org")), local

    def validate(self) -> None:
        change, local = self.change()
        errors = check_status_change(change.activity_status, change.status_from, change.status_to,
                                     change.reason.strip(), change.decision.strip(), change.org.strip(), self.today)
        errors.update(local)
        self.errors = errors
        waiting: list[str] = []
        for key, message in self.messages.items():
            widget = self.edits[key]
            empty = not (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()
            typing = isinstance(widget, DateEdit) and widget.is_being_typed()
            if (empty and key not in self.touched) or typing:
                message.clear_message()
                if key in errors:
                    waiting.append(self.labels[key].text().rstrip(":"))
            else:
                message.show_result(key, errors, {})
        self.summary.setText(self.tr("Still to fill in: {fields}.").format(fields=", ".join(waiting)) if waiting else "")
        self.summary.setVisible(bool(waiting))
        self.save_button.setEnabled(not errors)

    def save(self) -> None:
        if self.current_status() is None:
            return
        self.touched.update(FIELDS)
        self.validate()
        if self.errors:
            return
        change, _local = self.change()
        try:
            self.saved = self.services.members.change_status(self.member_id, change)
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                if key in self.messages:
                    self.messages[key].set_error(text)
                else:
                    QMessageBox.warning(self, self.windowTitle(), text)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()
