"""Cài đặt → Số văn bản: the register of the numbers given in a year (reports, plans, invitations, lists,
resolutions, and the minutes and meeting resolutions numbered at approval), by type and number, with the
numbers left unused — what `cellsec numbers list` prints. Read-only: numbers are given where a document is
printed (the number dialog)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class NumbersTab(QWidget):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("numbers_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.load())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("numbers")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.unused = QLabel()
        self.unused.setObjectName("numbers_unused")
        self.unused.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.year_label)
        row.addWidget(self.year)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unused)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The numbers given to the cell's documents, one sequence a year for each type "
                                   "(BC reports, KH plans, NQ resolutions, GM invitations, DS lists, BB minutes). "
                                   "A number is given when the document is printed; printing it again keeps it."))
        self.year_label.setText(self.tr("Year:"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Document"), self.tr("Date"),
                                              self.tr("About")])

    def load(self) -> None:
        from ...domain.dates import format_date
        from ...services.documents.numbers import KINDS, unused_text

        kinds = {"minutes": self.tr("Minutes"), "meeting_resolution": self.tr("Resolution of a meeting")}
        entries = self.services.numbers.entries(self.year.value())
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            kind = KINDS[e.kind][1].format() if e.kind in KINDS else kinds.get(e.kind, e.kind)
            for c, text in enumerate((e.number, kind, format_date(e.issued_on) if e.issued_on else "", e.title)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        unused = self.services.numbers.unused(self.year.value())
        if not entries:
            self.unused.setText(self.tr("No number given in this year."))
        elif unused:
            self.unused.setText(self.tr("Left unused: {list}").replace("{list}", "; ".join(
                f"{doc_type}: {unused_text(seqs)}" for doc_type, seqs in unused.items())))
        else:
            self.unused.setText(self.tr("No number left unused."))
