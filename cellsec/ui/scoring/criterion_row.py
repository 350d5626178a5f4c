"""One criterion of a score sheet (`CriterionRow`: its text, hint, automatic value, points box and note),
the points box, and the sheet's shared texts."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import rubrics as R
from ...domain import scores as S
from ...domain.review_rules import LEVEL_NAMES
from ..common.widgets import WARNING_COLOR, FieldMessage

OK_COLOR = "#2e7d32"
AUTO_BADGE = "background: #e3ecf7; color: #1f4e79; border-radius: 3px; padding: 0 4px;"
EDITED_BADGE = "background: #fff4d6; color: #8a5300; border-radius: 3px; padding: 0 4px;"
MUTED = "color: palette(placeholder-text);"
_NUMBER = re.compile(r"^-?\d{0,4}([.,]\d{0,2})?$")
_LEVEL_BY_VALUE = {v: k for k, v in S.LEVEL_VALUES.items()}


def points_text(value: float | None) -> str:
    return "" if value is None else R.format_points(value)


class PointsBox(QDoubleSpinBox):
    """Points of one criterion, shown the Vietnamese way (12,5). "—" until scored (the value just under 0).

    The box accepts up to the rubric format's limit rather than the criterion's maximum, so a number
    above the maximum stays visible with its message (Qt would silently refuse the keystroke)."""

    def __init__(self, limit: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setDecimals(2)
        self.setRange(-1.0, float(R.MAX_POINTS))
        self.setSingleStep(0.5)
        self.setSpecialValueText("—")
        self.setValue(-1.0)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.UpDownArrows)
        self.setMinimumWidth(84)

    def points(self) -> float | None:
        return None if self.value() < 0 else round(self.value(), 2)

    def set_points(self, value: float | None) -> None:
        self.setValue(-1.0 if value is None else float(value))

    def textFromValue(self, value: float) -> str:
        return "—" if value < 0 else R.format_points(round(value, 2))

    def valueFromText(self, text: str) -> float:
        text = text.strip()
        if not text or text == "—":
            return -1.0
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return -1.0

    def validate(self, text: str, pos: int):
        stripped = text.strip()
        if stripped in ("", "—"):
            return QValidator.State.Acceptable, text, pos
        if stripped in ("-", ",", "."):
            return QValidator.State.Intermediate, text, pos
        if not _NUMBER.match(stripped):
            return QValidator.State.Invalid, text, pos
        value = float(stripped.replace(",", ".").rstrip(".") or 0)
        return (QValidator.State.Acceptable if value <= R.MAX_POINTS else QValidator.State.Invalid), text, pos

    def fixup(self, text: str) -> str:
        return text

    def stepBy(self, steps: int) -> None:
        # Up from "—" starts at 0; down from 0 goes back to "not scored"; never past the criterion's maximum.
        current = self.points()
        if current is None:
            self.set_points(0.0 if steps > 0 else None)
            return
        value = current + steps * self.singleStep()
        self.set_points(None if value < 0 else min(value, self.limit))


class CriterionRow(QWidget):
    """One criterion: number, text, hint, the automatic value, points box, "/ max", note."""

    changed = Signal()

    def __init__(self, criterion: R.Criterion, item: S.ItemScore, texts: "SheetTexts",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.item = item
        self.texts = texts
        self.setObjectName(f"criterion_{criterion.id}")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)

        number = QLabel(criterion.id)
        number.setStyleSheet("font-weight: bold;")
        number.setFixedWidth(34)
        grid.addWidget(number, 0, 0, Qt.AlignmentFlag.AlignTop)

        text_box = QVBoxLayout()
        text_box.setSpacing(1)
        self.text = QLabel(criterion.text)
        self.text.setWordWrap(True)
        text_box.addWidget(self.text)
        if criterion.hint:
            hint = QLabel(criterion.hint)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            hint.setStyleSheet(MUTED + " font-size: 9pt;")
            text_box.addWidget(hint)
        auto_holder = self._auto_holder(criterion)
        grid.addLayout(text_box, 0, 1)

        self.points = PointsBox(criterion.max_points)
        self.points.setObjectName("points")
        self.points.set_points(item.points)
        self.points.setToolTip(texts.points_tip(criterion.max_points))
        grid.addWidget(self.points, 0, 2, Qt.AlignmentFlag.AlignTop)
        maximum = QLabel(texts.out_of(criterion.max_points))
        maximum.setFixedWidth(46)
        grid.addWidget(maximum, 0, 3, Qt.AlignmentFlag.AlignTop)
        self.note = QLineEdit(item.note)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(texts.note_placeholder(criterion.auto is not None))
        self.note.setFixedWidth(230)
        grid.addWidget(self.note, 0, 4, Qt.AlignmentFlag.AlignTop)
        # The measured value and the message run under the whole row (they are often long).
        grid.addWidget(auto_holder, 1, 1, 1, 4)
        self.message = FieldMessage(self)
        self.message.setObjectName("message")
        grid.addWidget(self.message, 2, 1, 1, 4)
        grid.setColumnStretch(1, 1)

        self.points.valueChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self._show_auto()

    def _auto_holder(self, criterion: R.Criterion) -> QWidget:
        """The "automatic" badge, the measured value and the reset button, under the criterion's text."""
        self.auto_row = QHBoxLayout()
        self.auto_row.setSpacing(6)
        self.badge = QLabel()
        self.badge.setObjectName("auto_badge")
        self.auto_label = QLabel()
        self.auto_label.setObjectName("auto_value")
        self.auto_label.setWordWrap(True)
        self.reset = QToolButton()
        self.reset.setObjectName("reset_auto")
        self.reset.setText("↺")
        self.reset.setToolTip(self.texts.reset_tip())
        self.reset.setAutoRaise(True)
        self.reset.clicked.connect(self.reset_to_auto)
        self.auto_row.addWidget(self.badge)
        self.auto_row.addWidget(self.auto_label, 1)
        self.auto_row.addWidget(self.reset)
        auto_holder = QWidget()
        auto_holder.setLayout(self.auto_row)
        self.auto_row.setContentsMargins(0, 0, 0, 0)
        auto_holder.setVisible(criterion.auto is not None)
        return auto_holder

    def is_auto(self) -> bool:
        return self.criterion.auto is not None and self.item.auto_points is not None

    def overridden(self) -> bool:
        points = self.points.points()
        return self.is_auto() and (points is None or abs(points - self.item.auto_points) > R.EPS)

    def value(self) -> S.ItemScore:
        return S.ItemScore(points=self.points.points(), auto_value=self.item.auto_value,
                           auto_points=self.item.auto_points, note=self.note.text())

    def reset_to_auto(self) -> None:
        if self.is_auto():
            self.points.set_points(self.item.auto_points)

    def local_error(self) -> str:
        """An override of automatic points needs its reason in the note."""
        if self.overridden() and not self.note.text().strip():
            return self.texts.override_needs_note(self.item.auto_points)
        return ""

    def _changed(self, *_args) -> None:
        self._show_auto()
        self.changed.emit()

    def _show_auto(self) -> None:
        rule = self.criterion.auto
        if rule is None:
            return
        source = R.AUTO_SOURCES.get(rule.source)
        label = source.label.format() if source else rule.source
        if self.item.auto_value is None or self.item.auto_points is None:
            self.badge.setText(self.texts.manual_badge())
            self.badge.setStyleSheet(EDITED_BADGE)
            self.auto_label.setText(self.texts.no_data(label))
            self.reset.hide()
            return
        value = self.texts.value_text(rule.source, self.item.auto_value)
        if self.overridden():
            self.badge.setText(self.texts.edited_badge())
            self.badge.setStyleSheet(EDITED_BADGE)
            self.auto_label.setText(self.texts.auto_overridden(label, value, self.item.auto_points))
            self.auto_label.setStyleSheet(f"color: {WARNING_COLOR};")
            self.reset.show()
        else:
            self.badge.setText(self.texts.auto_badge())
            self.badge.setStyleSheet(AUTO_BADGE)
            self.auto_label.setText(self.texts.auto_text(label, value, self.item.auto_points))
            self.auto_label.setStyleSheet("")
            self.reset.hide()

    def show_error(self, text: str) -> None:
        if text:
            self.message.set_error(text)
        else:
            self.message.clear_message()


class SheetTexts(QObject):
    """Texts of the sheet's rows (one translation context for them)."""

    def reset_tip(self) -> str:
        return self.tr("Back to the automatic points")

    def points_tip(self, maximum: float) -> str:
        return self.tr("Points from 0 to {max}").format(max=points_text(maximum))

    def out_of(self, maximum: float) -> str:
        return self.tr("/ {max}").format(max=points_text(maximum))

    def note_placeholder(self, auto: bool) -> str:
        return self.tr("Reason if you change the points…") if auto else self.tr("Evidence, note…")

    def override_needs_note(self, auto_points: float) -> str:
        return self.tr("The automatic points were {points}: write the reason for the change in the note.").format(
            points=points_text(auto_points))

    def manual_badge(self) -> str:
        return self.tr("score by hand")

    def auto_badge(self) -> str:
        return self.tr("automatic")

    def edited_badge(self) -> str:
        return self.tr("changed")

    def no_data(self, label: str) -> str:
        return self.tr("{source}: no data yet, score it by hand.").format(source=label)

    def auto_text(self, label: str, value: str, points: float) -> str:
        return self.tr("{source}: {value} → {points} points").format(source=label, value=value,
                                                                     points=points_text(points))

    def auto_overridden(self, label: str, value: str, points: float) -> str:
        return self.tr("{source}: {value} → {points} points automatically; changed by hand").format(
            source=label, value=value, points=points_text(points))

    def value_text(self, source_key: str, value: float | bool | None) -> str:
        """A measured value as the secretary reads it: 95,5%, 105 phút, Có/Không, a review level."""
        if value is None:
            return "—"
        source = R.AUTO_SOURCES.get(source_key)
        kind = source.kind if source else ""
        if kind == "percent":
            return R.format_points(round(float(value), 1)) + "%"
        if kind == "flag":
            return self.tr("Yes") if value else self.tr("No")
        if kind == "minutes":
            return self.tr("{n} minutes").format(n=R.format_points(float(value)))
        if kind == "level":
            level = _LEVEL_BY_VALUE.get(int(value))
            return LEVEL_NAMES[level].format() if level in LEVEL_NAMES else R.format_points(float(value))
        return R.format_points(float(value))

