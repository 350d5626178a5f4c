"""Cài đặt → Số văn bản: the register of the numbers given in a year (reports, plans, invitations, lists,
resolutions, and the minutes and meeting resolutions numbered at approval), by type and number, with the
numbers left unused — what `cellsec numbers list` prints. Read-only: numbers are given where a document is
printed (the number dialog). Below it, this laptop's documents that sync renumbered (the cell's other laptop
gave the same number first), each opened again in the print preview to reprint it with its new number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _vietnam(instant: dt.datetime) -> dt.datetime:
    """An instant stored in UTC, in Vietnam time (whatever the laptop's zone)."""
    from ..common.widgets import VIETNAM_TIME

    return (instant if instant.tzinfo else instant.replace(tzinfo=dt.timezone.utc)).astimezone(VIETNAM_TIME)


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
        self._build_renumbered(layout)
        self.retranslate()

    def _build_renumbered(self, layout: QVBoxLayout) -> None:
        self.renumbered_label = QLabel()
        self.renumbered_label.setWordWrap(True)
        self.renumbered_table = QTableWidget(0, 3)
        self.renumbered_table.setObjectName("renumbered")
        self.renumbered_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.renumbered_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.renumbered_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.renumbered_table.verticalHeader().setVisible(False)
        self.renumbered_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.renumbered_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.renumbered_table.horizontalHeader().setStretchLastSection(True)
        # A few rows: the year's register above keeps the room.
        self.renumbered_table.setMaximumHeight(self.fontMetrics().height() * 9)
        self.renumbered_table.doubleClicked.connect(lambda _index: self.reprint())
        self.renumbered_table.itemSelectionChanged.connect(
            lambda: self.reprint_button.setEnabled(bool(self.renumbered_table.selectedItems())))
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        layout.addWidget(self.renumbered_label)
        layout.addWidget(self.renumbered_table)
        layout.addLayout(buttons)
        self._renumbered: list = []
        self.output = None  # MeetingOutput, made on the first reprint

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The numbers given to the cell's documents, one sequence a year for each type "
                                   "(BC reports, KH plans, NQ resolutions, GM invitations, DS lists, BB minutes). "
                                   "A number is given when the document is printed; printing it again keeps it."))
        self.year_label.setText(self.tr("Year:"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Document"), self.tr("Date"),
                                              self.tr("About")])
        self.renumbered_label.setText(self.tr("Renumbered while syncing: the cell's other laptop gave the same "
                                              "number first. Print these again with their new number "
                                              "(double-click or \"View / reprint…\")."))
        self.renumbered_table.setHorizontalHeaderLabels([self.tr("New number"), self.tr("When"), self.tr("Document")])
        self.reprint_button.setText(self.tr("View / reprint…"))

    def load(self) -> None:
        from ...domain.dates import format_date
        from ...services.documents.numbers import KINDS, unused_text

        kinds = {"minutes": self.tr("Minutes"), "meeting_resolution": self.tr("Resolution of a meeting"),
                 "before_register": self.tr("Given by an earlier version")}
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
        self._load_renumbered()

    def _load_renumbered(self) -> None:
        self._renumbered = self.services.numbers.renumbered()
        shown = bool(self._renumbered)
        for widget in (self.renumbered_label, self.renumbered_table, self.reprint_button):
            widget.setVisible(shown)
        self.renumbered_table.setRowCount(len(self._renumbered))
        for r, entry in enumerate(self._renumbered):
            for c, text in enumerate((entry.number, _vietnam(entry.at).strftime("%d/%m/%Y %H:%M"), entry.title)):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.text)
                self.renumbered_table.setItem(r, c, item)
        self.reprint_button.setEnabled(bool(self.renumbered_table.selectedItems()))

    def reprint(self) -> None:
        """The selected renumbered document in the print preview, with its new number."""
        rows = self.renumbered_table.selectionModel().selectedRows()
        if not rows:
            return
        from ..meetings.output import MeetingOutput

        entry = self._renumbered[rows[0].row()]
        if self.output is None:
            self.output = MeetingOutput(self.services, self)
        if entry.kind == "minutes":
            self.output.print_minutes(entry.meeting_id)
        elif entry.kind == "meeting_resolution":
            self.output.print_resolution(entry.meeting_id)
        elif entry.kind == "invitation" and entry.meeting_id:
            self.output.print_paper(entry.meeting_id, "notice")  # the number dialog proposes the new number
        else:
            QMessageBox.information(self, self.reprint_button.text().rstrip("…"), self.tr(
                "Print \"{title}\" again where it was printed: the number dialog proposes its new number, "
                "{number}.").replace("{title}", entry.title).replace("{number}", entry.number))
