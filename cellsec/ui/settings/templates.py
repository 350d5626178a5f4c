"""Cài đặt → Mẫu văn bản: the wording of the cell's papers (invitation, dues book, monthly report, attention
list, resolutions on a member, transfer paper, commitment form), one row per text: the shipped text beside
the one in use. A secretary corrects a title or a caption here; the documents print it from then on and
every laptop of the cell receives it. Texts in {braces} are filled in by CellSec, and an edit may only use
the ones its shipped text has (the service refuses others, and the row says why)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ServiceError, ValidationFailed

PATH_ROLE = Qt.ItemDataRole.UserRole


class TemplatesTab(QWidget):
    """The editor of one document template at a time (chosen in `choice`); loaded when first shown."""

    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.loaded = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setObjectName("template_choice")
        self.choice.currentIndexChanged.connect(self._chosen)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("template_texts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self.status.clear())
        self.table.currentCellChanged.connect(self._show_fields)
        self.fields = QLabel()
        self.fields.setObjectName("template_fields")
        self.fields.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("template_status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_template")
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset_template")
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.choice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fields)
        layout.addLayout(buttons)
        self.texts: list = []
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The wording of the cell's papers. Double-click a text to correct it; the "
                                   "documents print it from then on, on every laptop of the cell. Texts in "
                                   "curly braces are filled in by CellSec: keep them. These forms have not been "
                                   "checked against an official model, so correct them to your committee's."))
        self.table.setHorizontalHeaderLabels([self.tr("Part"), self.tr("Shipped text"), self.tr("Text used")])
        self.save_button.setText(self.tr("Save the wording"))
        self.reset_button.setText(self.tr("Back to the shipped wording"))

    def load(self) -> None:
        """Fill the list of templates (once) and show the chosen one, unless it has unsaved corrections."""
        if self.loaded and self.dirty():
            return
        if not self.loaded:
            self.loaded = True
            self.choice.blockSignals(True)
            for name, title in self.services.templates.names():
                self.choice.addItem(title, name)
            self.choice.blockSignals(False)
        self._chosen()

    @property
    def name(self) -> str:
        return self.choice.currentData()

    def _chosen(self, _index: int = 0) -> None:
        parts = self.services.templates.part_titles(self.name)
        self.texts = self.services.templates.texts(self.name)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.texts))
        for row, text in enumerate(self.texts):
            part = QTableWidgetItem(parts.get(text.part, text.part))
            part.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            shipped = QTableWidgetItem(text.shipped)
            shipped.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            used = QTableWidgetItem(text.text)
            used.setData(PATH_ROLE, text.path)
            font = QFont(used.font())
            font.setBold(text.edited)  # the cell's corrections stand out
            used.setFont(font)
            for column, item in enumerate((part, shipped, used)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.status.clear()
        self.fields.clear()

    def _show_fields(self, row: int, *_rest) -> None:
        if 0 <= row < len(self.texts) and self.texts[row].fields:
            names = ", ".join("{" + f + "}" for f in self.texts[row].fields)
            self.fields.setText(self.tr("Filled in by CellSec here: {fields}").replace("{fields}", names))
        else:
            self.fields.clear()

    def dirty(self) -> bool:
        return any(self._rows_text().get(t.path) != t.text for t in self.texts)

    def _rows_text(self) -> dict[str, str]:
        return {self.table.item(row, 2).data(PATH_ROLE): self.table.item(row, 2).text()
                for row in range(self.table.rowCount())}

    def _commit_open_editor(self) -> None:
        """A text still being typed in its cell counts: moving the current cell away and back commits it."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            row, column = self.table.currentRow(), self.table.currentColumn()
            self.table.setCurrentCell(-1, -1)
            self.table.setCurrentCell(row, column)

    def save(self) -> None:
        self._commit_open_editor()
        try:
            self.services.templates.save(self.name, self._rows_text())
        except ValidationFailed as exc:
            rows = {self.table.item(r, 2).data(PATH_ROLE): r for r in range(self.table.rowCount())}
            first = min(rows[path] for path in exc.errors)
            self.table.setCurrentCell(first, 2)
            self.status.setText(self.tr("Not saved. Line {row}: {error}").replace("{row}", str(first + 1))
                                .replace("{error}", exc.errors[self.table.item(first, 2).data(PATH_ROLE)]))
            return
        except ServiceError as exc:
            self.status.setText(exc.message)
            return
        self._chosen()
        self.status.setText(self.tr("Saved."))

    def reset(self) -> None:
        answer = QMessageBox.question(self, self.tr("Shipped wording"),
                                      self.tr("Print this document with the shipped wording again? Your "
                                              "corrections to it will be removed."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.templates.reset(self.name)
        except ServiceError as exc:
            self.status.setText(exc.message)
            return
        self._chosen()
        self.status.setText(self.tr("The shipped wording is used again."))
