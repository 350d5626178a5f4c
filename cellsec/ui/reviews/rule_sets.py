"""The review rule sets: the shipped sets (read-only, from the Party's documents) and the user's copies.
A copy's key parameters can be edited: name, document and effective date, score maxima and level
thresholds, the quota of "excellent" ratings and its rounding, the conditions of the top level and the
disqualifying cases. A year can be switched to another set while nothing of it is submitted."""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
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
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.review_rules import LEVELS, ROUNDINGS, SCOPE_COLLECTIVE, SCOPE_INDIVIDUAL, Quota
from ...domain.reviews import allowed_excellent, format_score
from ...services.errors import ServiceError, ValidationFailed
from .case_table import BOTH, CaseTable
from .parts import TEXTS, level_name, level_short
from ..common.widgets import (
    ERROR_COLOR,
    banner,
    DateEdit,
    FieldMessage,
    muted_label,
    scrolled,
    set_combo_data,
    with_message,
)

class RuleSetsDialog(QDialog):
    def __init__(self, services, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year
        self.infos = []
        self.content: dict | None = None
        self.current = None
        self.baseline = None
        self._loading = False
        self.errors: dict[str, str] = {}
        self.setWindowTitle(self.tr("Review rule sets"))
        self.resize(1120, 690)

        list_buttons = self._build_list()
        self.banner = banner("read_only_banner")
        self._build_detail()
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(list_buttons)
        layout.addWidget(self.banner)
        layout.addWidget(scrolled(self.detail), 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.load()

    # ---- building -----------------------------------------------------------------------------------------
    def _build_list(self) -> QHBoxLayout:
        """The list of rule sets and what can be done with the selected one."""
        self.list = QTableWidget(0, 4)
        self.list.setObjectName("rule_sets")
        self.list.setHorizontalHeaderLabels([self.tr("Name"), self.tr("In force from"), self.tr("Version"),
                                             self.tr("Kind")])
        self.list.verticalHeader().hide()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMaximumHeight(150)
        self.list.itemSelectionChanged.connect(self._selected)

        self.copy_button = QPushButton(self.tr("Copy to edit"))
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy_selected)
        self.delete_button = QPushButton(self.tr("Delete copy"))
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("apply")
        self.apply_button.clicked.connect(self.apply_to_year)
        self.year_label = muted_label(name="year_rule_set")
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.copy_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addWidget(self.apply_button)
        list_buttons.addWidget(self.year_label, 1)
        return list_buttons

    def _build_buttons(self) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.save_button = QPushButton(self.tr("Save rule set"))
        self.save_button.setObjectName("save")
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save the copy (Ctrl+S); its version goes up by one"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        return buttons

    def _build_detail(self) -> None:
        self.detail = QWidget()
        self.messages: dict[str, FieldMessage] = {}
        columns = QHBoxLayout(self.detail)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self._build_general(left)
        self._build_scores(left)
        self._build_quota(left)
        self._build_cases(right)

    def _build_general(self, left: QVBoxLayout) -> None:
        general = QGroupBox(self.tr("Rule set"))
        form = QFormLayout(general)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.document = QPlainTextEdit()
        self.document.setObjectName("issuing_document")
        self.document.setTabChangesFocus(True)
        self.document.setMaximumHeight(60)
        self.effective = DateEdit()
        self.effective.setObjectName("effective_from")
        self.effective.setMaximumWidth(150)
        for key, text, widget in (("name", self.tr("Name:"), self.name),
                                  ("issuing_document", self.tr("Issuing document:"), self.document),
                                  ("effective_from", self.tr("In force from:"), self.effective)):
            field, self.messages[key] = with_message(widget)
            form.addRow(text, field)
        self.name.textChanged.connect(self._changed)
        self.document.textChanged.connect(self._changed)
        self.effective.date_changed.connect(self._changed)
        left.addWidget(general)

    def _build_scores(self, left: QVBoxLayout) -> None:
        self.scores_box = QGroupBox(self.tr("Scores and levels"))
        self.scores_form = QFormLayout(self.scores_box)
        self.group_edits: dict[str, QDoubleSpinBox] = {}
        self.band_edits: dict[str, QDoubleSpinBox] = {}
        self.fail_label = QLabel()
        self.fail_label.setObjectName("band_kht")
        self.criteria_note = muted_label(self.tr("This rule set grades criteria (Excellent / Good / Average / "
                                                 "Poor) instead of scoring points; the levels follow from the grades."),
                                         "criteria_note")
        left.addWidget(self.scores_box)
        left.addWidget(self.criteria_note)

    def _build_quota(self, left: QVBoxLayout) -> None:
        quota = QGroupBox(self.tr("Quota of \"{level}\"").format(level=level_name("htxs")))
        quota_form = QFormLayout(quota)
        self.ratio = QDoubleSpinBox()
        self.ratio.setObjectName("quota_ratio")
        self.ratio.setRange(0, 100)
        self.ratio.setDecimals(1)
        self.ratio.setSuffix(" %")
        self.ratio.setMaximumWidth(130)
        self.ratio.valueChanged.connect(self._changed)
        self.base = QLabel()
        self.base.setObjectName("quota_base")
        self.base.setWordWrap(True)
        self.rounding = QComboBox()
        self.rounding.setObjectName("quota_rounding")
        for key in ROUNDINGS:
            self.rounding.addItem(TEXTS.rounding(key), key)
        self.rounding.currentIndexChanged.connect(self._changed)
        self.quota_note = QPlainTextEdit()
        self.quota_note.setObjectName("quota_note")
        self.quota_note.setTabChangesFocus(True)
        self.quota_note.setMaximumHeight(70)
        self.quota_note.textChanged.connect(self._changed)
        self.quota_example = muted_label(name="quota_example")
        quota_form.addRow(self.tr("At most:"), self.ratio)
        quota_form.addRow(self.tr("Of the members rated:"), self.base)
        quota_form.addRow(self.tr("Rounding:"), self.rounding)
        quota_form.addRow("", self.quota_example)
        quota_form.addRow(self.tr("Note:"), self.quota_note)
        left.addWidget(quota)
        self.notes = muted_label(name="notes")
        left.addWidget(self.notes)
        left.addStretch(1)

    def _build_cases(self, right: QVBoxLayout) -> None:
        scopes_both = [(BOTH, self.tr("Both")), (SCOPE_INDIVIDUAL, self.tr("Members")),
                       (SCOPE_COLLECTIVE, self.tr("The cell"))]
        scopes = [(SCOPE_INDIVIDUAL, self.tr("Members")), (SCOPE_COLLECTIVE, self.tr("The cell"))]
        conditions = QGroupBox(self.tr("Conditions for \"{level}\"").format(level=level_name("htxs")))
        self.conditions = CaseTable("conditions", scopes_both, "condition")
        self.conditions.on_change = self._changed
        conditions_layout = QVBoxLayout(conditions)
        conditions_layout.addWidget(self.conditions)
        self.messages["conditions"] = FieldMessage()
        conditions_layout.addWidget(self.messages["conditions"])
        cases = QGroupBox(self.tr("Cases rated \"{level}\"").format(level=level_name("kht")))
        self.cases = CaseTable("disqualifiers", scopes, "case")
        self.cases.on_change = self._changed
        cases_layout = QVBoxLayout(cases)
        cases_layout.addWidget(self.cases)
        self.messages["disqualifiers"] = FieldMessage()
        cases_layout.addWidget(self.messages["disqualifiers"])
        right.addWidget(conditions, 2)
        right.addWidget(cases, 3)

    def _rebuild_scores(self, data: dict) -> None:
        while self.scores_form.rowCount():
            self.scores_form.removeRow(0)
        for key in [k for k in self.messages if k.startswith(("max_", "band_"))]:
            del self.messages[key]  # their labels went with the removed rows
        self.group_edits.clear()
        self.band_edits.clear()
        self.fail_label = QLabel()
        self.fail_label.setObjectName("band_kht")
        points = data.get("scoring") == "points"
        self.scores_box.setVisible(points)
        self.criteria_note.setVisible(not points)
        if not points:
            return
        for group in data.get("score_groups", []):
            spin = self._spin(f"max_{group['key']}", 1000)
            spin.setValue(float(group["max"]))
            field, self.messages[f"max_{group['key']}"] = with_message(spin)
            self.scores_form.addRow(self.tr("{group}, at most:").format(group=group["name"]), field)
            self.group_edits[group["key"]] = spin
        bands = {b["level"]: b["min"] for b in data.get("bands", [])}
        for level in LEVELS[:-1]:
            spin = self._spin(f"band_{level}", 1000)
            spin.setValue(float(bands.get(level, 0)))
            spin.setPrefix(self.tr("from "))
            field, self.messages[f"band_{level}"] = with_message(spin)
            self.scores_form.addRow(f"{level_name(level)} ({level_short(level)}):", field)
            self.band_edits[level] = spin
        self.scores_form.addRow(QLabel(f"{level_name('kht')} ({level_short('kht')}):"), self.fail_label)

    def _spin(self, name: str, maximum: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, maximum)
        spin.setDecimals(1)
        spin.setMaximumWidth(130)
        spin.valueChanged.connect(self._changed)
        return spin

    # ---- list ---------------------------------------------------------------------------------------------
    def load(self, select_id: str | None = None) -> None:
        reviews = self.services.reviews
        self.infos = reviews.list_rule_sets()
        self.list.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            kind = (self.tr("Issued by the committee") if info.issued else self.tr("Shipped")) if info.builtin \
                else self.tr("Own copy")
            for column, text in enumerate((info.name, format_date(info.effective_from), str(info.version), kind)):
                item = QTableWidgetItem(text)
                item.setToolTip(info.issuing_document)
                self.list.setItem(row, column, item)
        self.year_info = reviews.get_year(self.year) if self.year and reviews.is_open(self.year) else None
        if self.year_info is not None:
            self.year_label.setText(self.tr("The {year} review uses: {name} (version {version}).").format(
                year=self.year, name=self.year_info.rule_set_name, version=self.year_info.rule_set_version))
        elif self.year:
            self.year_label.setText(self.tr("The {year} review is not open; when opened it will use: {name}.")
                                    .format(year=self.year, name=reviews.rule_set_for_year(self.year).name))
        wanted = select_id or (self.current.id if self.current else None) or \
            (self.year_info.rule_set_id if self.year_info else None)
        row = next((i for i, info in enumerate(self.infos) if info.id == wanted), 0)
        self.list.selectRow(row)
        self._selected()

    def _selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        info = self.infos[rows[0].row()]
        if self.current is not None and info.id == self.current.id and self.content is not None:
            return
        if self.is_dirty():
            if not self._may_leave():
                row = next(i for i, x in enumerate(self.infos) if x.id == self.current.id)
                self.list.blockSignals(True)
                self.list.selectRow(row)
                self.list.blockSignals(False)
                return
            # A saved copy's version changed in the list: reload it, then show the row the user chose.
            self.current = self.content = self.baseline = None
            self.load(info.id)
            return
        self.current = info
        self.content = self.services.reviews.rule_set_content(info.id)
        self._show_content()

    def _show_content(self) -> None:
        info, data = self.current, self.content
        self._loading = True
        try:
            self.name.setText(data.get("name", ""))
            self.name.setCursorPosition(0)
            self.document.setPlainText(data.get("issuing_document", ""))
            self.effective.set_value(info.effective_from)
            self._rebuild_scores(data)
            quota = data.get("quota", {})
            self.ratio.setValue(float(Decimal(str(quota.get("ratio", 0.2))) * 100))
            set_combo_data(self.rounding, quota.get("rounding", "floor"))
            self.base.setText(", ".join(level_name(level) for level in quota.get("base_levels", ["htt"])))
            self.quota_note.setPlainText(quota.get("note", ""))
            self.conditions.load(data.get("excellent_conditions", []))
            self.cases.load(data.get("disqualifiers", []))
            notes = data.get("notes", [])
            self.notes.setText("\n".join(f"• {n}" for n in notes))
            self.notes.setVisible(bool(notes))
        finally:
            self._loading = False
        read_only = info.builtin
        for widget in (self.name, self.document, self.quota_note):
            widget.setReadOnly(read_only)
        self.effective.setReadOnly(read_only)
        for widget in (self.ratio, *self.group_edits.values(), *self.band_edits.values()):
            widget.setReadOnly(read_only)
            widget.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons if read_only
                                    else QDoubleSpinBox.ButtonSymbols.UpDownArrows)
        self.rounding.setEnabled(not read_only)
        self.conditions.set_read_only(read_only)
        self.cases.set_read_only(read_only)
        self.banner.setText(self.tr("\"{name}\" is shipped with CellSec from the Party's documents and cannot be "
                                    "edited directly. Use \"Copy to edit\" to make your own copy, then edit the "
                                    "copy.").format(name=info.name))
        self.banner.setVisible(read_only)
        self.save_button.setVisible(not read_only)
        self.delete_button.setEnabled(not read_only)
        self._update_apply()
        self._show("")
        self.baseline = self.edited_content()
        self._changed()

    def _update_apply(self) -> None:
        year_open = self.year_info is not None
        self.apply_button.setVisible(year_open)
        if year_open:
            self.apply_button.setText(self.tr("Use for {year}").format(year=self.year))
            same = self.current is not None and self.current.id == self.year_info.rule_set_id and \
                self.current.version == self.year_info.rule_set_version
            self.apply_button.setEnabled(not same and not self.year_info.submitted)

    # ---- editing ------------------------------------------------------------------------------------------
    def edited_content(self) -> dict:
        """The selected set's JSON with the values on screen."""
        data = copy.deepcopy(self.content)
        data["name"] = self.name.text()
        data["issuing_document"] = self.document.toPlainText()
        try:
            effective = self.effective.value()
        except ValueError:
            effective = None
        data["effective_from"] = effective.isoformat() if effective else ""
        for group in data.get("score_groups", []):
            if group["key"] in self.group_edits:
                group["max"] = _number(self.group_edits[group["key"]].value())
        if self.band_edits:
            data["bands"] = [{"level": level, "min": _number(self.band_edits[level].value())}
                             for level in LEVELS[:-1]] + [{"level": LEVELS[-1], "min": 0}]
        quota = dict(data.get("quota", {}))
        quota["ratio"] = float(Decimal(str(self.ratio.value())) / 100)
        quota["rounding"] = self.rounding.currentData()
        quota["note"] = self.quota_note.toPlainText()
        data["quota"] = quota
        data["excellent_conditions"] = self.conditions.entries(scope_as_list=True)
        data["disqualifiers"] = self.cases.entries(scope_as_list=False)
        return data

    def local_errors(self, data: dict) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not data["name"].strip():
            errors["name"] = self.tr("Give the rule set a name.")
        if self.effective.error():
            errors["effective_from"] = self.effective.error()
        elif not data["effective_from"]:
            errors["effective_from"] = self.tr("Enter the date the rules take effect.")
        for key, spin in self.group_edits.items():
            if spin.value() <= 0:
                errors[f"max_{key}"] = self.tr("The maximum must be above 0.")
        if self.band_edits:
            total = sum(spin.value() for spin in self.group_edits.values())
            mins = [self.band_edits[level].value() for level in LEVELS[:-1]]
            for level, value, lower in zip(LEVELS[:-1], mins, mins[1:] + [0]):
                if value <= lower:
                    errors[f"band_{level}"] = self.tr("Each level must start higher than the level below it.")
                elif value > total:
                    errors[f"band_{level}"] = self.tr("Above the highest possible total ({total}).").format(
                        total=format_score(total))
        if any(not e["text"].strip() for e in data["excellent_conditions"]):
            errors["conditions"] = self.tr("Every condition needs its text (remove the empty ones).")
        if any(not e["text"].strip() for e in data["disqualifiers"]):
            errors["disqualifiers"] = self.tr("Every case needs its text (remove the empty ones).")
        return errors

    def is_dirty(self) -> bool:
        return (self.current is not None and not self.current.builtin and self.baseline is not None
                and self.edited_content() != self.baseline)

    def _changed(self, *_args) -> None:
        if self._loading or self.content is None:
            return
        data = self.edited_content()
        errors = self.local_errors(data) if not self.current.builtin else {}
        for key, message in self.messages.items():
            message.show_result(key, errors, {})
        if self.band_edits:
            self.fail_label.setText(self.tr("below {score} points").format(
                score=format_score(Decimal(str(self.band_edits[LEVELS[-2]].value())))))
        ratio = Decimal(str(self.ratio.value())) / 100
        example = Quota(ratio=ratio, rounding=self.rounding.currentData())
        self.quota_example.setText(self.tr("For example: 4 → {a}, 5 → {b}, 12 → {c}, 30 → {d} allowed.").format(
            a=allowed_excellent(example, 4), b=allowed_excellent(example, 5), c=allowed_excellent(example, 12),
            d=allowed_excellent(example, 30)))
        self.errors = errors
        self.save_button.setEnabled(self.is_dirty() and not errors)

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- actions ------------------------------------------------------------------------------------------
    def copy_selected(self) -> None:
        if self.current is None or (self.is_dirty() and not self._may_leave()):
            return
        try:
            with self.services.ctx.action(self):
                info = self.services.reviews.copy_rule_set(self.current.id)
        except ServiceError as exc:
            self._show(exc.message)
            return
        self.current = None
        self.content = None
        self.load(info.id)

    def delete_selected(self) -> None:
        if self.current is None or self.current.builtin:
            return
        answer = QMessageBox.question(self, self.tr("Delete copy"),
                                      self.tr("Delete the rule set \"{name}\"?").format(name=self.current.name),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                self.services.reviews.delete_rule_set(self.current.id)
        except ServiceError as exc:
            self._show(exc.message)
            return
        self.current = None
        self.content = None
        self.baseline = None
        self.load()

    def _store(self):
        """Save the copy on screen; the RuleSetInfo saved, or None (the reason is shown)."""
        if self.current is None or self.current.builtin:
            return None
        data = self.edited_content()
        if self.local_errors(data):
            return None
        try:
            with self.services.ctx.action(self):
                return self.services.reviews.update_rule_set(self.current.id, data)
        except ValidationFailed as exc:
            self._show(exc.errors.get("content") or exc.message)
        except ServiceError as exc:
            self._show(exc.message)
        return None

    def save(self) -> bool:
        info = self._store()
        if info is None:
            return False
        self.current = self.content = self.baseline = None
        self.load(info.id)
        return True

    def apply_to_year(self) -> None:
        if self.current is None or self.year_info is None:
            return
        if self.is_dirty() and not self.save():
            return
        answer = QMessageBox.question(
            self, self.tr("Use for {year}").format(year=self.year),
            self.tr("Use \"{name}\" for the {year} review? Scores, levels and cases of the year's reviews are then "
                    "checked against it.").format(name=self.current.name, year=self.year),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                self.services.reviews.set_year_rule_set(self.year, self.current.id)
        except ServiceError as exc:
            self._show(exc.message)
            return
        self.load(self.current.id)

    def _may_leave(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this rule set?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self._store() is not None
        if answer == QMessageBox.StandardButton.Discard:
            self.baseline = None
            return True
        return False

    def reject(self) -> None:
        if self.is_dirty() and not self._may_leave():
            return
        super().reject()


def _number(value: float) -> int | float:
    """Whole numbers stay integers in the JSON (90, not 90.0)."""
    return int(value) if float(value).is_integer() else round(value, 2)
