"""Before the member register is previewed: the day it is "as of" (the list of that day, and the date the
document bears) and its number, so a register never prints a blank number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from ..common.preview import NumberDialog


class RegisterDialog(NumberDialog):
    def __init__(self, services, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(services, "register", today, parent)
        self.setWindowTitle(self.tr("Print the member register"))

    def date_label(self) -> str:
        return self.tr("Members as of")
