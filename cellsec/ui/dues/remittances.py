"""Đảng phí — "Nộp lên cấp trên": month by month, what the cell collected, the share it keeps, what it has to
remit to the committee above, and beside it what the committee has confirmed receiving (its receipts for a
month or a quarter, recorded on the committee's pages and pulled at sync). The year's totals say how much the
committee has not confirmed yet, so the secretary can tell a remittance lost on the way from one not sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
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

from ...domain.dates import format_date
from ...services.errors import ServiceError
from ..common.widgets import ERROR_COLOR, muted_label
from .sheet import money_text

RECEIVED_COLUMN = 4  # month, collected, kept, to remit | received, date received, note
CONFIRMED_BACKGROUND = "#e6f4ea"


class RemittanceTab(QWidget):
    def __init__(self, services, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.year_label = QLabel()
        self.year_box = QSpinBox()
        self.year_box.setObjectName("remittance_year")
        self.year_box.setRange(2000, 2200)
        self.year_box.setValue(today().year)
        self.year_box.valueChanged.connect(lambda _year: self.load())
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("remittances")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 6
                                        else QHeaderView.ResizeMode.ResizeToContents)
        # A quarter's receipt spans three rows, which sizing to contents ignores: room for it on one line.
        header.setSectionResizeMode(RECEIVED_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(RECEIVED_COLUMN, self.fontMetrics().horizontalAdvance("Quý III/2026: 100.000.000 đ") + 16)
        self.totals = QLabel()
        self.totals.setObjectName("remittance_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.note = muted_label(name="remittance_note")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Month"), self.tr("Collected"), self.tr("Kept by the cell"), self.tr("To remit"),
            self.tr("Committee received"), self.tr("Date received"), self.tr("Committee's note")])
        self.note.setText(self.tr("What the committee above confirms receiving arrives with each sync. A receipt "
                                  "for a quarter covers its three months."))

    @property
    def year(self) -> int:
        return self.year_box.value()

    def load(self) -> None:
        try:
            months = self.services.dues.remittance_year(self.year, self.today())
        except ServiceError as exc:
            self.totals.setText(exc.message)
            return
        receipts = self.services.sync.remittance_receipts(self.year)
        self.table.clearSpans()
        self.table.setRowCount(len(months))
        row_of = {m.month: row for row, m in enumerate(months)}
        for row, m in enumerate(months):
            self._set(row, [self.tr("Month {month}/{year}").format(month=f"{m.month.month:02d}", year=m.month.year),
                            money_text(m.collected), money_text(m.kept), money_text(m.remitted), "", "", ""])
        for receipt in receipts:
            rows = sorted(row_of[month] for month in receipt.months if month in row_of)
            if not rows:
                continue
            amount = money_text(receipt.amount)
            if len(receipt.months) > 1:
                amount = self.tr("{label}: {amount}").format(label=receipt.label[:1].upper() + receipt.label[1:],
                                                             amount=amount)
            self._set(rows[0], [amount, format_date(receipt.received_on), receipt.note], RECEIVED_COLUMN)
            for column in range(RECEIVED_COLUMN, 7):
                if len(rows) > 1:
                    self.table.setSpan(rows[0], column, len(rows), 1)
                self.table.item(rows[0], column).setBackground(QBrush(QColor(CONFIRMED_BACKGROUND)))
        self.table.resizeRowsToContents()
        self._show_totals(sum(m.collected for m in months), sum(m.remitted for m in months),
                          sum(r.amount for r in receipts))

    def _set(self, row: int, texts: list[str], first: int = 0) -> None:
        for offset, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if first + offset in (1, 2, 3) or (first + offset == RECEIVED_COLUMN and text[:1].isdigit()):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, first + offset, item)

    def _show_totals(self, collected: int, to_remit: int, received: int) -> None:
        text = self.tr("{year}: collected {collected}, to remit {remit}; the committee confirmed receiving "
                       "{received}.").format(year=self.year, collected=money_text(collected),
                                             remit=money_text(to_remit), received=money_text(received))
        missing = to_remit - received
        if received == 0:
            text += " " + self.tr("No receipt from the committee for this year yet.")
        elif missing > 0:
            text += " " + f"<span style='color:{ERROR_COLOR}'>" + self.tr(
                "Not confirmed yet: {amount}.").format(amount=money_text(missing)) + "</span>"
        self.totals.setText(text)
