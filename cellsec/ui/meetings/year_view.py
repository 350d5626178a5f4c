"""The year view: twelve month tiles (regular meetings) over four quarter tiles (thematic meetings),
coloured by state."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ...domain.dates import format_date
from ...domain.meetings import KIND_LABELS, QUARTER_NAMES, SLOT_STATE_LABELS

# Slot state -> (background, border, text colour) of a year-view tile.
STATE_COLORS = {
    "done": ("#e6f4ea", "#2e7d32", "#1e5a24"),
    "draft": ("#e8f0fe", "#1a73e8", "#174ea6"),
    "missing": ("#fce8e6", "#b3261e", "#b3261e"),
    "due": ("#fef7e0", "#c08a00", "#8a5300"),
    "upcoming": ("#f5f5f5", "#c8ccd2", "#5f6368"),
}
STATE_MARKS = {"done": "✓", "draft": "✎", "missing": "✗", "due": "!", "upcoming": ""}


class _Tile(QToolButton):
    """A tile that never shows a cut word: when "✗ chưa họp" does not fit its share of the width, it shows
    the mark alone (the tooltip says the rest)."""

    def set_texts(self, head: str, state: str, mark: str) -> None:
        self.head, self.state, self.mark = head, state, mark
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not hasattr(self, "head"):
            return
        room = self.width() - 10  # the 2 px padding and 1 px border each side, and some air
        metrics = self.fontMetrics()
        second = self.state if metrics.horizontalAdvance(self.state) <= room else self.mark
        head = self.head
        if metrics.horizontalAdvance(head) > room:
            head = head.split()[-1]  # "Tháng 10" → "10"; the tooltip names the month
        self.setText(f"{head}\n{second}" if second else head)


class YearView(QWidget):
    """Twelve month tiles (regular meetings) over four quarter tiles (thematic meetings), coloured by state:
    green approved, blue draft, red missing (overdue), amber due now, grey not due yet."""

    slot_clicked = Signal(str, int)  # ("month" | "quarter", number)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = None
        self.month_tiles: list[QToolButton] = []
        self.quarter_tiles: list[QToolButton] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        self.regular_label = QLabel()
        self.thematic_label = QLabel()
        grid.addWidget(self.regular_label, 0, 0)
        grid.addWidget(self.thematic_label, 1, 0)
        for month in range(1, 13):
            tile = self._tile(f"month_{month}")
            tile.clicked.connect(lambda _=False, m=month: self.slot_clicked.emit("month", m))
            grid.addWidget(tile, 0, month)
            self.month_tiles.append(tile)
        for quarter in range(1, 5):
            tile = self._tile(f"quarter_{quarter}")
            tile.clicked.connect(lambda _=False, q=quarter: self.slot_clicked.emit("quarter", q))
            grid.addWidget(tile, 1, 3 * quarter - 2, 1, 3)
            self.quarter_tiles.append(tile)
        for column in range(1, 13):
            grid.setColumnStretch(column, 1)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # on a narrow window the legend takes two lines instead of widening it
        grid.addWidget(self.legend, 2, 1, 1, 12)

    def _tile(self, name: str) -> QToolButton:
        tile = _Tile()
        tile.setObjectName(name)
        tile.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Ignored: the columns share the width equally whatever the text (the tooltip has the details).
        tile.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        tile.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        return tile

    def set_plan(self, plan) -> None:
        self.plan = plan
        self.regular_label.setText(self.tr("Regular"))
        self.thematic_label.setText(self.tr("Thematic"))
        for slot, tile in zip(plan.months, self.month_tiles):
            first = slot.meetings[0] if slot.meetings else None
            second = f"{first.held_on:%d/%m}" if first else self._short(slot.state)
            tile.set_texts(self.tr("Month {month}").format(month=slot.month),
                           f"{STATE_MARKS[slot.state]} {second}".strip(), STATE_MARKS[slot.state])
            tile.setToolTip(self._month_tip(plan.year, slot))
            self._paint(tile, slot.state)
        for slot, tile in zip(plan.quarters, self.quarter_tiles):
            name = QUARTER_NAMES[slot.quarter - 1]
            combined = self.tr("with the regular meeting")
            if slot.meetings:
                second = ", ".join(f"{m.held_on:%d/%m}" + (f" ({combined})" if m.kind == "combined" else "")
                                   for m in slot.meetings)
            else:
                second = self._short(slot.state)
            tile.set_texts(self.tr("Quarter {quarter}").format(quarter=name),
                           f"{STATE_MARKS[slot.state]} {second}".strip(), STATE_MARKS[slot.state])
            tile.setToolTip(self._quarter_tip(plan.year, slot))
            self._paint(tile, slot.state)
        swatch = "<span style='color:{0}'>■</span> {1}"
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            swatch.format(STATE_COLORS[state][1], html.escape(SLOT_STATE_LABELS[state].format()))
            for state in ("done", "draft", "missing", "due", "upcoming")))

    def _short(self, state: str) -> str:
        return {"done": "", "draft": "", "missing": self.tr("not held"), "due": self.tr("due now"),
                "upcoming": ""}[state]

    def _month_tip(self, year: int, slot) -> str:
        head = self.tr("Month {month}/{year}").format(month=slot.month, year=year)
        state = SLOT_STATE_LABELS[slot.state].format()
        if slot.state == "missing":
            return f"{head} — {state}: " + self.tr("no minutes of the month's regular meeting.")
        if slot.state == "due":
            return f"{head} — {state}: " + self.tr("the month's regular meeting is still to be held.")
        held = "; ".join(f"{format_date(m.held_on)}" + (f" ({KIND_LABELS[m.kind].format()})" if m.kind != "thuong_ky"
                                                         else "") for m in slot.meetings)
        return f"{head} — {state}" + (f": {held}" if held else "")

    def _quarter_tip(self, year: int, slot) -> str:
        head = self.tr("Quarter {quarter}/{year}").format(quarter=QUARTER_NAMES[slot.quarter - 1], year=year)
        state = SLOT_STATE_LABELS[slot.state].format()
        if slot.state in ("missing", "due"):
            need = self.tr("at least {required} thematic meeting(s) needed, {held} held.")
            return f"{head} — {state}: " + need.format(required=slot.required, held=len(slot.meetings))
        held = "; ".join(f"{format_date(m.held_on)}: {m.topic}" for m in slot.meetings)
        return f"{head} — {state}" + (f": {held}" if held else "")

    @staticmethod
    def _paint(tile: QToolButton, state: str) -> None:
        background, border, text = STATE_COLORS[state]
        weight = "bold" if state in ("missing", "due") else "normal"
        tile.setProperty("state", state)
        tile.setStyleSheet(f"QToolButton {{ background: {background}; border: 1px solid {border}; border-radius: 3px; "
                           f"color: {text}; font-weight: {weight}; padding: 2px; }}"
                           f"QToolButton:focus {{ border: 2px solid {border}; }}")
