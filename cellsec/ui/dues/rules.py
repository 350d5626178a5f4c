"""Đảng phí — "Quy định mức đóng": the dues rule sets (Quy định 01 of 2026 and the older 342-QĐ/TW set),
each with its categories (a percentage of a basis or a fixed monthly amount), rounding, the share the
cell keeps and the removal threshold. The cell may adjust them (svc.dues.save_rules) and go back to the
shipped values (svc.dues.reset_rules); what the data marks unverified is labelled "chưa xác minh".
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import dues as D
from ...domain.dates import format_date
from ...domain.members import DUES_CATEGORY_LABELS
from ...services.errors import ServiceError
from .sheet import MONEY_PATTERN, money_text, percent_text
from ..common.widgets import WARNING_COLOR, banner, FieldMessage, format_money, muted_label, parse_money, scrolled

VERSION_ROLE = Qt.ItemDataRole.UserRole
SAMPLE_BASIS = 7_250_000  # a salary whose 1 % (72.500 đ) shows what the rounding does


class RulesTab(QWidget):
    def __init__(self, services, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = today
        self.loaded: D.DuesRules | None = None
        self.value_edits: dict[str, QWidget] = {}
        self.note_labels: dict[str, QLabel] = {}

        self.versions = QListWidget()
        self.versions.setObjectName("versions")
        self.versions.setFixedWidth(220)
        self.versions.setWordWrap(True)
        self.versions.setSpacing(3)
        self.versions.currentRowChanged.connect(self._version_chosen)

        editor = self._rules_editor()
        buttons = self._buttons()

        right = QVBoxLayout()
        right.addWidget(scrolled(editor), 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.versions)
        layout.addLayout(right, 1)

        for combo in (self.rounding_unit, self.rounding_mode, self.try_category):
            combo.currentIndexChanged.connect(self._edited)
        self.retained.valueChanged.connect(self._edited)
        self.removal_months.valueChanged.connect(self._edited)
        self.exempt_owe.toggled.connect(self._edited)
        self.try_basis.textChanged.connect(self._edited)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.retranslate()

    def _rules_editor(self) -> QWidget:
        """The chosen version: its title and source, the rates by category, the settings, a try-out."""
        self.unverified_banner = banner("unverified")
        self.title = QLabel()
        self.title.setObjectName("rules_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.source = QLabel()
        self.source.setObjectName("source")
        self.source.setWordWrap(True)
        self.effective = muted_label(name="effective")

        # One row per category: its name, the rate or amount (editable), what it is of, and the rule's note.
        self.categories_box = QGroupBox()
        self.categories = QGridLayout(self.categories_box)
        self.categories.setHorizontalSpacing(10)
        self.categories.setVerticalSpacing(2)
        self.categories.setColumnStretch(2, 1)
        self.category_widgets: list[QWidget] = []

        self.settings_box = self._settings_box()

        self.try_box = self._try_box()

        self.notes_title = QLabel()
        self.notes_title.setStyleSheet("font-weight: bold;")
        self.notes = muted_label(name="notes")
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        editor = QWidget()
        body = QVBoxLayout(editor)
        body.addWidget(self.unverified_banner)
        body.addWidget(self.title)
        body.addWidget(self.source)
        body.addWidget(self.effective)
        body.addWidget(self.categories_box)
        body.addWidget(self.settings_box)
        body.addWidget(self.try_box)
        body.addWidget(self.notes_title)
        body.addWidget(self.notes)
        body.addStretch(1)
        return editor

    def _settings_box(self) -> QGroupBox:
        """Rounding, the share the cell keeps, the removal threshold, whether exempt members owe."""
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.rounding_unit = QComboBox()
        self.rounding_unit.setObjectName("rounding_unit")
        for unit in D.ROUNDING_UNITS:
            self.rounding_unit.addItem("", unit)
        self.rounding_mode = QComboBox()
        self.rounding_mode.setObjectName("rounding_mode")
        for mode in D.ROUNDING_MODES:
            self.rounding_mode.addItem("", mode)
        rounding = QHBoxLayout()
        rounding.addWidget(self.rounding_unit)
        rounding.addWidget(self.rounding_mode, 1)
        self.rounding_label = QLabel()
        form.addRow(self.rounding_label, rounding)
        self.retained = QDoubleSpinBox()
        self.retained.setObjectName("retained_percent")
        self.retained.setRange(0, 100)
        self.retained.setDecimals(1)
        self.retained.setSuffix(" %")
        self.retained.setFixedWidth(self.fontMetrics().horizontalAdvance("100,0 %") + 40)
        self.remitted_hint = muted_label(name="remitted_hint")
        retained = QHBoxLayout()
        retained.addWidget(self.retained)
        retained.addWidget(self.remitted_hint, 1)
        self.retained_label = QLabel()
        form.addRow(self.retained_label, retained)
        self.removal_months = QSpinBox()
        self.removal_months.setObjectName("removal_months")
        self.removal_months.setRange(1, 12)
        self.removal_months.setFixedWidth(self.fontMetrics().horizontalAdvance("12") + 50)
        self.removal_label = QLabel()
        self.removal_label.setWordWrap(True)
        form.addRow(self.removal_label, self.removal_months)
        self.exempt_owe = QCheckBox()
        self.exempt_owe.setObjectName("exempt_owe")
        form.addRow("", self.exempt_owe)
        return self.settings_box

    def _try_box(self) -> QGroupBox:
        """Try the rules: a category and a basis give the amount due."""
        self.try_box = QGroupBox()
        self.try_category = QComboBox()
        self.try_category.setObjectName("try_category")
        self.try_basis = QLineEdit(format_money(SAMPLE_BASIS))
        self.try_basis.setObjectName("try_basis")
        self.try_basis.setValidator(QRegularExpressionValidator(MONEY_PATTERN, self.try_basis))
        self.try_basis.setMaximumWidth(140)
        self.try_basis.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.try_result = QLabel()
        self.try_result.setObjectName("try_result")
        self.try_result.setTextFormat(Qt.TextFormat.RichText)
        try_row = QHBoxLayout(self.try_box)
        try_row.addWidget(self.try_category)
        try_row.addWidget(self.try_basis)
        try_row.addWidget(self.try_result, 1)
        return self.try_box

    def _buttons(self) -> QHBoxLayout:
        self.message = FieldMessage()
        self.message.setObjectName("message")
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_rules")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self._show_loaded)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset_rules")
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        return buttons

    # ---- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.categories_box.setTitle(self.tr("Rates by category"))
        self.settings_box.setTitle(self.tr("Rounding and sharing"))
        for i in range(self.rounding_unit.count()):
            self.rounding_unit.setItemText(i, D.ROUNDING_LABELS[self.rounding_unit.itemData(i)].format())
        modes = {"half_up": self.tr("to the nearest (half up)"), "up": self.tr("always up"),
                 "down": self.tr("always down")}
        for i in range(self.rounding_mode.count()):
            self.rounding_mode.setItemText(i, modes[self.rounding_mode.itemData(i)])
        self.rounding_label.setText(self.tr("Rounding:"))
        self.retained_label.setText(self.tr("Kept by the cell:"))
        self.removal_label.setText(self.tr("Unpaid months in a year\nfor the removal reminder:"))
        self.exempt_owe.setText(self.tr("Members exempted from activities still owe dues"))
        self.try_box.setTitle(self.tr("Try it"))
        self.try_basis.setToolTip(self.tr("A basis in đồng, e.g. a salary"))
        self.notes_title.setText(self.tr("Notes"))
        self.save_button.setText(self.tr("Save the rules (Ctrl+S)"))
        self.discard_button.setText(self.tr("Discard changes"))
        self.reset_button.setText(self.tr("Restore the defaults"))
        self.reset_button.setToolTip(self.tr("Go back to the rates shipped with the program"))
        self.load()

    # ---- loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """Re-read the rule sets, keeping the chosen version (the one in force today at first)."""
        chosen = self.versions.currentItem().data(VERSION_ROLE) if self.versions.currentItem() else None
        try:
            all_rules = self.services.dues.rules()
            in_force = self.services.dues.rules_for(self.today()).version
        except ServiceError as exc:
            self.message.set_error(exc.message)
            return
        self.rules_by_version = {r.version: r for r in all_rules}
        self.versions.blockSignals(True)
        self.versions.clear()
        for rules in reversed(all_rules):  # newest first
            lines = [rules.name or rules.version,
                     self.tr("From {date}").format(date=format_date(rules.effective_from))]
            tags = []
            if rules.version == in_force:
                tags.append(self.tr("in force"))
            if self.services.dues.is_customised(rules.version):
                tags.append(self.tr("adjusted by the cell"))
            if tags:
                lines[-1] += " · " + ", ".join(tags)
            item = QListWidgetItem("\n".join(lines), self.versions)
            item.setData(VERSION_ROLE, rules.version)
        self.versions.blockSignals(False)
        target = chosen if chosen in self.rules_by_version else in_force
        self._select_version(target)
        if self.loaded is not None and self.loaded.version == target and self.is_dirty():
            return  # a change elsewhere (or a language switch) must not throw away what is being typed
        self.loaded = copy.deepcopy(self.rules_by_version[target])
        self._show_loaded()

    def _version_chosen(self, row: int) -> None:
        if row < 0:
            return
        version = self.versions.item(row).data(VERSION_ROLE)
        if self.loaded is not None and self.loaded.version != version and self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Dues rules"),
                self.tr("Discard the unsaved changes to \"{name}\"?").format(name=self.loaded.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self._select_version(self.loaded.version)
                return
        self.loaded = copy.deepcopy(self.rules_by_version[version])
        self._show_loaded()

    def _select_version(self, version: str) -> None:
        self.versions.blockSignals(True)
        for row in range(self.versions.count()):
            if self.versions.item(row).data(VERSION_ROLE) == version:
                self.versions.setCurrentRow(row)
        self.versions.blockSignals(False)

    def _show_loaded(self) -> None:
        rules = self.loaded
        if rules is None:
            return
        self.title.setText(rules.name or rules.version)
        self.source.setText(self.tr("Document: {document}").format(document=rules.document or "—"))
        effective = self.tr("In force from {date}.").format(date=format_date(rules.effective_from))
        if self.services.dues.is_customised(rules.version):
            effective += " " + self.tr("The cell has adjusted these rules; \"Restore the defaults\" goes back to "
                                       "the shipped values.")
        self.effective.setText(effective)
        self.unverified_banner.setText(self.tr(
            "Not verified: these rules were taken from press reports and secondary sources, not from the original "
            "document. Check them against your committee's guidance and adjust what differs."))
        self.unverified_banner.setVisible(rules.unverified)
        self._fill_categories(rules)
        for widget in (self.rounding_unit, self.rounding_mode, self.retained, self.removal_months, self.exempt_owe,
                       self.try_category):
            widget.blockSignals(True)
        self.rounding_unit.setCurrentIndex(max(self.rounding_unit.findData(rules.rounding_unit), 0))
        self.rounding_mode.setCurrentIndex(max(self.rounding_mode.findData(rules.rounding_mode), 0))
        self.retained.setValue(float(rules.retained_percent))
        self.removal_months.setValue(rules.removal_unpaid_months)
        self.exempt_owe.setChecked(rules.exempt_members_owe)
        chosen = self.try_category.currentData()
        self.try_category.clear()
        for key, rule in rules.categories.items():
            if rule.kind == "percent":
                self.try_category.addItem(D.CATEGORY_SHORT[key].format(), key)
        self.try_category.setCurrentIndex(max(self.try_category.findData(chosen), 0))
        for widget in (self.rounding_unit, self.rounding_mode, self.retained, self.removal_months, self.exempt_owe,
                       self.try_category):
            widget.blockSignals(False)
        notes = "".join(f"<li>{_html(note)}</li>" for note in rules.notes)
        self.notes.setText(f"<ul style='margin-left: -20px'>{notes}</ul>" if notes else "")
        self.notes.setVisible(bool(notes))
        self.notes_title.setVisible(bool(notes))
        self.reset_button.setEnabled(self.services.dues.is_customised(rules.version))
        self.message.clear_message()
        self._edited()

    def _fill_categories(self, rules: D.DuesRules) -> None:
        self.value_edits.clear()
        self.note_labels.clear()
        for widget in self.category_widgets:
            self.categories.removeWidget(widget)
            widget.hide()  # at once: deleteLater() only acts on the next pass of the event loop
            widget.deleteLater()
        self.category_widgets = []
        bold = QFont(self.font())
        bold.setBold(True)
        name_width = QFontMetrics(bold).horizontalAdvance("Đóng bảo hiểm xã hội bắt buộc") + 8
        for index, (key, rule) in enumerate(rules.categories.items()):
            name = QLabel(DUES_CATEGORY_LABELS[key].format())
            name.setWordWrap(True)
            name.setFixedWidth(name_width)
            name.setStyleSheet("font-weight: bold;")
            if rule.kind == "percent":
                basis = D.BASIS_LABELS[rule.basis].format()
                how = self.tr("of the {basis}").format(basis=basis[:1].lower() + basis[1:])
                edit = QDoubleSpinBox()
                edit.setRange(0.01, 100)
                edit.setDecimals(2)
                edit.setSingleStep(0.5)
                edit.setSuffix(" %")
                edit.setValue(float(rule.percent))
                edit.valueChanged.connect(self._edited)
            else:
                how = self.tr("đồng per month, a fixed amount")
                edit = QLineEdit(format_money(rule.amount))
                edit.setValidator(QRegularExpressionValidator(MONEY_PATTERN, edit))
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                edit.textChanged.connect(self._edited)
            edit.setObjectName(f"value_{key}")
            edit.setFixedWidth(self.fontMetrics().horizontalAdvance("000.000.000") + 40)
            self.value_edits[key] = edit
            how_label = QLabel(how)
            how_label.setWordWrap(True)
            note = muted_label(_html(rule.note), name=f"note_{key}")
            self.note_labels[key] = note
            note.setTextFormat(Qt.TextFormat.RichText)
            if rule.unverified:
                flag = _html(self.tr("Not verified."))
                note.setText(f"<span style='color:{WARNING_COLOR}'><b>{flag}</b></span> " + _html(rule.note))
            row = index * 2
            self.categories.addWidget(name, row, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
            self.categories.addWidget(edit, row, 1)
            self.categories.addWidget(how_label, row, 2)
            self.categories.addWidget(note, row + 1, 1, 1, 2)
            self.category_widgets += [name, edit, how_label, note]

    # ---- editing ------------------------------------------------------------------------------------
    def collect(self) -> tuple[D.DuesRules | None, str]:
        """The rules as edited, or None and the reason they cannot be."""
        if self.loaded is None:
            return None, ""
        rules = copy.deepcopy(self.loaded)
        rules.rounding_unit = self.rounding_unit.currentData()
        rules.rounding_mode = self.rounding_mode.currentData()
        rules.retained_percent = Decimal(str(round(self.retained.value(), 1))).normalize()
        rules.removal_unpaid_months = self.removal_months.value()
        rules.exempt_members_owe = self.exempt_owe.isChecked()
        for key, edit in self.value_edits.items():
            rule = rules.categories[key]
            if isinstance(edit, QDoubleSpinBox):
                rule.percent = Decimal(str(round(edit.value(), 2))).normalize()
            else:
                amount = parse_money(edit.text())
                if amount is None or amount > D.MAX_AMOUNT:
                    return None, self.tr("The amount of \"{category}\" is not a valid amount in đồng.").format(
                        category=DUES_CATEGORY_LABELS[key].format())
                rule.amount = amount
        try:
            D.check_rules(rules)
        except D.DuesRuleError as exc:
            return None, exc.message
        return rules, ""

    def confirm_leave(self) -> bool:
        """True when the rules may be left: nothing unsaved, saved now, or discarded on the user's answer."""
        if self.loaded is None or not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Dues rules"),
            self.tr("The changes to \"{name}\" are not saved. Save them now?").format(name=self.loaded.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            return self.save()
        if answer == QMessageBox.StandardButton.No:
            self._show_loaded()
            return True
        return False

    def is_dirty(self) -> bool:
        rules, error = self.collect()
        if rules is None:
            return bool(error)
        return D.rules_to_dict(rules) != D.rules_to_dict(self.loaded)

    def _edited(self, *_args) -> None:
        rules, error = self.collect()
        self.rounding_mode.setEnabled(self.rounding_unit.currentData() != 1)
        self.remitted_hint.setText(self.tr("the remaining {percent}% is remitted to the committee above").format(
            percent=percent_text(Decimal(100) - Decimal(str(round(self.retained.value(), 1))))))
        dirty = error != "" or (rules is not None and D.rules_to_dict(rules) != D.rules_to_dict(self.loaded))
        self.save_button.setEnabled(rules is not None and dirty)
        self.discard_button.setEnabled(dirty)
        if error:
            self.message.set_error(error)
        elif dirty:
            self.message.set_warning(self.tr("Changed, not saved yet."))
        else:
            self.message.clear_message()
        self._try(rules)

    def _try(self, rules: D.DuesRules | None) -> None:
        key = self.try_category.currentData()
        basis = parse_money(self.try_basis.text())
        if rules is None or key is None or basis is None or rules.rule(key) is None:
            self.try_result.setText("")
            return
        rule = rules.rule(key)
        whole, fraction = divmod(Decimal(basis) * rule.percent / Decimal(100), 1)
        exact_text = format_money(int(whole)) + ("," + format(fraction.normalize(), "f")[2:] if fraction else "")
        self.try_result.setText(self.tr("{percent}% × {basis} = {exact} đ → due <b>{due}</b>").format(
            percent=percent_text(rule.percent), basis=money_text(basis), exact=exact_text,
            due=money_text(self.services.dues.preview_line(rules, self.today(), key, basis, 0, None, "").amount_due)))

    def save(self) -> bool:
        rules, error = self.collect()
        if rules is None:
            if error:
                self.message.set_error(error)
            return False
        if D.rules_to_dict(rules) == D.rules_to_dict(self.loaded):
            return True
        try:
            with self.services.ctx.action(self):  # the page does not reload this tab for its own save
                self.services.dues.save_rules(rules)
        except ServiceError as exc:
            self.message.set_error(exc.message)
            return False
        self.loaded = None  # the saved version is read back by load(), nothing is left to discard
        self.load()
        self.message.set_warning(self.tr("Saved. Months not yet recorded use the new rules; recorded months keep "
                                         "their amounts."))
        return True

    def reset(self) -> None:
        if self.loaded is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore the defaults"),
            self.tr("Go back to the shipped values of \"{name}\"? The cell's adjustments to it are dropped "
                    "(Edit → Undo brings them back).").format(name=self.loaded.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.services.ctx.action(self):
                self.services.dues.reset_rules(self.loaded.version)
        except ServiceError as exc:
            self.message.set_error(exc.message)
            return
        self.loaded = None
        self.load()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
