"""Rows of a rule set's top-level conditions or disqualifying cases, each with whom it applies to (the
members, the cell, or both), as the rule set editor shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import SCOPE_COLLECTIVE, SCOPE_INDIVIDUAL
from ..common.widgets import set_combo_data, top_aligned

ORIGINAL = Qt.ItemDataRole.UserRole
BOTH = "both"


class CaseTable(QWidget):
    """Rows of (who it applies to, text) for the top level's conditions or the disqualifying cases. Each
    row keeps the JSON entry it came from, so fields not shown here (sources, form types) survive."""

    def __init__(self, name: str, scopes: list[tuple[str, str]], prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scopes = scopes
        self.prefix = prefix
        self.on_change = lambda: None
        self.table = QTableWidget(0, 2)
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([self.tr("Applies to"), self.tr("Text")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(0, 130)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(170)
        self.table.itemChanged.connect(lambda _item: self.on_change())
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"{name}_add")
        self.add_button.clicked.connect(lambda: self.add({"key": self._new_key(), "scope": scopes[0][0], "text": ""},
                                                         edit=True))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{name}_remove")
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _new_key(self) -> str:
        keys = {self._entry(r)["key"] for r in range(self.table.rowCount())}
        n = 1
        while f"{self.prefix}_{n}" in keys:
            n += 1
        return f"{self.prefix}_{n}"

    def _entry(self, row: int) -> dict:
        return self.table.item(row, 1).data(ORIGINAL)

    @staticmethod
    def scope_of(entry: dict) -> str:
        scope = entry.get("scope", SCOPE_INDIVIDUAL)
        if isinstance(scope, list):
            return BOTH if len(scope) > 1 else (scope[0] if scope else BOTH)
        return scope

    def load(self, entries: list[dict]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for entry in entries:
            self.add(entry)

    def add(self, entry: dict, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        combo = QComboBox()
        for key, text in self.scopes:
            combo.addItem(text, key)
        set_combo_data(combo, self.scope_of(entry))
        combo.currentIndexChanged.connect(lambda _i: self.on_change())
        self.table.setCellWidget(row, 0, top_aligned(combo))
        item = QTableWidgetItem(entry.get("text", ""))
        item.setData(ORIGINAL, dict(entry))
        self.table.setItem(row, 1, item)
        self.table.blockSignals(False)
        if edit:
            self.table.setCurrentCell(row, 1)
            self.table.editItem(item)
        self.on_change()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.on_change()

    def entries(self, scope_as_list: bool) -> list[dict]:
        out = []
        for row in range(self.table.rowCount()):
            entry = dict(self._entry(row))
            entry["text"] = self.table.item(row, 1).text()
            scope = self.table.cellWidget(row, 0).inner.currentData()
            if scope_as_list:
                entry["scope"] = [SCOPE_INDIVIDUAL, SCOPE_COLLECTIVE] if scope == BOTH else [scope]
            else:
                entry["scope"] = scope
            out.append(entry)
        return out

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                                   QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        for row in range(self.table.rowCount()):
            self.table.cellWidget(row, 0).inner.setEnabled(not read_only)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
