"""Bộ tiêu chí: the rubrics (criteria sheets) of each target — a meeting, the cell's year, a member's year.

`RubricsDialog` lists the versions with their document, effective date and flags (in use; shipped default
to adjust; not checked against the official text), previews the selected one, and sets it in use, copies it
into a new version to edit (`rubric_editor.RubricEditDialog`), deletes an unused copy, exports it to a JSON
file and imports a file (a broken file is refused with its reason and nothing is imported).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain import rubrics as R
from ...domain.dates import format_date
from ...domain.meetings import KIND_LABELS
from ...services.errors import ServiceError
from ...services.scoring.rubrics import RubricInfo
from ..common.widgets import WARNING_COLOR, slug
from ..common.workers import error_text, run_in_background
from .rubric_criteria import OBJECT_ROLE, OK_COLOR, points_text as _pts
from .rubric_editor import RubricEditDialog

COLUMNS = ("name", "version", "document", "effective", "types", "active", "origin", "used")


def _step_text(step: R.Step) -> str:
    return f"{R.STEP_OP_SYMBOLS.get(step.op, step.op)} {_pts(step.value)} → {_pts(step.points)}"


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

        self.table = self._versions_table()
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

    @staticmethod
    def _versions_table() -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("rubrics")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        fm = table.fontMetrics()
        for column, field in enumerate(COLUMNS):
            if field == "name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif field in ("document", "types", "origin"):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                table.setColumnWidth(column, fm.horizontalAdvance("Mặc định — cần điều chỉnh") + 16)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

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
        text = {"imported": self.tr("Imported"), "user": self.tr("Own version"),
                "committee": self.tr("Issued by the committee")}.get(info.origin, info.origin)
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
        elif info.origin == "committee":
            self.edit_button.setToolTip(self.tr("Issued by the committee above: make a new version to adjust it"))
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
            with self.services.ctx.action(self):
                self.services.rubrics.set_active(info.id)
        except ServiceError as exc:
            self._warn(exc)
        self.refresh(info.id)

    def copy_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        try:
            with self.services.ctx.action(self):
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
            with self.services.ctx.action(self):
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

