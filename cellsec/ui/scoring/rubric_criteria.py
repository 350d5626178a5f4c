"""The "groups and criteria" tab of the rubric editor: the tree of groups and criteria, the detail of the
chosen one (text, maximum, hint, automatic source and its rule with its steps), adding, removing and
moving items. It edits the rubric it is given in place and says so with `edited`."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import rubrics as R

OK_COLOR = "#2e7d32"
OBJECT_ROLE = Qt.ItemDataRole.UserRole
_NUMBER = re.compile(r"^-?\d{0,7}([.,]\d{0,2})?$")


def points_text(value: float) -> str:
    return R.format_points(value)


_pts = points_text


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



class CriteriaEditor(QWidget):
    """Groups and criteria of `rubric` (edited in place); `edited` after every change."""

    edited = Signal()
    revealed = Signal()  # a new criterion wants its text typed: the holder shows this tab

    def __init__(self, services, rubric: R.Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rubric = rubric
        self.current: object | None = None
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
        self.retranslate()
        self.rebuild_tree()

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
        self.steps_holder = self._steps_editor()
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

    def _steps_editor(self) -> QWidget:
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
        return self.steps_holder

    def retranslate(self) -> None:
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

    def _group_text(self, group: R.CriteriaGroup) -> str:
        return f"{group.id}. {group.title}"

    def rebuild_tree(self, select: object | None = None) -> None:
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
        self.edited.emit()

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
        self.edited.emit()

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
        self.edited.emit()

    def add_step(self) -> None:
        c = self.current
        if isinstance(c, R.Criterion) and c.auto is not None:
            c.auto.steps.append(R.Step("at_least", 0.0, 0.0))
            self._fill_steps(c)
            self.edited.emit()

    def remove_step(self) -> None:
        c = self.current
        row = self.steps.currentRow()
        if isinstance(c, R.Criterion) and c.auto is not None and 0 <= row < len(c.auto.steps):
            del c.auto.steps[row]
            self._fill_steps(c)
            self.edited.emit()

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
        self.rebuild_tree(group)
        self.edited.emit()

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
        self.rebuild_tree(criterion)
        self.revealed.emit()
        self.criterion_text.setFocus()
        self.criterion_text.selectAll()
        self.edited.emit()

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
        self.rebuild_tree()
        self.edited.emit()

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
            self.rebuild_tree(current)
            self.edited.emit()

