"""Pieces shared by the review screens (member review, collective review, the year's page): level and
status names, the form's text sections, the assessment panel (scores or criterion grades, conditions of the
top level, disqualifying cases, the proposed level with what the rules allow, shown live), the decision
fields."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.review_rules import LEVEL_NAMES, LEVEL_SHORT, LEVELS, FormType, RuleSet
from ...domain.reviews import format_score, numbered_sections
from ...services.reviews.records import DecisionInput
from ..common.widgets import ERROR_COLOR, MUTED, WARNING_COLOR, DateEdit, FieldMessage, muted_label, set_combo_data, with_message

OK_COLOR = "#2e7d32"


def level_name(level: str | None) -> str:
    return LEVEL_NAMES[level].format() if level in LEVEL_NAMES else ""


def level_short(level: str | None) -> str:
    return LEVEL_SHORT.get(level or "", "")


class ReviewTexts(QObject):
    """Texts used by several review screens (one translation context for them)."""

    def status(self, status: str) -> str:
        return {"draft": self.tr("Draft"), "submitted": self.tr("Submitted"),
                "decided": self.tr("Decided")}.get(status, status)

    def not_chosen(self) -> str:
        return self.tr("(not chosen)")

    def rounding(self, rounding: str) -> str:
        return {"floor": self.tr("rounded down"), "round": self.tr("rounded to nearest"),
                "ceil": self.tr("rounded up")}.get(rounding, rounding)

    def stage(self, stage: str) -> str:
        return {"submitted": self.tr("Submitted"), "decided": self.tr("Decision recorded"),
                "amended": self.tr("Amendment")}.get(stage, stage)


TEXTS = ReviewTexts()


def level_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(TEXTS.not_chosen(), "")
    for level in LEVELS:
        combo.addItem(level_name(level), level)
    return combo


class ClickLabel(QLabel):
    """The wrapped text of a checkbox (QCheckBox itself cannot wrap); clicking it toggles the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)

    def mousePressEvent(self, event) -> None:
        if self.box.isEnabled():
            self.box.toggle()
        super().mousePressEvent(event)


def check_row(text: str, name: str) -> tuple[QWidget, QCheckBox, ClickLabel]:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox()
    box.setObjectName(name)
    label = ClickLabel(text, box)
    label.setObjectName(f"{name}_text")
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box, label


# ---- the form's free-text sections -------------------------------------------------------------------------
class SectionsEditor(QWidget):
    """The sections of a form ("I. Ưu điểm… / 1. Về tư tưởng…") as text fields. Sections the form marks
    `prefill` can be filled from the member's commitments or last year's shortcomings."""

    changed = Signal()

    def __init__(self, form: FormType, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.fill_buttons: dict[str, QPushButton] = {}
        self.hints: dict[str, QLabel] = {}
        self.prefill: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        for s in numbered_sections(form):
            if s.first_in_part:
                part = QLabel(f"{s.part_number}. {s.part_title}")
                part.setWordWrap(True)
                part.setStyleSheet("font-weight: bold; margin-top: 6px;")
                layout.addWidget(part)
            edit = QPlainTextEdit()
            edit.setObjectName(f"section_{s.key}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(78)
            edit.setMaximumHeight(140)
            edit.textChanged.connect(self.changed)
            self.edits[s.key] = edit
            row = QHBoxLayout()
            title = QLabel(f"{s.number}. {s.title}" if s.number else "")
            title.setWordWrap(True)
            row.addWidget(title, 1)
            if s.prefill:
                button = QPushButton(self.prefill_button_text(s.prefill))
                button.setObjectName(f"prefill_{s.key}")
                button.setToolTip(self.tr("Replace the text with the suggested one"))
                button.clicked.connect(lambda _=False, k=s.key: self.fill(k, replace=True))
                button.setEnabled(False)
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
                self.fill_buttons[s.key] = button
            if s.number or s.prefill:
                layout.addLayout(row)
            layout.addWidget(edit)
            if s.prefill:
                hint = muted_label(name=f"prefill_hint_{s.key}")
                hint.hide()
                layout.addWidget(hint)
                self.hints[s.key] = hint
        layout.addStretch(1)

    def prefill_button_text(self, kind: str) -> str:
        return self.tr("Fill from commitments") if kind == "commitments" else self.tr("Fill from last year")

    def values(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.edits.items() if edit.toPlainText().strip()}

    def set_values(self, values: dict[str, str]) -> None:
        for key, edit in self.edits.items():
            edit.setPlainText(values.get(key, ""))

    def set_prefill(self, prefill: dict[str, str], fill_empty: bool) -> None:
        """Offer the suggested texts; with `fill_empty`, put them in sections that are still empty."""
        self.prefill = dict(prefill)
        for key, button in self.fill_buttons.items():
            available = bool(self.prefill.get(key))
            button.setEnabled(available and not self.edits[key].isReadOnly())
            if not available:
                self.hints[key].hide()
            if fill_empty and available and not self.edits[key].toPlainText().strip():
                self.fill(key, replace=True)

    def fill(self, key: str, replace: bool) -> None:
        text = self.prefill.get(key, "")
        if not text:
            return
        if replace or not self.edits[key].toPlainText().strip():
            self.edits[key].setPlainText(text)
        hint = self.hints[key]
        hint.setText(self.tr("Suggested text filled in: check and complete it."))
        hint.show()

    def set_read_only(self, read_only: bool) -> None:
        for key, edit in self.edits.items():
            edit.setReadOnly(read_only)
            if key in self.fill_buttons:
                self.fill_buttons[key].setEnabled(not read_only and bool(self.prefill.get(key)))


# ---- scores / grades, conditions, disqualifying cases, the proposed level ----------------------------------
class AssessmentEditor(QWidget):
    """Everything that decides a level: self-scores per group (or the criteria grades of a 2023 set), the
    extra conditions of the top level, the disqualifying cases with their evidence, and the proposed level.
    It shows the service's check (ReviewCheck) live: the level from the score, the best level allowed and
    why, and the refusal next to the level field."""

    changed = Signal()

    def __init__(self, rules: RuleSet, scope: str, form_type: str | None, level_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        self.score_edits: dict[str, QLineEdit] = {}
        self.grade_combos: dict[str, QComboBox] = {}
        self.condition_boxes: dict[str, QCheckBox] = {}
        self.case_boxes: dict[str, QCheckBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        self.messages: dict[str, FieldMessage] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        boxes: dict[str, QGroupBox] = {}

        boxes["scores"] = self._scores_box(rules) if rules.uses_points else self._grades_box(rules, scope)
        if rules.conditions_for(scope):
            boxes["conditions"] = self._conditions_box(rules.conditions_for(scope))
        if rules.disqualifiers_for(scope, form_type):
            boxes["cases"] = self._cases_box(rules.disqualifiers_for(scope, form_type))
        boxes["level"] = self._level_box(rules, level_label)
        # The level right under the scores: what the user just entered decides it, visible without scrolling.
        for key in ("scores", "level", "conditions", "cases"):
            if key in boxes:
                layout.addWidget(boxes[key])
        layout.addStretch(1)

    def _scores_box(self, rules: RuleSet) -> QGroupBox:
        box = QGroupBox(self.tr("Self-assessed score"))
        box.setObjectName("scores_box")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # long group names above the field
        number = QRegularExpressionValidator(QRegularExpression(r"\d{0,3}([.,]\d{0,2})?"), self)
        for group in rules.score_groups:
            edit = QLineEdit()
            edit.setObjectName(f"score_{group.key}")
            edit.setValidator(number)
            edit.setMaximumWidth(90)
            edit.setPlaceholderText(self.tr("0–{max}").format(max=format_score(group.max)))
            edit.textChanged.connect(self.changed)
            row = QHBoxLayout()
            row.addWidget(edit)
            row.addWidget(QLabel(self.tr("/ {max} points").format(max=format_score(group.max))))
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            field, message = with_message(holder)
            form.addRow(group.name + ":", field)
            self.score_edits[group.key] = edit
            self.messages[f"score_{group.key}"] = message
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        self.total_label.setStyleSheet("font-weight: bold;")
        form.addRow(self.total_label)
        return box

    def _grades_box(self, rules: RuleSet, scope: str) -> QGroupBox:
        box = QGroupBox(self.tr("Self-assessment of each criterion"))
        box.setObjectName("grades_box")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for criterion in rules.criteria_for(scope):
            combo = QComboBox()
            combo.setObjectName(f"grade_{criterion.key}")
            combo.addItem(TEXTS.not_chosen(), "")
            for grade in rules.grades:
                combo.addItem(grade.name, grade.key)
            combo.currentIndexChanged.connect(self.changed)
            field, message = with_message(combo)
            name = QLabel(criterion.name + ":")
            name.setWordWrap(True)
            form.addRow(name, field)
            self.grade_combos[criterion.key] = combo
            self.messages[f"grade_{criterion.key}"] = message
        self.total_label = QLabel()
        self.total_label.hide()
        return box

    def _conditions_box(self, conditions) -> QGroupBox:
        box = QGroupBox(self.tr("Conditions for \"{level}\"").format(level=level_name("htxs")))
        box.setObjectName("conditions_box")
        inner = QVBoxLayout(box)
        for c in conditions:
            row, check, _label = check_row(c.text, f"condition_{c.key}")
            check.toggled.connect(self.changed)
            inner.addWidget(row)
            self.condition_boxes[c.key] = check
        return box

    def _cases_box(self, cases) -> QGroupBox:
        box = QGroupBox(self.tr("Cases rated \"{level}\"").format(level=level_name("kht")))
        box.setObjectName("cases_box")
        inner = QVBoxLayout(box)
        inner.addWidget(muted_label(self.tr("Tick a case only on the basis of a decision or conclusion, "
                                            "and write it in the field under the case.")))
        for d in cases:
            row, check, _label = check_row(d.text, f"disqualifier_{d.key}")
            inner.addWidget(row)
            evidence = QLineEdit()
            evidence.setObjectName(f"evidence_{d.key}")
            evidence.setPlaceholderText(self.tr("Evidence: decision or conclusion no., date, body…"))
            field, message = with_message(evidence)
            field.setContentsMargins(24, 0, 0, 0)
            field.setVisible(False)
            inner.addWidget(field)
            check.toggled.connect(field.setVisible)
            check.toggled.connect(self.changed)
            evidence.textChanged.connect(self.changed)
            self.case_boxes[d.key] = check
            self.evidence[d.key] = evidence
            self.messages[f"disqualifier_{d.key}"] = message
        return box

    def _level_box(self, rules: RuleSet, level_label: str) -> QGroupBox:
        # A plain vertical layout: wrapped messages (the reasons, a refused level) get their full height,
        # which a QFormLayout row inside a scroll area does not give them.
        box = QGroupBox(self.tr("Classification"))
        box.setObjectName("level_box")
        column = QVBoxLayout(box)
        form = QFormLayout()
        self.derived_label = QLabel()
        self.derived_label.setObjectName("derived")
        form.addRow(self.tr("Level from the score:") if rules.uses_points else self.tr("Level from the grades:"),
                    self.derived_label)
        self.ceiling_label = QLabel()
        self.ceiling_label.setObjectName("ceiling")
        form.addRow(self.tr("Best level allowed:"), self.ceiling_label)
        column.addLayout(form)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("reasons")
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setStyleSheet(f"color: {WARNING_COLOR};")
        column.addWidget(self.reasons_label)
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel(level_label + ":"))
        self.level = level_combo("self_level")
        self.level.currentIndexChanged.connect(self.changed)
        level_row.addWidget(self.level, 1)
        column.addLayout(level_row)
        message = FieldMessage()
        self.messages["self_level"] = message
        column.addWidget(message)
        return box

    # -- values --
    def load(self, scores: dict, grades: dict, conditions: Iterable[str], disqualifiers: dict[str, str],
             level: str | None) -> None:
        for key, edit in self.score_edits.items():
            value = scores.get(key)
            # Stored scores are numbers; scores carried over from the screen are the text as typed.
            edit.setText(value if isinstance(value, str) else format_score(value) if value is not None else "")
        for key, combo in self.grade_combos.items():
            set_combo_data(combo, grades.get(key, ""))
        met = set(conditions)
        for key, box in self.condition_boxes.items():
            box.setChecked(key in met)
        for key, box in self.case_boxes.items():
            box.setChecked(key in disqualifiers)
            self.evidence[key].setText(disqualifiers.get(key, ""))
        set_combo_data(self.level, level)

    def scores(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.score_edits.items()}

    def grades(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.grade_combos.items() if combo.currentData()}

    def conditions(self) -> list[str]:
        return [key for key, box in self.condition_boxes.items() if box.isChecked()]

    def disqualifiers(self) -> dict[str, str]:
        return {key: self.evidence[key].text() for key, box in self.case_boxes.items() if box.isChecked()}

    def level_value(self) -> str | None:
        return self.level.currentData() or None

    # -- the live check --
    def show_check(self, check) -> None:
        a = check.assessment
        if self.rules.uses_points:
            self.total_label.setText(self.tr("Total: {total} / {max} points").format(
                total=format_score(a.total), max=format_score(self.rules.max_total)) if a.total is not None
                else self.tr("Total: not every group has a score yet"))
        if a.derived is None:
            self.derived_label.setText(self.tr("not determined yet"))
            self.derived_label.setStyleSheet(MUTED)
        else:
            self.derived_label.setText(level_name(a.derived))
            self.derived_label.setStyleSheet("font-weight: bold;")
        if a.ceiling is None:
            self.ceiling_label.setText(self.tr("not determined yet"))
            self.ceiling_label.setStyleSheet(MUTED)
        else:
            self.ceiling_label.setText(level_name(a.ceiling))
            lowered = a.derived is not None and a.ceiling != a.derived or a.forced_fail
            self.ceiling_label.setStyleSheet(f"font-weight: bold; color: {ERROR_COLOR if lowered else OK_COLOR};")
        self.reasons_label.setText("\n".join(f"• {r}" for r in a.reasons))
        self.reasons_label.setVisible(bool(a.reasons))
        self.show_messages(check.errors, check.warnings)

    def show_messages(self, errors: dict[str, str], warnings: dict[str, str]) -> None:
        for key, message in self.messages.items():
            message.show_result(key, errors, warnings)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (*self.score_edits.values(), *self.evidence.values()):
            edit.setReadOnly(read_only)
        for widget in (*self.grade_combos.values(), *self.condition_boxes.values(), *self.case_boxes.values(),
                       self.level):
            widget.setEnabled(not read_only)


# ---- the decision above ---------------------------------------------------------------------------------------
class DecisionEditor(QWidget):
    """The level decided by the committee above, with the decision's number and date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.level = level_combo("decided_level")
        self.number = QLineEdit()
        self.number.setObjectName("decision_no")
        self.number.setMaxLength(60)
        self.number.setPlaceholderText(self.tr("e.g. 112-QĐ/ĐU"))
        self.date = DateEdit()
        self.date.setObjectName("decision_date")
        self.date.setMaximumWidth(160)
        self.messages: dict[str, FieldMessage] = {}
        for key, label, widget in (("level", self.tr("Decided level:"), self.level),
                                   ("decision_no", self.tr("Decision no.:"), self.number),
                                   ("decision_date", self.tr("Decision date:"), self.date)):
            field, message = with_message(widget)
            form.addRow(label, field)
            self.messages[key] = message
        self.level.currentIndexChanged.connect(self.changed)
        self.number.textChanged.connect(self.changed)
        self.date.date_changed.connect(self.changed)

    def load(self, level: str | None, number: str, date) -> None:
        set_combo_data(self.level, level)
        self.number.setText(number or "")
        self.date.set_value(date)

    def value(self) -> tuple[DecisionInput, dict[str, str]]:
        """The decision as typed, plus a local error for a date that is not a date."""
        error = self.date.error()
        decision = DecisionInput(self.level.currentData() or None, self.number.text(),
                                 None if error else self.date.value())
        return decision, ({"decision_date": error} if error else {})

    def is_empty(self) -> bool:
        return not (self.level.currentData() or self.number.text().strip() or self.date.text().strip())

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, message in self.messages.items():
            if key == "decision_date" and self.date.is_being_typed():
                message.clear_message()
            else:
                message.show_result(key, errors, {})

    def set_read_only(self, read_only: bool) -> None:
        self.level.setEnabled(not read_only)
        self.number.setReadOnly(read_only)
        self.date.setReadOnly(read_only)
        self.date.setClearButtonEnabled(not read_only)


def score_text(value: Decimal | None) -> str:
    return format_score(value) if value is not None else ""
