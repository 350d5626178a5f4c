"""The minutes editor's "Thời gian, địa điểm, thành phần" tab: type and date, the month the meeting counts for,
start and end (duration shown live), place, chair and recorder, and the opening words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import (
    KIND_LABELS,
    MEETING_KINDS,
    TOPIC_REQUIRED_KINDS,
    duration_minutes,
    min_duration,
)
from .fields import MemberPicker, PlainTextEdit, TimeField
from ..common.widgets import WARNING_COLOR, DateEdit, FieldMessage, with_message


class TimePlaceTab(QWidget):
    """Thời gian, địa điểm, thành phần: type and date, start and end (duration shown live), place, chair
    and recorder, and the opening words."""

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self.messages: dict[str, FieldMessage] = {}
        self._make_fields()
        self._lay_out()
        self._connect()
        self.retranslate()

    def _make_fields(self) -> None:
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


    def _lay_out(self) -> None:
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

    def _connect(self) -> None:
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
