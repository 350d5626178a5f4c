"""Chuẩn bị: the preparation checklist of reference §1.2, the invited guests, and the agenda taken from
the editable template (the template itself is edited in AgendaTemplateDialog)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import KIND_LABELS, MEETING_KINDS, AgendaItem, Guest
from ...services.errors import ServiceError
from .fields import PlainTextEdit
from ..common.widgets import DateEdit, FieldMessage

CHECKS = ("committee_met", "notice_members", "notice_upper", "draft_resolution_ready")


class PreparationTab(QWidget):
    open_content = Signal()  # the user wants to edit the agenda items

    def __init__(self, editor) -> None:
        super().__init__()
        self.editor = editor
        self._loading = False
        self._build_checklist()
        self._build_guests()
        self._build_agenda()
        left = QVBoxLayout()
        left.addWidget(self.checklist_box)
        left.addWidget(self.guests_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.agenda_box, 1)
        self.retranslate()

    def _build_checklist(self) -> None:
        self.checklist_box = QGroupBox()
        self.checks: dict[str, QCheckBox] = {}
        checklist = QVBoxLayout(self.checklist_box)
        for key in CHECKS[:3]:
            self.checks[key] = self._check(key, checklist)
        self.materials = QCheckBox()
        self.materials.setObjectName("materials_shared")
        self.materials.toggled.connect(self._materials_toggled)
        self.materials_on = DateEdit()
        self.materials_on.setObjectName("materials_shared_on")
        self.materials_on.setMaximumWidth(140)
        self.materials_on.date_changed.connect(self._materials_date)
        row = QHBoxLayout()
        row.addWidget(self.materials)
        row.addWidget(self.materials_on)
        row.addStretch(1)
        checklist.addLayout(row)
        self.materials_message = FieldMessage()
        checklist.addWidget(self.materials_message)
        self.checks["draft_resolution_ready"] = self._check("draft_resolution_ready", checklist)

    def _build_guests(self) -> None:
        self.guests_box = QGroupBox()
        self.guests = QTableWidget(0, 3)
        self.guests.setObjectName("guests")
        self.guests.setProperty("edits", True)
        self.guests.verticalHeader().hide()
        self.guests.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.guests.itemChanged.connect(self._guests_edited)
        self.add_guest_button = QPushButton()
        self.add_guest_button.setObjectName("add_guest")
        self.add_guest_button.setProperty("edits", True)
        self.add_guest_button.clicked.connect(self.add_guest)
        self.remove_guest_button = QPushButton()
        self.remove_guest_button.setProperty("edits", True)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        guests = QVBoxLayout(self.guests_box)
        guests.addWidget(self.guests, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_guest_button)
        buttons.addWidget(self.remove_guest_button)
        buttons.addStretch(1)
        guests.addLayout(buttons)

    def _build_agenda(self) -> None:
        self.agenda_box = QGroupBox()
        self.agenda = QListWidget()
        self.agenda.setObjectName("agenda_outline")
        self.agenda.setWordWrap(True)
        self.agenda.itemDoubleClicked.connect(lambda _item: self.open_content.emit())
        self.edit_items_button = QPushButton()
        self.edit_items_button.clicked.connect(self.open_content.emit)
        self.template_button = QPushButton()
        self.template_button.setObjectName("from_template")
        self.template_button.setProperty("edits", True)
        self.template_button.clicked.connect(self.reset_from_template)
        self.edit_template_button = QPushButton()
        self.edit_template_button.clicked.connect(self.edit_template)
        agenda = QVBoxLayout(self.agenda_box)
        agenda.addWidget(self.agenda, 1)
        agenda_buttons = QHBoxLayout()
        agenda_buttons.addWidget(self.edit_items_button)
        agenda_buttons.addWidget(self.template_button)
        agenda_buttons.addWidget(self.edit_template_button)
        agenda_buttons.addStretch(1)
        agenda.addLayout(agenda_buttons)

    def _check(self, key: str, layout: QVBoxLayout) -> QCheckBox:
        box = QCheckBox()
        box.setObjectName(key)
        box.toggled.connect(lambda on, k=key: self._checked(k, on))
        layout.addWidget(box)
        return box

    def retranslate(self) -> None:
        self.checklist_box.setTitle(self.tr("Preparation"))
        self.checks["committee_met"].setText(self.tr("The cell committee (or secretary and deputy) met beforehand "
                                                     "and agreed the content"))
        self.checks["notice_members"].setText(self.tr("Members were told the time, place and content"))
        self.checks["notice_upper"].setText(self.tr("The upper committee that follows the cell was notified"))
        self.materials.setText(self.tr("Materials were shared with members on"))
        self.checks["draft_resolution_ready"].setText(self.tr("A draft resolution was prepared"))
        self.guests_box.setTitle(self.tr("Invited guests"))
        self.guests.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Position"), self.tr("Unit")])
        header = self.guests.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_guest_button.setText(self.tr("Add a guest"))
        self.remove_guest_button.setText(self.tr("Remove the guest"))
        self.agenda_box.setTitle(self.tr("Agenda"))
        self.edit_items_button.setText(self.tr("Record the items…"))
        self.edit_items_button.setToolTip(self.tr("Add, remove, reorder and record the items under \"Content\""))
        self.template_button.setText(self.tr("Take from the template"))
        self.template_button.setToolTip(self.tr("Replace the agenda with the standard items of the template"))
        self.edit_template_button.setText(self.tr("Edit the template…"))

    # ---- showing ------------------------------------------------------------------------------------
    def load(self) -> None:
        c = self.editor.content
        self._loading = True
        for key, box in self.checks.items():
            box.setChecked(bool(getattr(c.checklist, key)))
        self.materials.setChecked(c.checklist.materials_shared_on is not None)
        self.materials_on.set_value(c.checklist.materials_shared_on)
        self.materials_on.setEnabled(c.checklist.materials_shared_on is not None)
        self.guests.setRowCount(len(c.guests))
        for row, g in enumerate(c.guests):
            for column, text in enumerate((g.name, g.position, g.unit)):
                self.guests.setItem(row, column, QTableWidgetItem(text))
        self._loading = False
        self.show_agenda()

    def show_agenda(self) -> None:
        self.agenda.clear()
        for i, item in enumerate(self.editor.content.agenda, start=1):
            self.agenda.addItem(f"{i}. {item.title}")

    def show_checks(self, errors: dict[str, str], warnings: dict[str, str]) -> bool:
        self.materials_message.show_result("checklist.materials_shared_on", errors, warnings)
        return "checklist.materials_shared_on" in errors

    # ---- editing ------------------------------------------------------------------------------------
    def _checked(self, key: str, on: bool) -> None:
        if not self._loading:
            setattr(self.editor.content.checklist, key, on)
            self.editor.changed()

    def _materials_toggled(self, on: bool) -> None:
        if self._loading:
            return
        self.materials_on.setEnabled(on)
        held_on = self.editor.content.held_on
        if on and not self.materials_on.text().strip() and held_on:
            self.materials_on.set_value(held_on - dt.timedelta(days=1))
        self._materials_date()

    def _materials_date(self) -> None:
        if self._loading:
            return
        value = None
        if self.materials.isChecked() and not self.materials_on.error():
            value = self.materials_on.value()
        self.editor.content.checklist.materials_shared_on = value
        self.editor.changed()

    def add_guest(self) -> None:
        row = self.guests.rowCount()
        self._loading = True
        self.guests.setRowCount(row + 1)
        for column in range(3):
            self.guests.setItem(row, column, QTableWidgetItem(""))
        self._loading = False
        self.guests.setCurrentCell(row, 0)
        self.guests.editItem(self.guests.item(row, 0))

    def remove_guest(self) -> None:
        row = self.guests.currentRow()
        if row < 0:
            return
        self.guests.removeRow(row)
        self._guests_edited()

    def _guests_edited(self, *_args) -> None:
        if self._loading:
            return
        guests = []
        for row in range(self.guests.rowCount()):
            texts = [(self.guests.item(row, c).text() if self.guests.item(row, c) else "") for c in range(3)]
            if any(t.strip() for t in texts):
                guests.append(Guest(*texts))
        self.editor.content.guests = guests
        self.editor.changed()

    def reset_from_template(self) -> None:
        c = self.editor.content
        month = c.period_month or (c.held_on.month if c.held_on else 1)
        year = c.period_year or (c.held_on.year if c.held_on else dt.date.today().year)
        titles = self.editor.services.meetings.agenda_for(c.kind, month, year, c.topic)
        by_title = {item.title: item for item in c.agenda}
        dropped = [item for item in c.agenda if item.title not in titles
                   and (item.presentation or item.speeches or item.conclusion)]
        if dropped:
            answer = QMessageBox.question(
                self, self.tr("Agenda"),
                self.tr("Items not in the template will be removed with what is written under them: {items}. "
                        "Continue?").format(items="; ".join(item.title for item in dropped)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        c.agenda = [by_title.get(title) or AgendaItem(title=title) for title in titles]
        self.show_agenda()
        self.editor.agenda_replaced()

    def edit_template(self) -> None:
        AgendaTemplateDialog(self.editor.services, self.editor.content.kind, self).exec()


class AgendaTemplateDialog(QDialog):
    """The agenda template per meeting kind, one item per line; {month}, {prev_month}, {year} and {topic}
    are filled in when a meeting is created."""

    def __init__(self, services, kind: str = "thuong_ky", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.template = services.meetings.agenda_template()
        self.setWindowTitle(self.tr("Agenda template"))
        self.resize(720, 460)
        self.kind = QComboBox()
        self.kind.setObjectName("template_kind")
        for key in MEETING_KINDS:
            self.kind.addItem(KIND_LABELS[key].format(), key)
        self.text = PlainTextEdit(lines=10)
        self.text.setObjectName("template_text")
        self.text.setTabChangesFocus(True)
        hint = QLabel(self.tr("One item per line. {month} is the meeting's month, {prev_month} the month before, "
                              "{year} the year, {topic} the thematic topic."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(self.tr("Shipped template"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Meeting type:")))
        row.addWidget(self.kind)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._shown = kind
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self._show(kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def _show(self, kind: str) -> None:
        self._shown = kind
        self.text.setPlainText("\n".join(self.template.get(kind, [])))

    def _keep(self) -> None:
        self.template[self._shown] = [line for line in self.text.toPlainText().split("\n") if line.strip()]

    def _kind_changed(self) -> None:
        self._keep()
        self._show(self.kind.currentData())

    def restore(self) -> None:
        self.template[self._shown] = self.services.meetings.default_agenda_template().get(self._shown, [])
        self._show(self._shown)

    def save(self) -> None:
        self._keep()
        try:
            self.services.meetings.set_agenda_template(self.template)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.accept()
