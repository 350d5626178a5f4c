"""Opening a year's review: who must be reviewed (with the suggested form, which the secretary can
change), who is not and why, and the rule set the year follows. Opening an already open year adds the
members who became due since."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.members import PARTY_STATUS_LABELS, label
from ...services.errors import ServiceError
from ..common.widgets import muted_label, set_combo_data

LIST_NO, NAME, PARTY, FORM, NOTE = range(5)


class OpenYearDialog(QDialog):
    def __init__(self, services, year: int, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.today = today
        self.opened = None
        self.already = services.reviews.is_open(year)
        self.setWindowTitle(self.tr("Add members to the {year} review").format(year=year) if self.already
                            else self.tr("Open the {year} review").format(year=year))
        self.resize(1040, 600)

        self.rule_set = QComboBox()
        self.rule_set.setObjectName("rule_set")
        if self.already:
            info = services.reviews.get_year(year)
            self.rule_set.addItem(info.rule_set_name, info.rule_set_id)
            self.rule_set.setEnabled(False)
        else:
            for rs in services.reviews.list_rule_sets():
                name = rs.name if rs.builtin else self.tr("{name} (own copy, version {version})").format(
                    name=rs.name, version=rs.version)
                self.rule_set.addItem(name, rs.id)
            set_combo_data(self.rule_set, services.reviews.rule_set_for_year(year).id)
        self.rule_set.currentIndexChanged.connect(self.load)
        self.document = muted_label(name="document")
        form = QFormLayout()
        form.addRow(self.tr("Rule set:"), self.rule_set)
        form.addRow("", self.document)

        self._build_table()
        self.count = QLabel()
        self.count.setObjectName("count")

        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("open")
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self.accept_open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.form_combos: dict[str, QComboBox] = {}
        self.load()

    def _build_table(self) -> None:
        """The candidates: every member, whether they are reviewed and with which form."""
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("candidates")
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Full name"), self.tr("Party status"),
                                              self.tr("Review form"), self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column, mode in ((LIST_NO, QHeaderView.ResizeMode.ResizeToContents),
                             (NAME, QHeaderView.ResizeMode.Interactive),
                             (PARTY, QHeaderView.ResizeMode.ResizeToContents),
                             (FORM, QHeaderView.ResizeMode.Interactive),
                             (NOTE, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.table.setColumnWidth(NAME, 180)
        self.table.setColumnWidth(FORM, 430)

    def rule_set_id(self) -> str:
        return self.rule_set.currentData()

    def load(self) -> None:
        reviews = self.services.reviews
        rules = reviews.rules_for_year(self.year) if self.already else reviews.rule_set(self.rule_set_id())
        self.document.setText(self.tr("Issued by: {document}. In force from {date}.").format(
            document=rules.issuing_document, date=rules.effective_from.strftime("%d/%m/%Y")))
        candidates = reviews.candidates(self.year, None if self.already else self.rule_set_id())
        self.form_combos.clear()
        self.table.setRowCount(len(candidates))
        grey = QBrush(QColor("#6b6f76"))
        for row, c in enumerate(candidates):
            items = [QTableWidgetItem("" if c.list_no is None else str(c.list_no)), QTableWidgetItem(c.name),
                     QTableWidgetItem(label(PARTY_STATUS_LABELS, c.party_status))]
            for column, item in enumerate(items):
                if not c.included:
                    item.setForeground(grey)
                self.table.setItem(row, column, item)
            self.table.setCellWidget(row, FORM, None)
            if c.included and not c.review_id:
                combo = QComboBox()
                combo.setObjectName(f"form_{c.member_id}")
                for f in rules.form_types:
                    combo.addItem(f"{f.name} ({f.code})" if f.code else f.name, f.key)
                set_combo_data(combo, c.suggested_form_type)
                self.table.setCellWidget(row, FORM, combo)
                self.form_combos[c.member_id] = combo
                note = ""
            elif c.included:
                self.table.setItem(row, FORM, QTableWidgetItem(""))
                note = self.tr("Already in the review")
            else:
                self.table.setItem(row, FORM, QTableWidgetItem(""))
                note = self.tr("Not reviewed: {reason}").format(reason=c.reason)
            note_item = QTableWidgetItem(note)
            if not c.included:
                note_item.setForeground(grey)
            note_item.setToolTip(note)
            self.table.setItem(row, NOTE, note_item)
        due = len(self.form_combos)
        excluded = sum(1 for c in candidates if not c.included)
        self.count.setText(self.tr("{due} members to add; {excluded} not reviewed.").format(due=due, excluded=excluded)
                           if self.already else
                           self.tr("{due} members must be reviewed; {excluded} are not reviewed.").format(
                               due=due, excluded=excluded))
        self.ok.setText(self.tr("Add {count} members").format(count=due) if self.already
                        else self.tr("Open the review"))
        self.ok.setEnabled(due > 0 or not self.already)

    def form_types(self) -> dict[str, str]:
        return {member_id: combo.currentData() for member_id, combo in self.form_combos.items()}

    def accept_open(self) -> None:
        try:
            with self.services.ctx.action(self):
                self.opened = self.services.reviews.open_year(
                    self.year, None if self.already else self.rule_set_id(), self.form_types(), today=self.today)
        except ServiceError as exc:
            errors = getattr(exc, "errors", {})
            QMessageBox.warning(self, self.windowTitle(), "\n".join(errors.values()) or exc.message)
            return
        self.accept()
