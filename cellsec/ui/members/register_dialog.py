"""Before the member register is previewed: the day it is "as of" (the list of that day, and the date the
document bears) and its number, so a register never prints a blank number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ..common.widgets import DateEdit

LAST_NUMBER = "register_last_number"


class RegisterDialog(QDialog):
    def __init__(self, services, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Print the member register"))
        self.date = DateEdit()
        self.date.setObjectName("as_of")
        self.date.set_value(today)
        self.number = QSpinBox()
        self.number.setObjectName("number")
        self.number.setRange(1, 999)
        last = services.ctx.get_setting(LAST_NUMBER, "") or ""
        self.number.setValue(int(last) + 1 if last.isdigit() else 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Members as of"), self.date)
        form.addRow(self.tr("Document number"), self.number)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def accept(self) -> None:
        error = self.date.error()
        if error or self.date.value() is None:
            self.message.setText(error or self.tr("Enter the date the list is as of."))
            return
        self.services.ctx.set_setting(LAST_NUMBER, str(self.number.value()))
        super().accept()

    @property
    def as_of(self) -> dt.date:
        return self.date.value()
