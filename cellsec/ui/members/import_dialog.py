"""Import members from a CSV or Excel file: choose the file, see every row with what will happen to it
(add, update, skip and why), then import the valid rows in one step (one Undo) after confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QFileDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ..common.widgets import ERROR_COLOR, WARNING_COLOR
from ..common.workers import error_text, run_in_background

REJECTED_BACKGROUND = "#fde7e7"


class ImportDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None, path: Path | str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.preview = None
        self.import_result = None
        self.last_task = None  # the latest background preview/import (tests wait on its `finished`)
        self.setWindowTitle(self.tr("Import members from a file"))
        self.resize(1000, 620)

        intro, top = self._build_top()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.columns_label = QLabel()
        self.columns_label.setObjectName("columns")
        self.columns_label.setWordWrap(True)
        self._build_table()
        bottom = self._build_bottom()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        if path is not None:
            self.load(Path(path))

    def _build_top(self) -> tuple[QLabel, QHBoxLayout]:
        intro = QLabel(self.tr("Choose a CSV or Excel (.xlsx) file with a header row such as \"Họ và tên\", "
                               "\"Ngày sinh\", \"Ngày vào Đảng\", \"Số thẻ đảng viên\", \"Số CCCD\". Nothing is "
                               "written until you confirm. A member already in the list (same CCCD or card "
                               "number) is updated, never added twice."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("file")
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        return intro, top

    def _build_table(self) -> None:
        """The preview: one row per row of the file, with what the import will do with it."""
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("rows")
        self.table.setHorizontalHeaderLabels([
            self.tr("Row"), self.tr("Action"), self.tr("Full name"), self.tr("Date of birth"),
            self.tr("Admitted"), self.tr("Citizen ID"), self.tr("Why skipped / notes"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((50, 90, 190, 95, 95, 120)):
            self.table.setColumnWidth(column, width)

    def _build_bottom(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        self.import_button.setText(self.tr("Import valid rows"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        return bottom

    # ---- preview ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = self.services.ctx.get_setting("import_folder", str(Path.home())) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), folder,
                                              self.tr("Member lists (*.csv *.xlsx);;All files (*)"))
        if name:
            self.services.ctx.set_setting("import_folder", str(Path(name).parent))
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.preview = None
        self.import_button.setEnabled(False)
        self.file_label.setText(str(path))
        self.message.hide()
        self.last_task = run_in_background(self, lambda: self.services.importer.preview(path),
                                           on_done=self._show_preview, on_error=self._preview_failed,
                                           busy_text=self.tr("Reading {name}…").format(name=path.name))

    def _preview_failed(self, exc: Exception) -> None:
        # A broken file: say why in the user's language; nothing was written.
        self.table.setRowCount(0)
        self.columns_label.clear()
        self.summary.clear()
        self._message(error_text(exc), ERROR_COLOR)

    def _message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.setVisible(bool(text))

    def _action_text(self, row) -> str:
        if row.action == "add":
            return self.tr("Add")
        if row.action == "update":
            return self.tr("Update") if row.changed else self.tr("Unchanged")
        return self.tr("Skip")

    def _show_preview(self, preview) -> None:
        self.preview = preview
        recognised = ", ".join(preview.columns)
        text = self.tr("Header on row {row}. Columns read: {columns}.").format(row=preview.header_row,
                                                                              columns=recognised)
        if preview.ignored_columns:
            text += " " + self.tr("Columns not used: {columns}.").format(columns=", ".join(preview.ignored_columns))
        self.columns_label.setText(text)

        self.table.setRowCount(len(preview.rows))
        rejected_brush = QBrush(QColor(REJECTED_BACKGROUND))
        for r, row in enumerate(preview.rows):
            notes = row.reason if row.action == "reject" else "; ".join(row.warnings)
            cells = [str(row.row), self._action_text(row), row.name, format_date(row.date_of_birth),
                     format_date(row.admitted_on), row.cccd, notes]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.action == "reject":
                    item.setBackground(rejected_brush)
                    if c in (1, 6):
                        item.setForeground(QBrush(QColor(ERROR_COLOR)))
                elif c == 6 and notes:
                    item.setForeground(QBrush(QColor(WARNING_COLOR)))
                if c == 6 and notes:
                    item.setToolTip(notes)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

        valid = len(preview.to_add) + len(preview.to_update)
        self.summary.setText(self.tr("{rows} rows: {added} to add, {updated} to update, {rejected} skipped "
                                     "because of errors (highlighted).").format(
            rows=len(preview.rows), added=len(preview.to_add), updated=len(preview.to_update),
            rejected=len(preview.rejected)))
        self.import_button.setText(self.tr("Import {count} valid rows").format(count=valid))
        self.import_button.setEnabled(valid > 0)
        if not preview.rows:
            self._message(self.tr("The file has a header but no rows of members."), WARNING_COLOR)

    # ---- import -------------------------------------------------------------------------------------
    def commit(self) -> None:
        preview = self.preview
        if preview is None:
            return
        valid = len(preview.to_add) + len(preview.to_update)
        question = self.tr("Import {count} rows into the member list ({added} new, {updated} updated)?").format(
            count=valid, added=len(preview.to_add), updated=len(preview.to_update))
        if preview.rejected:
            question += "\n" + self.tr("{rejected} rows with errors will be skipped.").format(
                rejected=len(preview.rejected))
        question += "\n\n" + self.tr("You can undo the whole import with Edit → Undo (Ctrl+Z).")
        answer = QMessageBox.question(self, self.windowTitle(), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.import_button.setEnabled(False)
        self.last_task = run_in_background(self, lambda: self.services.importer.commit(preview),
                                           on_done=self._imported, on_error=self._import_failed,
                                           busy_text=self.tr("Importing…"))

    def _import_failed(self, exc: Exception) -> None:
        self._message(error_text(exc), ERROR_COLOR)
        self.import_button.setEnabled(True)

    def _imported(self, result) -> None:
        self.import_result = result
        text = self.tr("Added {added} members, updated {updated}.").format(
            added=result.imported, updated=result.updated - result.unchanged)
        if result.unchanged:
            text += " " + self.tr("{count} rows were already up to date.").format(count=result.unchanged)
        QMessageBox.information(self, self.windowTitle(), text)
        self.accept()
