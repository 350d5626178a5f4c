"""The summary beside a score sheet's criteria: the total, the band, what is not scored yet, the totals by
group and the rubric's bands; a meeting's sheet also keeps who scored it and a note here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from ...domain import rubrics as R
from ...domain import scores as S
from ..common.widgets import ERROR_COLOR, WARNING_COLOR
from .criterion_row import MUTED, OK_COLOR, points_text


class SheetSummary(QFrame):
    def __init__(self, with_meeting_fields: bool, parent=None) -> None:
        super().__init__(parent)
        self.group_totals: dict[str, QLabel] = {}
        self._build(with_meeting_fields)
        self.retranslate()

    def _build(self, with_meeting_fields: bool) -> None:
        self.setObjectName("summary")
        self.setFixedWidth(300)
        self.setStyleSheet("#summary { border: 1px solid #c8ccd2; border-radius: 4px; background: palette(base); }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.total_caption = QLabel()
        self.total_caption.setStyleSheet("font-weight: bold;")
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.band = QLabel()
        self.band.setObjectName("band")
        self.band.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self.groups_title = QLabel()
        self.groups_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.groups_grid = QGridLayout()
        self.groups_grid.setHorizontalSpacing(8)
        self.groups_grid.setVerticalSpacing(2)
        self.bands_label = QLabel()
        self.bands_label.setObjectName("bands")
        self.bands_label.setWordWrap(True)
        self.bands_label.setStyleSheet(MUTED)
        for widget in (self.total_caption, self.total, self.band, self.missing, self.groups_title):
            layout.addWidget(widget)
        layout.addLayout(self.groups_grid)
        layout.addWidget(self.bands_label)
        # A meeting's sheet keeps who scored it and a note here; the yearly ones on their second tab.
        self.scored_by = QLineEdit()
        self.scored_by.setObjectName("scored_by")
        self.scored_by.setMaxLength(120)
        self.meeting_note = QPlainTextEdit()
        self.meeting_note.setObjectName("meeting_note")
        self.meeting_note.setTabChangesFocus(True)
        self.meeting_note.setMaximumHeight(80)
        self.scored_by_label, self.meeting_note_label = QLabel(), QLabel()
        if with_meeting_fields:
            layout.addSpacing(6)
            for widget in (self.scored_by_label, self.scored_by, self.meeting_note_label, self.meeting_note):
                layout.addWidget(widget)
        layout.addStretch(1)


    def retranslate(self) -> None:
        self.total_caption.setText(self.tr("Total"))
        self.groups_title.setText(self.tr("By group"))
        self.scored_by_label.setText(self.tr("Scored by:"))
        self.meeting_note_label.setText(self.tr("Note:"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange and hasattr(self, "meeting_note_label"):
            self.retranslate()
        super().changeEvent(event)

    def set_groups(self, groups: list[R.CriteriaGroup]) -> None:
        """One line per group of the rubric (name, total so far)."""
        while self.groups_grid.count():
            child = self.groups_grid.takeAt(0)
            if child.widget() is not None:
                child.widget().deleteLater()
        self.group_totals = {}
        for index, group in enumerate(groups):
            name = QLabel(f"{group.id}. {group.title}")
            name.setWordWrap(True)
            value = QLabel()
            value.setObjectName(f"group_total_{group.id}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.groups_grid.addWidget(name, index, 0)
            self.groups_grid.addWidget(value, index, 1)
            self.group_totals[group.id] = value
        self.groups_grid.setColumnStretch(0, 1)

    def show_result(self, rubric: R.Rubric, result: S.ScoreResult) -> None:
        self.total.setText(self.tr("{total} / {max}").format(total=points_text(result.total),
                                                             max=points_text(result.max_points)))
        bands = sorted(rubric.bands, key=lambda b: b.min_points, reverse=True)
        rank = next((i for i, b in enumerate(bands) if b.label == result.band), 0)
        color = OK_COLOR if rank == 0 else ERROR_COLOR if rank == len(bands) - 1 and len(bands) > 1 else WARNING_COLOR
        if not result.complete:  # not rated yet: no band, and no red "Kém" for criteria still to score
            color = WARNING_COLOR
        self.band.setText(self.tr("Band: {band}").format(band=result.label))
        self.band.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {color};")
        if result.missing:
            self.missing.setText(self.tr("{count} criteria not scored yet: they count as 0.").format(
                count=len(result.missing)))
            self.missing.setStyleSheet(f"color: {WARNING_COLOR};")
        else:
            self.missing.setText(self.tr("Every criterion is scored."))
            self.missing.setStyleSheet(f"color: {OK_COLOR};")
        for group in rubric.groups:
            self.group_totals[group.id].setText(f"{points_text(result.group_totals.get(group.id, 0))}/"
                                                f"{points_text(group.max_points)}")
