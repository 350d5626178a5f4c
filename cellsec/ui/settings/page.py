"""Cài đặt: the cell's details and the history of the committees' names, the page margins of printed
documents, backups, the language and the data folder, the wording of the cell's papers, the register of
document numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import date_line, format_date
from ...domain.documents import TYPE_MINUTES, document_number
from ...domain.progress import Cancelled
from ...services.settings.cell import ABBREVIATION_FORMAT, REQUIRED, CellInfo
from ...services.errors import ServiceError, ValidationFailed
from ..app.i18n import install_language
from ..app.setup_wizard import abbreviation_ok
from ..common.page import Page
from ..common.widgets import DateEdit, FieldMessage, vietnam_time_of_local, with_message
from ..common.workers import error_text, run_in_background
from .deputy import DeputyPicker
from .sealed import SealedBackups
from .numbers import NumbersTab
from .passphrase import SecurityTab
from .templates import TemplatesTab

CELL_ENTITIES = {"cells", "committee_names"}
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsPage(Page):
    WATCHES = frozenset(CELL_ENTITIES)

    def __init__(self, services, notifier, parent: QWidget | None = None) -> None:
        super().__init__(services, notifier, parent)
        self.last_task = None
        self.tabs = QTabWidget()
        self._build_cell_tab()
        self._build_layout_tab()
        self._build_backup_tab()
        self._build_general_tab()
        self.templates = TemplatesTab(services)
        self.tabs.addTab(self.templates, "")
        self.numbers = NumbersTab(services)
        self.tabs.addTab(self.numbers, "")
        self.security = SecurityTab()  # the data passphrase (issue 15)
        self.tabs.addTab(self.security, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # The page layout (its rule file and presets) is read when its tab is first shown, not at start-up.
        self.tabs.currentChanged.connect(self._tab_shown)
        self.retranslate()
        self.load_cell()
        self.load_backups()

    def page_title(self) -> str:
        return self.tr("Settings")

    # ---- building ------------------------------------------------------------------------------------
    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> FieldMessage:
        widget.setObjectName(key)
        box, message = with_message(widget)
        label = QLabel()
        form.addRow(label, box)
        self.form_labels[key] = label
        return message

    def _build_cell_tab(self) -> None:
        page = QWidget()
        self.form_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.cell_edits: dict[str, QLineEdit] = {}
        self.cell_messages: dict[str, FieldMessage] = {}
        for key, length in (("name", 200), ("abbreviation", 20), ("place_name", 100), ("secretary_name", 200),
                            ("deputy_name", 200), ("upper_committee", 200), ("top_committee", 200)):
            if key == "deputy_name":  # a member of the cell, chosen from the list
                self.deputy = DeputyPicker(self.services)
                self.cell_messages[key] = self._row(form, key, self.deputy)
                self.deputy.currentIndexChanged.connect(self.validate_cell)
                continue
            edit = QLineEdit()
            edit.setMaxLength(length)
            self.cell_edits[key] = edit
            self.cell_messages[key] = self._row(form, key, edit)
            edit.textChanged.connect(self.validate_cell)
            if key == "abbreviation":
                self.number_example = QLabel()
                self.number_example.setObjectName("number_example")
                form.addRow("", self.number_example)
            if key == "place_name":
                self.date_example = QLabel()
                self.date_example.setObjectName("date_example")
                self.date_example.setStyleSheet("font-style: italic;")
                form.addRow("", self.date_example)
        self.since = DateEdit()
        self.since_message = self._row(form, "since", self.since)
        self.since.date_changed.connect(self.validate_cell)
        self.since_hint = QLabel()
        self.since_hint.setWordWrap(True)
        self.since_hint.setStyleSheet("color: palette(placeholder-text);")
        self.since_hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow("", self.since_hint)

        self.save_cell_button = QPushButton()
        self.save_cell_button.setObjectName("save_cell")
        self.save_cell_button.clicked.connect(self.save_cell)
        self.cell_status = QLabel()
        self.cell_status.setObjectName("cell_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_cell_button)
        buttons.addWidget(self.cell_status, 1)

        self._build_history_box()

        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addStretch(1)
        columns = QHBoxLayout(page)
        columns.addLayout(left, 3)
        columns.addWidget(self.history_box, 2)
        self.tabs.addTab(page, "")

    def _build_history_box(self) -> None:
        """The names of the committees above, with the date each applies from."""
        self.history_box = QGroupBox()
        self.history = QTableWidget(0, 3)
        self.history.setObjectName("committee_history")
        self._read_only(self.history)
        self.history.setWordWrap(True)
        history_header = self.history.horizontalHeader()
        history_header.setStretchLastSection(False)
        history_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        history_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.history_box).addWidget(self.history)

    def _build_layout_tab(self) -> None:
        page = QWidget()
        self.layout_intro = QLabel()
        self.layout_intro.setWordWrap(True)
        form = QFormLayout()
        self.margin_labels: dict[str, QLabel] = {}
        self.margins: dict[str, QDoubleSpinBox] = {}
        self.margin_messages: dict[str, FieldMessage] = {}
        for key in ("top", "bottom", "left", "right"):
            spin = QDoubleSpinBox()
            spin.setObjectName(f"margin_{key}")
            spin.setRange(5, 50)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            spin.setMaximumWidth(110)
            spin.valueChanged.connect(lambda _value: self.layout_status.clear())
            self.margins[key] = spin
            self.margin_labels[key] = QLabel()
            box, self.margin_messages[key] = with_message(spin)
            form.addRow(self.margin_labels[key], box)
        self.mirrored = QCheckBox()
        self.mirrored.setObjectName("mirrored")
        form.addRow("", self.mirrored)
        self.presets_row = QHBoxLayout()
        self.preset_label = QLabel()
        self.presets_row.addWidget(self.preset_label)
        self.preset_buttons: list[QPushButton] = []
        self.save_layout_button = QPushButton()
        self.save_layout_button.setObjectName("save_layout")
        self.save_layout_button.clicked.connect(self.save_layout)
        self.layout_status = QLabel()
        self.layout_status.setObjectName("layout_status")
        self.layout_loaded = False
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_layout_button)
        save_row.addWidget(self.layout_status, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.layout_intro)
        layout.addLayout(form)
        layout.addLayout(self.presets_row)
        layout.addLayout(save_row)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    def _build_backup_tab(self) -> None:
        page = QWidget()
        self.backup_intro = QLabel()
        self.backup_intro.setWordWrap(True)
        self.backups = QTableWidget(0, 3)
        self.backups.setObjectName("backups")
        self._read_only(self.backups)
        self.backups.itemSelectionChanged.connect(self._backup_selection)
        self.backup_now_button = QPushButton()
        self.backup_now_button.setObjectName("backup_now")
        self.backup_now_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore)
        self.open_backups_button = QPushButton()
        self.open_backups_button.clicked.connect(lambda: self._open_folder(self.services.backups.folder))
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_backups_button)
        self.backup_folder = QLabel()
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder.setWordWrap(True)
        self.sealed = SealedBackups(self.services, self.load_backups)
        layout = QVBoxLayout(page)
        layout.addWidget(self.backup_intro)
        layout.addLayout(buttons)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.backup_folder)
        layout.addWidget(self.sealed)
        self.tabs.addTab(page, "")

    def _build_general_tab(self) -> None:
        page = QWidget()
        self.language_box = QGroupBox()
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setMaximumWidth(300)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = self.services.ctx.get_setting("language", "vi") or "vi"
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language.currentIndexChanged.connect(self.change_language)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        language_layout = QVBoxLayout(self.language_box)
        language_layout.addWidget(self.language)
        language_layout.addWidget(self.language_note)

        self.data_box = QGroupBox()
        self.data_folder = QLabel(str(self.services.data_dir))
        self.data_folder.setObjectName("data_folder")
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_folder.setWordWrap(True)
        self.open_data_button = QPushButton()
        self.open_data_button.clicked.connect(lambda: self._open_folder(self.services.data_dir))
        self.data_note = QLabel()
        self.data_note.setWordWrap(True)
        data_layout = QVBoxLayout(self.data_box)
        data_layout.addWidget(self.data_folder)
        data_layout.addWidget(self.data_note)
        row = QHBoxLayout()
        row.addWidget(self.open_data_button)
        row.addStretch(1)
        data_layout.addLayout(row)

        layout = QVBoxLayout(page)
        layout.addWidget(self.language_box)
        layout.addWidget(self.data_box)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    @staticmethod
    def _read_only(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)

    # ---- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("The cell"))
        self.tabs.setTabText(1, self.tr("Printed documents"))
        self.tabs.setTabText(2, self.tr("Backups"))
        self.tabs.setTabText(3, self.tr("Language and data"))
        self.tabs.setTabText(4, self.tr("Document wording"))
        self.templates.retranslate()
        self.tabs.setTabText(5, self.tr("Document numbers"))
        self.numbers.retranslate()
        self.tabs.setTabText(self.tabs.indexOf(self.security), self.security.title())
        self.security.retranslate()
        labels = {
            "name": self.tr("Name of the cell:"), "abbreviation": self.tr("Abbreviation in document numbers:"),
            "place_name": self.tr("Place name on documents:"), "secretary_name": self.tr("Secretary:"),
            "deputy_name": self.tr("Deputy secretary:"), "upper_committee": self.tr("Committee directly above:"),
            "top_committee": self.tr("Committee above that:"), "since": self.tr("New committee name used from:"),
        }
        for key, label in self.form_labels.items():
            label.setText(labels[key])
        self.since_hint.setText(self.tr("Documents dated before this day keep printing the old name. Use the "
                                        "date of the decision that renamed or reorganised the committee."))
        self.save_cell_button.setText(self.tr("Save the cell's details"))
        self.history_box.setTitle(self.tr("Names of the committees above, over time"))
        self.history.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Name"), self.tr("Used from")])

        self.layout_intro.setText(self.tr("Page margins of every printed document (PDF and Word), in millimetres. "
                                          "Ask your committee which margins it expects."))
        for key, text in (("top", self.tr("Top:")), ("bottom", self.tr("Bottom:")), ("left", self.tr("Left:")),
                          ("right", self.tr("Right:"))):
            self.margin_labels[key].setText(text)
        self.mirrored.setText(self.tr("Printing on both sides: swap left and right margins on even pages"))
        self.preset_label.setText(self.tr("Common margins (top/bottom/left/right):"))
        self.save_layout_button.setText(self.tr("Save margins"))

        self.backup_intro.setText(self.tr("CellSec backs up your data by itself after changes (at most every 30 "
                                          "minutes) and keeps older copies by day, week and month. You can also "
                                          "back up now, or go back to an earlier copy. The data and these copies "
                                          "are encrypted with a key kept on this computer, so they can be restored "
                                          "only here: if the computer is reinstalled or replaced, only a backup "
                                          "with a password (below) brings the data back. Make one regularly and "
                                          "keep the password."))
        self.backup_now_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.open_backups_button.setText(self.tr("Open the backup folder"))
        self.sealed.retranslate()
        self.backups.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Size"), self.tr("File")])
        self.backup_folder.setText(self.tr("Backup folder: {folder}").format(folder=self.services.backups.folder)
                                   + "\n" + self.services.backups.key_place())

        self.language_box.setTitle(self.tr("Language"))
        self.language_note.setText(self.tr("The language of the program's windows and messages. Printed "
                                           "documents are always in Vietnamese."))
        self.data_box.setTitle(self.tr("Data folder"))
        self.data_note.setText(self.tr("All of the cell's data is in this folder, encrypted with a key kept on this "
                                       "computer. To move the data to another computer, make a backup with a "
                                       "password (Backups tab) and restore it there."))
        self.open_data_button.setText(self.tr("Open the data folder"))
        self._examples()
        self.load_cell_history()
        self.load_backups()

    def apply_change(self, change) -> None:
        """The cell or its committees changed elsewhere (or anything, after a restore or while hidden)."""
        self.load_cell()
        if change is None or "*" in change.entities:
            self.load_backups()
            if self.layout_loaded:
                self.load_layout()

    def refresh(self) -> None:
        self.apply_change(None)

    # ---- the cell ------------------------------------------------------------------------------------
    def load_cell(self) -> None:
        self.cell = self.services.cell.get()
        for key, edit in self.cell_edits.items():
            edit.blockSignals(True)
            edit.setText(getattr(self.cell, key))
            edit.blockSignals(False)
        self.deputy.load(self.cell)
        self.since.set_value(dt.date.today())
        self.cell_status.clear()
        self.load_cell_history()
        self.validate_cell()

    def load_cell_history(self) -> None:
        records = self.services.cell.committee_history()
        self.history.setRowCount(len(records))
        levels = {1: self.tr("Directly above"), 2: self.tr("Above that")}
        earliest: dict[int, dt.date] = {}
        for record in records:
            earliest[record.level] = min(earliest.get(record.level, record.valid_from), record.valid_from)
        for row, record in enumerate(records):
            # The first name of a level applies to every older document too.
            since = (self.tr("from the start") if record.valid_from == earliest[record.level]
                     else format_date(record.valid_from))
            for column, text in enumerate((levels.get(record.level, str(record.level)), record.name, since)):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(text)
                self.history.setItem(row, column, item)

    def _committees_changed(self) -> bool:
        return (self.cell_edits["upper_committee"].text().strip() != self.cell.upper_committee
                or self.cell_edits["top_committee"].text().strip() != self.cell.top_committee)

    def _examples(self) -> None:
        abbreviation = self.cell_edits["abbreviation"].text().strip() or "CB"
        place = self.cell_edits["place_name"].text().strip()
        self.number_example.setText(self.tr("Example: {number}").format(
            number=document_number(1, TYPE_MINUTES, abbreviation)))
        self.date_example.setText(date_line(place, dt.date.today()))

    def _cell_errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        for key in ("name", "abbreviation", "place_name", "upper_committee"):
            if not self.cell_edits[key].text().strip():
                errors[key] = REQUIRED.format()
        abbreviation = self.cell_edits["abbreviation"].text().strip()
        if abbreviation and not abbreviation_ok(abbreviation):
            errors["abbreviation"] = ABBREVIATION_FORMAT.format()
        if self._committees_changed():
            if self.since.error():
                errors["since"] = self.since.error()
            elif self.since.value() is None:
                errors["since"] = REQUIRED.format()
        return errors

    def validate_cell(self) -> None:
        self._examples()
        errors = self._cell_errors()
        for key, message in self.cell_messages.items():
            message.show_result(key, errors, {})
        if not self.since.is_being_typed():
            self.since_message.show_result("since", errors, {})
        changed = self._committees_changed()
        self.form_labels["since"].setEnabled(changed)
        self.since.setEnabled(changed)
        self.save_cell_button.setEnabled(not errors)
        if self.cell_status.text() and self._dirty():
            self.cell_status.clear()

    def _dirty(self) -> bool:
        return (any(edit.text().strip() != getattr(self.cell, key) for key, edit in self.cell_edits.items())
                or self.deputy.changed_from(self.cell))

    def save_cell(self) -> None:
        if self._cell_errors():
            return
        info = CellInfo(**{key: edit.text() for key, edit in self.cell_edits.items()}, **self.deputy.values())
        since = self.since.value() if self._committees_changed() else None
        try:
            with self.notifier.action(self):
                self.services.cell.update(info, committees_since=since)
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                if key in self.cell_messages:
                    self.cell_messages[key].set_error(text)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Settings"), exc.message)
            return
        self.load_cell()
        self.cell_status.setText(self.tr("Saved."))

    # ---- page margins --------------------------------------------------------------------------------
    def _tab_shown(self, index: int) -> None:
        if index == 1 and not self.layout_loaded:
            self.load_layout()
        if self.tabs.widget(index) is self.templates:
            self.templates.load()  # read again on every visit: another laptop may have changed it
        if self.tabs.widget(index) is self.numbers:
            self.numbers.load()

    def load_layout(self) -> None:
        if not self.layout_loaded:
            # Margin presets are data (the layout rule file), one button each.
            for name, (label, preset) in self.services.layout.presets().items():
                values = (preset.margin_top_mm, preset.margin_bottom_mm, preset.margin_left_mm, preset.margin_right_mm)
                button = QPushButton("/".join(f"{v:g}" for v in values))
                button.setObjectName(f"preset_{name}")
                button.setToolTip(label)
                button.clicked.connect(lambda _checked=False, v=values: self._apply_preset(v))
                self.presets_row.addWidget(button)
                self.preset_buttons.append(button)
            self.presets_row.addStretch(1)
            self.layout_loaded = True
        settings = self.services.layout.get()
        self.margins["top"].setValue(settings.margin_top_mm)
        self.margins["bottom"].setValue(settings.margin_bottom_mm)
        self.margins["left"].setValue(settings.margin_left_mm)
        self.margins["right"].setValue(settings.margin_right_mm)
        self.mirrored.setChecked(settings.mirrored)
        self.layout_status.clear()

    def _apply_preset(self, values: tuple[float, float, float, float]) -> None:
        for key, value in zip(("top", "bottom", "left", "right"), values):
            self.margins[key].setValue(value)
        self.layout_status.clear()

    def save_layout(self) -> None:
        from dataclasses import replace

        current = self.services.layout.get()
        changed = replace(current, margin_top_mm=self.margins["top"].value(),
                          margin_bottom_mm=self.margins["bottom"].value(),
                          margin_left_mm=self.margins["left"].value(),
                          margin_right_mm=self.margins["right"].value(), mirrored=self.mirrored.isChecked())
        for message in self.margin_messages.values():
            message.clear_message()
        try:
            with self.notifier.action(self):
                self.services.layout.set(changed)
        except ValidationFailed as exc:
            # The page number sits inside the top margin, so its error belongs to the top margin too.
            where = {"margin_top_mm": "top", "margin_bottom_mm": "bottom", "margin_left_mm": "left",
                     "margin_right_mm": "right", "page_number_top_mm": "top"}
            for field_name, text in exc.errors.items():
                self.margin_messages[where.get(field_name, "top")].set_error(text)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Settings"), exc.message)
            return
        self.load_layout()
        self.layout_status.setText(self.tr("Saved. New documents use these margins."))

    # ---- backups -------------------------------------------------------------------------------------
    def load_backups(self) -> None:
        files = self.services.backups.list()
        self.backup_files = files
        self.backups.setRowCount(len(files))
        for row, backup in enumerate(files):
            try:
                size = backup.path.stat().st_size
            except OSError:
                size = 0
            cells = (vietnam_time_of_local(backup.taken_at), self.tr("{size} KB").format(size=max(1, size // 1024)),
                     backup.path.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.backups.setItem(row, column, item)
        self.backups.setColumnWidth(0, 150)
        self.backups.setColumnWidth(1, 90)
        self._backup_selection()

    def showEvent(self, event) -> None:
        self.load_backups()  # automatic backups happen while other pages are shown
        super().showEvent(event)

    def _backup_selection(self) -> None:
        self.restore_button.setEnabled(bool(self.backups.selectionModel().selectedRows()))

    def backup_now(self) -> None:
        self.backup_now_button.setEnabled(False)

        def done(path) -> None:
            self.backup_now_button.setEnabled(True)
            self.load_backups()
            self.backup_folder.setText(self.tr("Backed up to {path}").format(path=path))

        def failed(exc) -> None:  # stopped ("Dừng"): nothing was left behind, said beside the button
            self.backup_now_button.setEnabled(True)
            if isinstance(exc, Cancelled):
                self.backup_folder.setText(exc.message)
            else:
                QMessageBox.warning(self, self.tr("Backups"), error_text(exc))

        self.last_task = run_in_background(
            self, lambda progress, cancel: self.services.backups.backup_now(progress=progress, cancel=cancel),
            on_done=done, on_error=failed, busy_text=self.tr("Backing up…"), stoppable=True)

    def restore(self) -> None:
        rows = self.backups.selectionModel().selectedRows()
        if not rows:
            return
        backup = self.backup_files[rows[0].row()]
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Go back to the data as it was at {time}?\n\nThe current data is backed up first and is not "
                    "deleted, so this can itself be undone by restoring that backup.").format(
                time=vietnam_time_of_local(backup.taken_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(safety) -> None:  # the restore announced "everything changed" to every page
            self.load_backups()
            QMessageBox.information(self, self.tr("Restore a backup"), self.tr(
                "The data is back as it was at {time}. The data from before the restore was saved as {name}.")
                .format(time=vietnam_time_of_local(backup.taken_at), name=Path(safety).name))

        # Off the UI thread with its steps shown; not stoppable (BackupService.restore says why).
        self.last_task = run_in_background(
            self, lambda progress, cancel: self.services.backups.restore(backup.path, progress), on_done=done,
            on_error=lambda exc: QMessageBox.warning(self, self.tr("Restore a backup"), error_text(exc)),
            busy_text=self.tr("Restoring the backup…"), steps=True)

    # ---- language and folders --------------------------------------------------------------------------
    def change_language(self) -> None:
        code = self.language.currentData()
        self.services.ctx.set_setting("language", code)
        install_language(QApplication.instance(), code)

    def _open_folder(self, folder: Path) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
