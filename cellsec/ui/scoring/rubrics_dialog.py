"""Bộ tiêu chí: the rubrics (criteria sheets) of each target — a meeting, the cell's year, a member's year.

`RubricsDialog` lists the versions with their document, effective date and flags (in use; shipped default
to adjust; not checked against the official text), previews the selected one, and sets it in use, copies it
into a new version to edit, deletes an unused copy, exports it to a JSON file and imports a file (a broken
file is refused with its reason and nothing is imported). `RubricEditDialog` edits one unused version:
general information and bands, then groups and criteria (text, maximum, hint, automatic source and its
rule), checked as the user types with the same check an imported file goes through.
"""

from __future__ import annotations

import copy
import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import rubrics as R
from ...domain.dates import format_date
from ...domain.meetings import KIND_LABELS
from ...services.errors import ServiceError
from ...services.scoring.rubrics import RubricInfo
from ..common.widgets import ERROR_COLOR, WARNING_COLOR, DateEdit, slug
from ..common.workers import error_text, run_in_background

OK_COLOR = "#2e7d32"
OBJECT_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("name", "version", "document", "effective", "types", "active", "origin", "used")
_NUMBER = re.compile(r"^-?\d{0,7}([.,]\d{0,2})?$")


def _pts(value: float) -> str:
    return R.format_points(value)


def _step_text(step: R.Step) -> str:
    return f"{R.STEP_OP_SYMBOLS.get(step.op, step.op)} {_pts(step.value)} → {_pts(step.points)}"


class NumberBox(QDoubleSpinBox):
    """A number shown the Vietnamese way (12,5; no trailing zeros), typed with a comma or a dot."""

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(minimum, maximum)
        self.setSingleStep(0.5)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def textFromValue(self, value: float) -> str:
        return R.format_points(round(value, 2))

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip().replace(",", ".") or 0)
        except ValueError:
            return 0.0

    def validate(self, text: str, pos: int):
        stripped = text.strip()
        if stripped in ("", "-"):
            return QValidator.State.Intermediate, text, pos
        if not _NUMBER.match(stripped):
            return QValidator.State.Invalid, text, pos
        value = float(stripped.replace(",", ".").rstrip(".") or 0)
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, pos


class RubricsDialog(QDialog):
    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.infos: list[RubricInfo] = []
        self.last_task = None
        self.resize(1120, 660)

        self.target_label = QLabel()
        self.target = QComboBox()
        self.target.setObjectName("target")
        for key in R.TARGETS:
            self.target.addItem(R.TARGET_LABELS[key].format(), key)
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: palette(placeholder-text);")
        top = QHBoxLayout()
        top.addWidget(self.target_label)
        top.addWidget(self.target)
        top.addSpacing(16)
        top.addWidget(self.intro, 1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("rubrics")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        fm = self.table.fontMetrics()
        for column, field in enumerate(COLUMNS):
            if field == "name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif field in ("document", "types", "origin"):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, fm.horizontalAdvance("Mặc định — cần điều chỉnh") + 16)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([220, 330])
        splitter.setChildrenCollapsible(False)

        self.activate_button = self._button("activate", self.activate_selected)
        self.copy_button = self._button("copy", self.copy_selected)
        self.edit_button = self._button("edit", self.edit_selected)
        self.delete_button = self._button("delete", self.delete_selected)
        self.import_button = self._button("import", self.import_file)
        self.export_button = self._button("export", self.export_selected)
        self.close_button = self._button("close", self.accept)
        buttons = QHBoxLayout()
        for b in (self.activate_button, self.copy_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addSpacing(20)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._set_texts()
        self.refresh()

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _set_texts(self) -> None:
        self.setWindowTitle(self.tr("Rubrics"))
        self.target_label.setText(self.tr("Scoring:"))
        self.intro.setText(self.tr("One version of each rubric is in use. A version used for scoring is kept as it "
                                   "was; to change it, make a new version and edit that. The defaults shipped "
                                   "with the program are starting points to adjust to the committee's guidance."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Version"), self.tr("Issuing document"), self.tr("Effective from"),
            self.tr("Meetings"), self.tr("In use"), self.tr("Origin"), self.tr("Used")])
        self.activate_button.setText(self.tr("Use for scoring"))
        self.activate_button.setToolTip(self.tr("Score with this version from now on"))
        self.copy_button.setText(self.tr("New version…"))
        self.copy_button.setToolTip(self.tr("Copy the selected version into a new version and edit it"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete an unused version (can be undone with Ctrl+Z)"))
        self.import_button.setText(self.tr("Import from file…"))
        self.import_button.setToolTip(self.tr("Import the rubrics of a JSON file sent by the committee"))
        self.export_button.setText(self.tr("Export to file…"))
        self.export_button.setToolTip(self.tr("Save the selected version as a JSON file for other cells"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self._set_texts()
        super().changeEvent(event)

    # ---- the list -----------------------------------------------------------------------------------------
    def origin_text(self, info: RubricInfo) -> str:
        if info.origin == "default":
            return self.tr("Default") + " — " + self.tr("to adjust")
        text = {"imported": self.tr("Imported"), "user": self.tr("Own version")}.get(info.origin, info.origin)
        return text + (", " + self.tr("not verified") if info.unverified else "")

    def refresh(self, select_id: str | None = None) -> None:
        select_id = select_id or self.selected_id()
        target = self.target.currentData()
        self.infos = self.services.rubrics.list(target)
        self.table.setColumnHidden(COLUMNS.index("types"), target != "meeting")
        self.table.setRowCount(len(self.infos))
        bold = QFont()
        bold.setBold(True)
        for row, info in enumerate(self.infos):
            types = ", ".join(KIND_LABELS[t].format() for t in info.meeting_types if t in KIND_LABELS)
            values = {"name": info.name, "version": f"v{info.version}", "document": info.document,
                      "effective": format_date(info.effective_from), "types": types,
                      "active": "✓ " + self.tr("in use") if info.active else "",
                      "origin": self.origin_text(info),
                      "used": self.tr("{count} times").format(count=info.used_count) if info.used_count else ""}
            for column, field in enumerate(COLUMNS):
                item = QTableWidgetItem(values[field])
                item.setData(OBJECT_ROLE, info.id)
                if field in ("name", "document", "types", "origin"):
                    item.setToolTip(values[field])
                if field == "active" and info.active:
                    item.setForeground(QBrush(QColor(OK_COLOR)))
                    item.setFont(bold)
                if field == "origin" and (info.origin == "default" or info.unverified):
                    item.setForeground(QBrush(QColor(WARNING_COLOR)))
                if field == "name" and info.active:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        index = next((i for i, info in enumerate(self.infos) if info.id == select_id), None)
        if index is None:
            index = next((i for i, info in enumerate(self.infos) if info.active), 0 if self.infos else None)
        if index is not None:
            self.table.selectRow(index)
        self._selected_changed()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(OBJECT_ROLE) if item else None

    def selected(self) -> RubricInfo | None:
        rid = self.selected_id()
        return next((i for i in self.infos if i.id == rid), None)

    def select(self, rubric_id: str) -> bool:
        info = next((i for i in self.services.rubrics.list() if i.id == rubric_id), None)
        if info is None:
            return False
        self.target.setCurrentIndex(self.target.findData(info.target))
        self.refresh(rubric_id)
        return self.selected_id() == rubric_id

    def _selected_changed(self) -> None:
        info = self.selected()
        has = info is not None
        self.activate_button.setEnabled(has and not info.active)
        self.copy_button.setEnabled(has)
        self.export_button.setEnabled(has)
        editable = has and info.editable and info.origin != "default"
        self.edit_button.setEnabled(editable)
        deletable = has and info.editable and info.origin != "default" and not info.active
        self.delete_button.setEnabled(deletable)
        if not has:
            self.edit_button.setToolTip("")
            self.preview.setHtml("")
            return
        if info.origin == "default":
            self.edit_button.setToolTip(self.tr("A shipped default is not edited: make a new version and edit that"))
        elif not info.editable:
            self.edit_button.setToolTip(self.tr("Used for scoring {count} times: make a new version to change "
                                                "it").format(count=info.used_count))
        else:
            self.edit_button.setToolTip(self.tr("Edit this version"))
        if info.active and info.editable and info.origin != "default":
            self.delete_button.setToolTip(self.tr("Choose another version for scoring before deleting this one"))
        else:
            self.delete_button.setToolTip(self.tr("Delete an unused version (can be undone with Ctrl+Z)"))
        self.preview.setHtml(self.preview_html(info, self.services.rubrics.get(info.id)))

    def preview_html(self, info: RubricInfo, rubric: R.Rubric) -> str:
        e = escape
        lines = [f"<h3 style='margin:0'>{e(rubric.name)} <span style='font-weight:normal'>(v{rubric.version})"
                 "</span></h3>"]
        if info.origin == "default" or rubric.unverified:
            caption = self.tr("Default to adjust") if info.origin == "default" else self.tr("Not verified")
            warning = self.tr("the criteria and points have not been checked against the official text; adjust "
                              "them to the guidance of the committee above (New version…) or import the rubric "
                              "it sends.")
            lines.append(f"<p style='background:#fff4d6; color:#5a3d00; padding:4px'><b>{e(caption)}:</b> "
                         f"{e(warning)}</p>")
        meta = [self.tr("Issuing document: {document}").format(document=rubric.document or "—"),
                self.tr("Effective from {date}").format(date=format_date(rubric.effective_from)),
                self.tr("Maximum {max} points, {count} criteria").format(max=_pts(rubric.max_points),
                                                                         count=len(rubric.criteria()))]
        if rubric.target == "meeting":
            meta.append(self.tr("Scores: {types}").format(
                types=", ".join(KIND_LABELS[t].format() for t in rubric.meeting_types if t in KIND_LABELS)))
        lines.append("<p>" + "<br>".join(e(m) for m in meta) + "</p>")
        if rubric.note:
            lines.append(f"<p><i>{e(rubric.note)}</i></p>")
        lines.append("<p><b>" + e(self.tr("Bands")) + ":</b> " + e("; ".join(
            self.tr("{label} from {min}").format(label=b.label, min=_pts(b.min_points)) for b in rubric.bands))
            + "</p>")
        lines.append("<table cellspacing='0' cellpadding='3' width='100%'>")
        for group in rubric.groups:
            points = self.tr("{max} points").format(max=_pts(group.max_points))
            lines.append(f"<tr><td colspan='3' style='background:#eef3f8'><b>{e(group.id)}. {e(group.title)}</b> "
                         f"— {e(points)}</td></tr>")
            for c in group.criteria:
                detail = e(c.text)
                if c.hint:
                    detail += f"<br><span style='color:#666'>{e(c.hint)}</span>"
                if c.auto is not None:
                    detail += "<br><span style='color:#1f4e79'>" + e(self.auto_text(c.auto)) + "</span>"
                lines.append(f"<tr><td valign='top' width='36'>{e(c.id)}</td><td>{detail}</td>"
                             f"<td valign='top' align='right' width='40'>{e(_pts(c.max_points))}</td></tr>")
        lines.append("</table>")
        return "".join(lines)

    def auto_text(self, rule: R.AutoRule) -> str:
        source = R.AUTO_SOURCES.get(rule.source)
        label = source.label.format() if source else rule.source
        mode = rule.effective_mode()
        if mode == "steps":
            how = "; ".join(_step_text(s) for s in rule.steps)
        elif mode == "proportional":
            how = self.tr("points in proportion")
        else:
            how = self.tr("all points if met, none if not")
        return self.tr("Automatic: {source} ({how})").format(source=label, how=how)

    # ---- actions ------------------------------------------------------------------------------------------
    def _warn(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    def activate_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        try:
            self.services.rubrics.set_active(info.id)
        except ServiceError as exc:
            self._warn(exc)
        self.refresh(info.id)

    def copy_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        try:
            new = self.services.rubrics.copy(info.id)
        except ServiceError as exc:
            self._warn(exc)
            return
        self.refresh(new.id)
        self.open_editor(new.id)

    def edit_selected(self) -> None:
        info = self.selected()
        if info is not None and self.edit_button.isEnabled():
            self.open_editor(info.id)

    def open_editor(self, rubric_id: str) -> None:
        try:
            dialog = RubricEditDialog(self.services, rubric_id, self)
        except ServiceError as exc:
            self._warn(exc)
            return
        dialog.exec()
        self.refresh(rubric_id)

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("Delete \"{name}\" (v{version})? It can be undone at once with Edit → Undo (Ctrl+Z).").format(
                name=info.name, version=info.version),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.rubrics.delete(info.id)
        except ServiceError as exc:
            self._warn(exc)
        self.refresh()

    def _folder(self) -> Path:
        return Path(self.services.ctx.get_setting("export_folder", str(Path.home())) or Path.home())

    def export_selected(self) -> None:
        info = self.selected()
        if info is None:
            return

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the rubric"),
                                              str(self._folder() / f"{slug(info.name)}-v{info.version}.json"),
                                              self.tr("Rubric file (*.json)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".json") else Path(name + ".json")
        self.services.ctx.set_setting("export_folder", str(path.parent))
        rubrics, rubric_id = self.services.rubrics, info.id
        self.last_task = run_in_background(
            self, lambda: rubrics.export_file([rubric_id], path),
            on_done=lambda written: QMessageBox.information(
                self, self.windowTitle(),
                self.tr("The rubric was saved to {path}. Send this file to the cells that should use it; they "
                        "import it with \"Import from file…\".").format(path=written)),
            on_error=self._warn, busy_text=self.tr("Exporting the rubric…"))

    def import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import rubrics"), str(self._folder()),
                                              self.tr("Rubric file (*.json);;All files (*)"))
        if not name:
            return
        path = Path(name)
        rubrics = self.services.rubrics
        self.last_task = run_in_background(self, lambda: rubrics.import_file(path), on_done=self._imported,
                                           on_error=lambda exc: self._import_failed(path, exc),
                                           busy_text=self.tr("Importing the rubrics…"))

    def _imported(self, infos: list[RubricInfo]) -> None:
        if infos:
            self.select(infos[0].id)
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "Imported: {names}. Check them, then choose \"Use for scoring\" for the one to score with.").format(
            names=", ".join(f"{i.name} (v{i.version})" for i in infos)))

    def _import_failed(self, path: Path, exc: Exception) -> None:
        QMessageBox.warning(self, self.windowTitle(), self.tr(
            "The file {name} was not imported:\n{reason}\n\nNothing was changed.").format(
            name=path.name, reason=error_text(exc)))


class RubricEditDialog(QDialog):
    """Edit one unused rubric version in a working copy; saved in one step (Ctrl+S) when it checks out."""

    def __init__(self, services, rubric_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rubric_id = rubric_id
        self.info = services.rubrics.info(rubric_id)
        self.rubric: R.Rubric = copy.deepcopy(services.rubrics.get(rubric_id))
        self.problem: str | None = None
        self.band_error = ""
        self._loading = False
        self.current: object | None = None
        self.resize(1120, 660)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), "")
        self.tabs.addTab(self._criteria_tab(), "")
        self.status = QLabel()
        self.status.setObjectName("check")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.setAutoDefault(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)  # Ctrl+S wherever the focus is
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._set_texts()
        self._load_general()
        self._rebuild_tree()
        self._check()

    # ---- general information and bands -----------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        form = QFormLayout()
        self.identity = QLabel()
        self.identity.setObjectName("identity")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.document = QLineEdit()
        self.document.setObjectName("document")
        self.effective = DateEdit()
        self.effective.setObjectName("effective_from")
        self.effective.setMaximumWidth(160)
        self.type_boxes: dict[str, QCheckBox] = {}
        types = QWidget()
        types_layout = QHBoxLayout(types)
        types_layout.setContentsMargins(0, 0, 0, 0)
        for key in R.MEETING_TYPES:
            box = QCheckBox(KIND_LABELS[key].format() if key in KIND_LABELS else key)
            box.setObjectName(f"type_{key}")
            box.toggled.connect(self._general_changed)
            types_layout.addWidget(box)
            self.type_boxes[key] = box
        types_layout.addStretch(1)
        self.unverified = QCheckBox()
        self.unverified.setObjectName("unverified")
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.general_labels = [QLabel() for _ in range(7)]
        for label, widget in zip(self.general_labels, (self.identity, self.name, self.document, self.effective,
                                                       types, self.unverified, self.note)):
            form.addRow(label, widget)
        self.types_row = (self.general_labels[4], types)
        for widget in (self.name, self.document, self.effective):
            widget.textChanged.connect(self._general_changed)
        self.unverified.toggled.connect(self._general_changed)
        self.note.textChanged.connect(self._general_changed)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        layout.addLayout(left, 3)

        self.bands_box = QGroupBox()
        bands_layout = QVBoxLayout(self.bands_box)
        self.bands = QTableWidget(0, 2)
        self.bands.setObjectName("bands")
        self.bands.verticalHeader().hide()
        self.bands.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.bands.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.bands.cellChanged.connect(self._bands_changed)
        self.bands_hint = QLabel()
        self.bands_hint.setWordWrap(True)
        self.bands_hint.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        self.add_band_button = QPushButton()
        self.add_band_button.setObjectName("add_band")
        self.add_band_button.clicked.connect(self.add_band)
        self.remove_band_button = QPushButton()
        self.remove_band_button.setObjectName("remove_band")
        self.remove_band_button.clicked.connect(self.remove_band)
        row.addWidget(self.add_band_button)
        row.addWidget(self.remove_band_button)
        row.addStretch(1)
        bands_layout.addWidget(self.bands, 1)
        bands_layout.addLayout(row)
        bands_layout.addWidget(self.bands_hint)
        layout.addWidget(self.bands_box, 2)
        return page

    def _load_general(self) -> None:
        r = self.rubric
        self._loading = True
        try:
            self.identity.setText(f"{r.key} — v{r.version} — {R.TARGET_LABELS[r.target].format()}")
            self.name.setText(r.name)
            self.document.setText(r.document)
            self.effective.set_value(r.effective_from)
            for key, box in self.type_boxes.items():
                box.setChecked(key in r.meeting_types)
            for widget in self.types_row:
                widget.setVisible(r.target == "meeting")
            self.unverified.setChecked(r.unverified)
            self.note.setPlainText(r.note)
            self._fill_bands()
        finally:
            self._loading = False

    def _fill_bands(self) -> None:
        was = self._loading
        self._loading = True
        self.bands.setRowCount(len(self.rubric.bands))
        for row, band in enumerate(self.rubric.bands):
            self.bands.setItem(row, 0, QTableWidgetItem(band.label))
            minimum = QTableWidgetItem(_pts(band.min_points))
            minimum.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.bands.setItem(row, 1, minimum)
        self._loading = was

    def _general_changed(self, *_args) -> None:
        if self._loading:
            return
        r = self.rubric
        r.name = self.name.text()
        r.document = self.document.text()
        if not self.effective.error() and self.effective.value() is not None:
            r.effective_from = self.effective.value()
        r.meeting_types = [key for key, box in self.type_boxes.items() if box.isChecked()]
        r.unverified = self.unverified.isChecked()
        r.note = self.note.toPlainText()
        self._check()

    def _bands_changed(self, *_args) -> None:
        if self._loading:
            return
        bands = []
        self.band_error = ""
        for row in range(self.bands.rowCount()):
            label = self.bands.item(row, 0).text() if self.bands.item(row, 0) else ""
            text = (self.bands.item(row, 1).text() if self.bands.item(row, 1) else "").strip().replace(",", ".")
            try:
                minimum = float(text)
            except ValueError:
                self.band_error = self.tr("Band {n}: the minimum \"{value}\" is not a number.").format(
                    n=row + 1, value=text)
                minimum = 0.0
            bands.append(R.Band(label, minimum))
        self.rubric.bands = bands
        self._check()

    def add_band(self) -> None:
        self.rubric.bands.append(R.Band(self.tr("New band"), 0.0))
        self._fill_bands()
        self.bands.setCurrentCell(self.bands.rowCount() - 1, 0)
        self._check()

    def remove_band(self) -> None:
        row = self.bands.currentRow()
        if 0 <= row < len(self.rubric.bands):
            del self.rubric.bands[row]
            self._fill_bands()
            self._check()

    # ---- groups and criteria ---------------------------------------------------------------------------
    def _criteria_tab(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        self.tree = QTreeWidget()
        self.tree.setObjectName("criteria_tree")
        self.tree.setColumnCount(2)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._tree_selected)
        buttons = QHBoxLayout()
        self.add_group_button = QPushButton()
        self.add_group_button.setObjectName("add_group")
        self.add_group_button.clicked.connect(self.add_group)
        self.add_criterion_button = QPushButton()
        self.add_criterion_button.setObjectName("add_criterion")
        self.add_criterion_button.clicked.connect(self.add_criterion)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = QPushButton("↑")
        self.up_button.setObjectName("move_up")
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setObjectName("move_down")
        self.down_button.clicked.connect(lambda: self.move_item(1))
        for b in (self.add_group_button, self.add_criterion_button, self.remove_button, self.up_button,
                  self.down_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        left.addWidget(self.tree, 1)
        left.addLayout(buttons)
        layout.addLayout(left, 5)

        self.detail = QStackedWidget()
        self.detail.addWidget(self._empty_detail())
        self.detail.addWidget(self._group_detail())
        self.detail.addWidget(self._criterion_detail())
        layout.addWidget(self.detail, 4)
        return page

    def _empty_detail(self) -> QWidget:
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return self.empty_hint

    def _group_detail(self) -> QWidget:
        page = QGroupBox()
        self.group_box = page
        form = QFormLayout(page)
        self.group_id = QLineEdit()
        self.group_id.setObjectName("group_id")
        self.group_id.setMaximumWidth(120)
        self.group_title = QLineEdit()
        self.group_title.setObjectName("group_title")
        self.group_max = QLabel()
        self.group_max.setObjectName("group_max")
        self.group_labels = [QLabel() for _ in range(3)]
        for label, widget in zip(self.group_labels, (self.group_id, self.group_title, self.group_max)):
            form.addRow(label, widget)
        self.group_id.textChanged.connect(self._group_edited)
        self.group_title.textChanged.connect(self._group_edited)
        return page

    def _criterion_detail(self) -> QWidget:
        page = QGroupBox()
        self.criterion_box = page
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.criterion_id = QLineEdit()
        self.criterion_id.setObjectName("criterion_id")
        self.criterion_id.setMaximumWidth(120)
        self.criterion_text = QPlainTextEdit()
        self.criterion_text.setObjectName("criterion_text")
        self.criterion_text.setTabChangesFocus(True)
        self.criterion_text.setMaximumHeight(90)
        self.criterion_max = NumberBox(0, R.MAX_POINTS)
        self.criterion_max.setObjectName("criterion_max")
        self.criterion_max.setMaximumWidth(120)
        self.criterion_hint = QPlainTextEdit()
        self.criterion_hint.setObjectName("criterion_hint")
        self.criterion_hint.setTabChangesFocus(True)
        self.criterion_hint.setMaximumHeight(60)
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.addItem("", "")
        for source in self.services.rubrics.sources(self.rubric.target):
            self.source.addItem(source.label.format(), source.key)
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for key in ("", *R.MODES):
            self.mode.addItem("", key)
        self.steps = QTableWidget(0, 3)
        self.steps.setObjectName("steps")
        self.steps.verticalHeader().hide()
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.steps.setMaximumHeight(150)
        steps_buttons = QHBoxLayout()
        self.add_step_button = QPushButton()
        self.add_step_button.setObjectName("add_step")
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton()
        self.remove_step_button.setObjectName("remove_step")
        self.remove_step_button.clicked.connect(self.remove_step)
        steps_buttons.addWidget(self.add_step_button)
        steps_buttons.addWidget(self.remove_step_button)
        steps_buttons.addStretch(1)
        self.steps_holder = QWidget()
        steps_layout = QVBoxLayout(self.steps_holder)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.addWidget(self.steps)
        steps_layout.addLayout(steps_buttons)
        self.steps_hint = QLabel()
        self.steps_hint.setWordWrap(True)
        self.steps_hint.setStyleSheet("color: palette(placeholder-text);")
        steps_layout.addWidget(self.steps_hint)
        self.criterion_unverified = QCheckBox()
        self.criterion_unverified.setObjectName("criterion_unverified")
        self.criterion_labels = [QLabel() for _ in range(8)]
        for label, widget in zip(self.criterion_labels, (self.criterion_id, self.criterion_text, self.criterion_max,
                                                         self.criterion_hint, self.source, self.mode,
                                                         self.steps_holder, self.criterion_unverified)):
            form.addRow(label, widget)
        self.mode_row = (self.criterion_labels[5], self.mode)
        self.steps_row = (self.criterion_labels[6], self.steps_holder)
        self.criterion_id.textChanged.connect(self._criterion_edited)
        self.criterion_text.textChanged.connect(self._criterion_edited)
        self.criterion_max.valueChanged.connect(self._criterion_edited)
        self.criterion_hint.textChanged.connect(self._criterion_edited)
        self.source.currentIndexChanged.connect(self._criterion_edited)
        self.mode.currentIndexChanged.connect(self._criterion_edited)
        self.criterion_unverified.toggled.connect(self._criterion_edited)
        return page

    def _set_texts(self) -> None:
        self.setWindowTitle(self.tr("Edit rubric: {name} (v{version})").format(name=self.info.name,
                                                                               version=self.info.version))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Groups and criteria"))
        for label, text in zip(self.general_labels, (
                self.tr("Rubric:"), self.tr("Name:"), self.tr("Issuing document:"), self.tr("Effective from:"),
                self.tr("Scores meetings:"), self.tr("Not verified:"), self.tr("Note:"))):
            label.setText(text)
        self.unverified.setText(self.tr("Not yet checked against the official text"))
        self.document.setPlaceholderText(self.tr("e.g. Quy định 27-QĐ/TU ngày 30/10/2023 của BTV Tỉnh ủy Nghệ An"))
        self.bands_box.setTitle(self.tr("Bands"))
        self.bands.setHorizontalHeaderLabels([self.tr("Label"), self.tr("From (points)")])
        self.bands_hint.setText(self.tr("A total gets the highest band whose minimum it reaches; the lowest band "
                                        "starts at 0."))
        self.add_band_button.setText(self.tr("Add band"))
        self.remove_band_button.setText(self.tr("Remove band"))
        self.tree.setHeaderLabels([self.tr("Group / criterion"), self.tr("Points")])
        self.add_group_button.setText(self.tr("Add group"))
        self.add_criterion_button.setText(self.tr("Add criterion"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        self.empty_hint.setText(self.tr("Choose a group or a criterion on the left to edit it."))
        self.group_box.setTitle(self.tr("Group"))
        for label, text in zip(self.group_labels, (self.tr("Number:"), self.tr("Title:"), self.tr("Maximum:"))):
            label.setText(text)
        self.criterion_box.setTitle(self.tr("Criterion"))
        for label, text in zip(self.criterion_labels, (
                self.tr("Number:"), self.tr("Criterion:"), self.tr("Maximum points:"), self.tr("How to score:"),
                self.tr("Automatic from:"), self.tr("Rule:"), self.tr("Steps:"), self.tr("Not verified:"))):
            label.setText(text)
        self.source.setItemText(0, self.tr("Nothing: the secretary scores it"))
        modes = {"": self.tr("The source's usual rule"), "flag": self.tr("All points if met, none if not"),
                 "proportional": self.tr("In proportion to the percentage"), "steps": self.tr("By steps")}
        for index in range(self.mode.count()):
            self.mode.setItemText(index, modes[self.mode.itemData(index)])
        self.steps.setHorizontalHeaderLabels([self.tr("Condition"), self.tr("Value"), self.tr("Points")])
        self.add_step_button.setText(self.tr("Add step"))
        self.steps_hint.setText(self.tr("Steps are tried in order: the first whose condition holds gives its "
                                        "points; if none holds, the criterion gets 0."))
        self.remove_step_button.setText(self.tr("Remove step"))
        self.criterion_unverified.setText(self.tr("Placeholder wording"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the rubric (Ctrl+S)"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _group_text(self, group: R.CriteriaGroup) -> str:
        return f"{group.id}. {group.title}"

    def _rebuild_tree(self, select: object | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        target_item = None
        for group in self.rubric.groups:
            g_item = QTreeWidgetItem([self._group_text(group), _pts(group.max_points)])
            g_item.setData(0, OBJECT_ROLE, group)
            font = g_item.font(0)
            font.setBold(True)
            g_item.setFont(0, font)
            g_item.setFont(1, font)
            self.tree.addTopLevelItem(g_item)
            if group is select:
                target_item = g_item
            for criterion in group.criteria:
                c_item = QTreeWidgetItem([f"{criterion.id}  {criterion.text}", _pts(criterion.max_points)])
                c_item.setData(0, OBJECT_ROLE, criterion)
                c_item.setToolTip(0, criterion.text)
                if criterion.auto is not None:
                    c_item.setForeground(1, QBrush(QColor("#1f4e79")))
                g_item.addChild(c_item)
                if criterion is select:
                    target_item = c_item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if target_item is not None:
            self.tree.setCurrentItem(target_item)
        else:
            self.tree.setCurrentItem(None)
            self._tree_selected(None, None)

    def _owner(self, criterion: R.Criterion) -> R.CriteriaGroup | None:
        return next((g for g in self.rubric.groups if any(c is criterion for c in g.criteria)), None)

    def _tree_selected(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        self.current = current.data(0, OBJECT_ROLE) if current is not None else None
        self._loading = True
        try:
            if isinstance(self.current, R.CriteriaGroup):
                g = self.current
                self.group_id.setText(g.id)
                self.group_title.setText(g.title)
                self.group_max.setText(self.tr("{max} points (the sum of its criteria)").format(max=_pts(g.max_points)))
                self.detail.setCurrentIndex(1)
            elif isinstance(self.current, R.Criterion):
                c = self.current
                self.criterion_id.setText(c.id)
                self.criterion_text.setPlainText(c.text)
                self.criterion_max.setValue(c.max_points)
                self.criterion_hint.setPlainText(c.hint)
                self.source.setCurrentIndex(max(self.source.findData(c.auto.source if c.auto else ""), 0))
                self.mode.setCurrentIndex(max(self.mode.findData(c.auto.mode if c.auto else ""), 0))
                self.criterion_unverified.setChecked(c.unverified)
                self._fill_steps(c)
                self.detail.setCurrentIndex(2)
            else:
                self.detail.setCurrentIndex(0)
        finally:
            self._loading = False
        self._show_auto_rows()
        has = self.current is not None
        self.add_criterion_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has)
        self.down_button.setEnabled(has)

    def _group_edited(self, *_args) -> None:
        if self._loading or not isinstance(self.current, R.CriteriaGroup):
            return
        self.current.id = self.group_id.text().strip()
        self.current.title = self.group_title.text()
        item = self.tree.currentItem()
        if item is not None:
            item.setText(0, self._group_text(self.current))
        self._check()

    def _criterion_edited(self, *_args) -> None:
        if self._loading or not isinstance(self.current, R.Criterion):
            return
        c = self.current
        c.id = self.criterion_id.text().strip()
        c.text = self.criterion_text.toPlainText()
        c.max_points = round(self.criterion_max.value(), 2)
        c.hint = self.criterion_hint.toPlainText()
        c.unverified = self.criterion_unverified.isChecked()
        source = self.source.currentData()
        if not source:
            c.auto = None
        else:
            steps = c.auto.steps if c.auto is not None else []
            c.auto = R.AutoRule(source=source, mode=self.mode.currentData() or "", steps=steps)
            if c.auto.effective_mode() == "steps" and not c.auto.steps:
                c.auto.steps.append(R.Step("at_least", 0.0, c.max_points))  # a first step to adjust
                self._fill_steps(c)
        item = self.tree.currentItem()
        if item is not None:
            item.setText(0, f"{c.id}  {c.text}")
            item.setText(1, _pts(c.max_points))
            parent = item.parent()
            group = self._owner(c)
            if parent is not None and group is not None:
                parent.setText(1, _pts(group.max_points))
        self._show_auto_rows()
        self._check()

    def _show_auto_rows(self) -> None:
        c = self.current if isinstance(self.current, R.Criterion) else None
        auto = c is not None and c.auto is not None
        for widget in self.mode_row:
            widget.setVisible(auto)
        steps = auto and c.auto.effective_mode() == "steps"
        for widget in self.steps_row:
            widget.setVisible(steps)

    def _fill_steps(self, c: R.Criterion) -> None:
        was = self._loading
        self._loading = True
        steps = c.auto.steps if c.auto is not None else []
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            op = QComboBox()
            for key in R.STEP_OPS:
                op.addItem(R.STEP_OP_SYMBOLS[key], key)
            op.setCurrentIndex(max(op.findData(step.op), 0))
            value = NumberBox(-1_000_000, 1_000_000)
            value.setValue(step.value)
            points = NumberBox(0, R.MAX_POINTS)
            points.setValue(step.points)
            for widget, signal in ((op, op.currentIndexChanged), (value, value.valueChanged),
                                   (points, points.valueChanged)):
                signal.connect(self._steps_edited)
            self.steps.setCellWidget(row, 0, op)
            self.steps.setCellWidget(row, 1, value)
            self.steps.setCellWidget(row, 2, points)
        self._loading = was

    def _steps_edited(self, *_args) -> None:
        if self._loading or not isinstance(self.current, R.Criterion) or self.current.auto is None:
            return
        self.current.auto.steps = [
            R.Step(self.steps.cellWidget(row, 0).currentData(), round(self.steps.cellWidget(row, 1).value(), 2),
                   round(self.steps.cellWidget(row, 2).value(), 2))
            for row in range(self.steps.rowCount())]
        self._check()

    def add_step(self) -> None:
        c = self.current
        if isinstance(c, R.Criterion) and c.auto is not None:
            c.auto.steps.append(R.Step("at_least", 0.0, 0.0))
            self._fill_steps(c)
            self._check()

    def remove_step(self) -> None:
        c = self.current
        row = self.steps.currentRow()
        if isinstance(c, R.Criterion) and c.auto is not None and 0 <= row < len(c.auto.steps):
            del c.auto.steps[row]
            self._fill_steps(c)
            self._check()

    @staticmethod
    def _free_id(used: set[str], prefix: str = "") -> str:
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def add_group(self) -> None:
        group_id = self._free_id({g.id for g in self.rubric.groups})
        group = R.CriteriaGroup(group_id, self.tr("New group"))
        criterion = R.Criterion(self._free_id({c.id for c in self.rubric.criteria()}, f"{group_id}."),
                                self.tr("New criterion"), 0.0)
        group.criteria.append(criterion)
        self.rubric.groups.append(group)
        self._rebuild_tree(group)
        self._check()

    def add_criterion(self) -> None:
        current = self.current
        group = current if isinstance(current, R.CriteriaGroup) else self._owner(current) if current else None
        if group is None:
            return
        criterion = R.Criterion(self._free_id({c.id for c in self.rubric.criteria()}, f"{group.id}."),
                                self.tr("New criterion"), 0.0)
        if isinstance(current, R.Criterion):
            group.criteria.insert(next(i for i, c in enumerate(group.criteria) if c is current) + 1, criterion)
        else:
            group.criteria.append(criterion)
        self._rebuild_tree(criterion)
        self.tabs.setCurrentIndex(1)
        self.criterion_text.setFocus()
        self.criterion_text.selectAll()
        self._check()

    def remove_item(self) -> None:
        current = self.current
        if isinstance(current, R.CriteriaGroup):
            self.rubric.groups = [g for g in self.rubric.groups if g is not current]
        elif isinstance(current, R.Criterion):
            group = self._owner(current)
            if group is not None:
                group.criteria = [c for c in group.criteria if c is not current]
        else:
            return
        self._rebuild_tree()
        self._check()

    def move_item(self, delta: int) -> None:
        current = self.current
        if isinstance(current, R.CriteriaGroup):
            items = self.rubric.groups
        elif isinstance(current, R.Criterion) and self._owner(current) is not None:
            items = self._owner(current).criteria
        else:
            return
        index = next(i for i, x in enumerate(items) if x is current)
        target = index + delta
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            self._rebuild_tree(current)
            self._check()

    # ---- check and save ---------------------------------------------------------------------------------
    def _check(self) -> None:
        problem = ""
        if self.effective.error():
            problem = self.effective.error()
        elif self.effective.value() is None:
            problem = self.tr("Enter the date the rubric takes effect.")
        elif self.band_error:
            problem = self.band_error
        else:
            problem = self.services.rubrics.check(self.rubric) or ""
        self.problem = problem or None
        if problem:
            self.status.setText(problem)
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.status.setText(self.tr("The rubric checks out: {count} criteria, {max} points at most.").format(
                count=len(self.rubric.criteria()), max=_pts(self.rubric.max_points)))
            self.status.setStyleSheet(f"color: {OK_COLOR};")
        self.save_button.setEnabled(not problem)

    def save(self) -> None:
        self._check()
        if self.problem:
            return
        try:
            self.services.rubrics.update(self.rubric_id, self.rubric)
        except ServiceError as exc:
            self.status.setText(exc.message)
            self.status.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.accept()

    def reject(self) -> None:
        original = self.services.rubrics.get(self.rubric_id)
        if R.rubric_to_dict(original) != R.rubric_to_dict(self.rubric):
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("Close without saving the changes?"),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "cancel_button"):
            QTimer.singleShot(0, self, self._set_texts)
        super().changeEvent(event)
