"""A new meeting: type, date, the month it counts for, the topic; the service fills in the agenda and the
attendance list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import (
    KIND_LABELS,
    MEETING_KINDS,
    TOPIC_REQUIRED_KINDS,
    MinutesContent,
    check_content,
    clean_content,
)
from ...services.errors import ServiceError, ValidationFailed
from .fields import TimeField
from ..common.widgets import DateEdit, FieldMessage, with_message


class NewMeetingDialog(QDialog):
    """Type, date, the month it counts for, the topic of a thematic meeting; the service fills in the
    agenda from the template and freezes the attendance list."""

    def __init__(self, services, parent: QWidget | None = None, kind: str = "thuong_ky",
                 held_on: dt.date | None = None, period: tuple[int, int] | None = None,
                 initiator: object | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.initiator = initiator or self  # who shows the new meeting (the page, when it opened the dialog)
        self.created = None
        self._period_touched = period is not None
        self._topic_touched = False
        self.setWindowTitle(self.tr("New meeting"))
        self.resize(620, 0)
        self.messages: dict[str, FieldMessage] = {}
        self._make_fields(kind, held_on, period)
        layout = QVBoxLayout(self)
        layout.addLayout(self._make_form())
        hint = QLabel(self.tr("The agenda is taken from the template and the attendance list from the members "
                              "in the cell on the meeting date."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create and open"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self.validate)
        self.held_on.date_changed.connect(self._date_changed)
        self.month.valueChanged.connect(self._period_edited)
        self.year.valueChanged.connect(self._period_edited)
        self.topic.textEdited.connect(self._topic_edited)
        self.start.time_changed.connect(self.validate)
        self.validate()

    def _make_fields(self, kind: str, held_on: dt.date | None, period: tuple[int, int] | None) -> None:
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

    def _make_form(self) -> QFormLayout:
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
        return form

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
            with self.services.ctx.action(self.initiator):
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
