"""Sửa bộ tiêu chí: `RubricEditDialog` edits one unused rubric version in a working copy: general
information and bands here, groups and criteria in `rubric_criteria.CriteriaEditor`; checked as the user
types with the same check an imported file goes through, and saved in one step.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import rubrics as R
from ...domain.meetings import KIND_LABELS
from ...services.errors import ServiceError
from ..common.widgets import ERROR_COLOR, DateEdit
from .rubric_criteria import OK_COLOR, CriteriaEditor, points_text as _pts


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
        self.resize(1120, 660)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), "")
        self.criteria = CriteriaEditor(services, self.rubric)
        self.criteria.edited.connect(self._check)
        self.criteria.revealed.connect(lambda: self.tabs.setCurrentIndex(1))
        self.tabs.addTab(self.criteria, "")
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

        layout.addWidget(self._bands_box(), 2)
        return page

    def _bands_box(self) -> QGroupBox:
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
        return self.bands_box

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
        self.criteria.retranslate()
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the rubric (Ctrl+S)"))
        self.cancel_button.setText(self.tr("Cancel"))

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
            with self.services.ctx.action(self):
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

