"""Import members from a CSV or Excel file: choose the file, see every row with what will happen to it
(add, update, skip and why), then import the valid rows in one step (one Undo) after confirmation.

Reading and importing run off the UI thread with the rows read so far shown; both can be stopped (a
stopped import writes nothing). The user can say which column is which, get a sample file, and save the
rejected rows (with why) to fix and import again.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..common.widgets import ERROR_COLOR, WARNING_COLOR
from ..common.workers import error_text, run_in_background
from .import_parts import REJECTED_BACKGROUND, ColumnMapping, PreviewModel, ProgressRelay  # noqa: F401  (tests)

SHEET_FILTER = "(*.xlsx);;CSV (*.csv)"


class ImportDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None, path: Path | str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.preview = None
        self.import_result = None
        self.path: Path | None = None
        self.last_task = None  # the latest background preview/import (tests wait on its `finished`)
        self._cancel = threading.Event()
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._show_progress)
        self.setWindowTitle(self.tr("Import members from a file"))
        self.resize(1100, 640)

        layout = QVBoxLayout(self)
        intro, top = self._build_top()
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(self._build_progress())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addLayout(self._build_columns())
        self.mapping = ColumnMapping()
        self.mapping.hide()
        layout.addWidget(self.mapping)
        self._build_table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_bottom())

        if path is not None:
            self.load(Path(path))

    def _build_top(self) -> tuple[QLabel, QHBoxLayout]:
        intro = QLabel(self.tr("Choose a CSV or Excel (.xlsx) file with a header row such as \"Họ và tên\", "
                               "\"Ngày sinh\", \"Ngày vào Đảng\", \"Số thẻ đảng viên\", \"Số CCCD\". Nothing is "
                               "written until you confirm. A member already in the list (same CCCD, card number, "
                               "or name and date of birth) is updated, never added twice."))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("file")
        self.sample_button = QPushButton(self.tr("Save a sample file…"))
        self.sample_button.setToolTip(self.tr("A list with the column names the import recognises and two "
                                              "example rows, to fill in with Excel."))
        self.sample_button.clicked.connect(self.save_sample)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sample_button)
        return intro, top

    def _build_progress(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)  # rows read so far are counted; the total is not known in advance
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress-label")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stop")
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        for w in (self.progress, self.progress_label, self.stop_button):
            w.hide()
        return row

    def _build_columns(self) -> QHBoxLayout:
        self.columns_label = QLabel()
        self.columns_label.setObjectName("columns")
        self.columns_label.setWordWrap(True)
        self.map_button = QPushButton(self.tr("Choose columns…"))
        self.map_button.setToolTip(self.tr("Say which column of the file holds which information."))
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self._toggle_mapping)
        self.apply_button = QPushButton(self.tr("Read again with these columns"))
        self.apply_button.setObjectName("apply-mapping")
        self.apply_button.hide()
        self.apply_button.clicked.connect(self.apply_mapping)
        row = QHBoxLayout()
        row.addWidget(self.columns_label, 1)
        row.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_table(self) -> None:
        """The preview: one row per row of the file, with what the import will do with it."""
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("rows")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((55, 90, 200, 95, 95, 120)):
            # Never narrower than its heading ("Ngày vào Đảng" was cut at both ends).
            self.table.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width()))

    def _build_bottom(self) -> QHBoxLayout:
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.rejected_button = QPushButton(self.tr("Save rejected rows…"))
        self.rejected_button.setObjectName("save-rejected")
        self.rejected_button.setToolTip(self.tr("The skipped rows as they are in the file, with why, to fix and "
                                                "import again."))
        self.rejected_button.setEnabled(False)
        self.rejected_button.clicked.connect(self.save_rejected)
        self.import_button = QPushButton(self.tr("Import valid rows"))
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.rejected_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        return bottom

    # ---- background work ----------------------------------------------------------------------------
    def _start(self, fn, on_done, on_error, text: str) -> None:
        self._cancel.clear()
        self._busy(True, text)
        emit = self._relay.progressed.emit

        def work():
            return fn(progress=emit, cancel=self._cancel.is_set)

        self.last_task = run_in_background(self, work, on_done=self._done(on_done), on_error=self._done(on_error))

    def _done(self, handler):
        def finish(value) -> None:
            self._busy(False, "")
            handler(value)
        return finish

    def _busy(self, busy: bool, text: str) -> None:
        self.busy_text = text
        for w in (self.progress, self.progress_label, self.stop_button):
            w.setVisible(busy)
        self.progress_label.setText(text)
        self.stop_button.setEnabled(busy)
        for w in (self.choose_button, self.sample_button, self.apply_button, self.map_button):
            w.setEnabled(not busy and (w is not self.map_button or self._has_columns()))
        if busy:
            self.import_button.setEnabled(False)
            self.rejected_button.setEnabled(False)

    def _has_columns(self) -> bool:
        return bool(self.mapping.combos)

    def _show_progress(self, rows: int) -> None:
        if self.stop_button.isVisible():
            self.progress_label.setText(self.tr("{text} {rows} rows read").format(
                text=self.busy_text, rows=f"{rows:,}".replace(",", ".")))

    def stop(self) -> None:
        self._cancel.set()
        self.stop_button.setEnabled(False)

    def reject(self) -> None:
        self._cancel.set()  # closing while reading or importing stops it (an import then writes nothing)
        super().reject()

    # ---- preview ------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = self.services.ctx.get_setting("import_folder", str(Path.home())) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), folder,
                                              self.tr("Member lists (*.csv *.xlsx);;All files (*)"))
        if name:
            self.services.ctx.set_setting("import_folder", str(Path(name).parent))
            self.load(Path(name))

    def load(self, path: Path, mapping=None) -> None:
        self.path = path
        self.preview = None
        self.model.set_rows([])
        self.summary.clear()
        self.file_label.setText(str(path))
        self.message.hide()
        if mapping is None:
            self.mapping.hide()
            self.apply_button.hide()
        self._start(lambda **kw: self.services.importer.preview(path, mapping=mapping, **kw),
                    self._show_preview, self._preview_failed, self.tr("Reading {name}…").format(name=path.name))

    def _preview_failed(self, exc: Exception) -> None:
        # A broken file: say why in the user's language; nothing was written.
        self.columns_label.clear()
        self._message(error_text(exc), ERROR_COLOR)
        candidates = getattr(exc, "candidates", None)
        if candidates:  # no header recognised: let the user say which column is which
            # The widest of the first rows is the likeliest header (titles above it fill one cell).
            number, texts = max(candidates, key=lambda c: sum(1 for t in c[1] if t))
            self.mapping.show_columns(number, texts, {}, self._fields())
            self._toggle_mapping(True)
        self.map_button.setEnabled(self._has_columns())

    def _fields(self) -> tuple[str, ...]:
        from ...services.members.import_header import MAPPABLE

        return MAPPABLE

    def _message(self, text: str, color: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {color};")
        self.message.setVisible(bool(text))

    def _show_preview(self, preview) -> None:
        self.preview = preview
        text = self.tr("Header on row {row}. Columns read: {columns}.").format(
            row=preview.header_row, columns=", ".join(preview.columns))
        if preview.ignored_columns:
            text += " " + self.tr("Columns not used: {columns}.").format(columns=", ".join(preview.ignored_columns))
        if preview.encoding and preview.encoding != "UTF-8":
            text += " " + self.tr("The file is in the old {encoding} encoding and was converted: check that the "
                                  "names below read correctly.").format(encoding=preview.encoding)
        self.columns_label.setText(text)
        if preview.header is not None:
            self.mapping.show_columns(preview.header.row, preview.header.texts, preview.header.columns, self._fields())
        self.map_button.setEnabled(True)
        self.model.set_rows(preview.rows)

        added, updated, rejected = len(preview.to_add), len(preview.to_update), len(preview.rejected)
        self.summary.setText(self.tr("{rows} rows: {added} to add, {updated} to update, {rejected} skipped "
                                     "because of errors (highlighted).").format(
            rows=len(preview.rows), added=added, updated=updated, rejected=rejected))
        self.import_button.setText(self.tr("Import {count} valid rows").format(count=added + updated))
        self.import_button.setEnabled(added + updated > 0)
        self.rejected_button.setEnabled(rejected > 0)
        if not preview.rows:
            self._message(self.tr("The file has a header but no rows of members."), WARNING_COLOR)

    # ---- columns chosen by the user -----------------------------------------------------------------
    def _toggle_mapping(self, show: bool = False) -> None:
        visible = True if show is True else not self.mapping.isVisible()  # (a click passes False: toggle)
        self.mapping.setVisible(visible)
        self.apply_button.setVisible(visible)

    def apply_mapping(self) -> None:
        from ...services.members.import_header import Mapping

        if self.path is not None:
            self.load(self.path, Mapping(self.mapping.header_row, self.mapping.chosen()))

    # ---- files that help ----------------------------------------------------------------------------
    def _save_name(self, title: str, name: str) -> Path | None:
        folder = self.services.ctx.get_setting("import_folder", str(Path.home())) or str(Path.home())
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), "Excel " + SHEET_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix(".xlsx")

    def save_sample(self) -> None:
        from ...reports.members_import import write_sample

        path = self._save_name(self.tr("Save the sample member list"), "mau-danh-sach-dang-vien.xlsx")
        if path is not None:
            run_in_background(self, lambda: write_sample(path), on_done=self._saved)

    def save_rejected(self) -> None:
        from ...reports.members_import import write_rows

        preview = self.preview
        if preview is None or not preview.rejected:
            return
        path = self._save_name(self.tr("Save the rejected rows"), f"{preview.path.stem}-dong-loi.xlsx")
        if path is not None:
            self.last_task = run_in_background(
                self, lambda: write_rows(path, self.services.importer.rejected_rows(preview)), on_done=self._saved,
                busy_text=self.tr("Saving the rejected rows…"))

    def _saved(self, path: Path) -> None:
        self._message(self.tr("Saved {path}.").format(path=path), WARNING_COLOR)

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
        self._start(lambda **kw: self.services.importer.commit(preview, **kw), self._imported, self._import_failed,
                    self.tr("Importing…"))

    def _import_failed(self, exc: Exception) -> None:
        self._message(error_text(exc), ERROR_COLOR)
        self.import_button.setEnabled(self.preview is not None)
        self.rejected_button.setEnabled(bool(self.preview and self.preview.rejected))

    def _imported(self, result) -> None:
        self.import_result = result
        text = self.tr("Added {added} members, updated {updated}.").format(
            added=result.imported, updated=result.updated - result.unchanged)
        if result.unchanged:
            text += " " + self.tr("{count} rows were already up to date.").format(count=result.unchanged)
        QMessageBox.information(self, self.windowTitle(), text)
        self.accept()
