"""The "Bắt đầu" list on Tổng quan for a new cell: describe the cell, add or import the members, plan the
first meeting, set the dues. Each step links to the page where it is done and is ticked once done; the
list goes away when all four are."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

# A cell this large is not new: the dues step is not checked member by member.
NEW_CELL_MEMBERS = 500


class FirstSteps(QFrame):
    open_page = Signal(str)  # the class name of the main window's page where a step is done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_steps")
        self.setStyleSheet("#first_steps { border: 1px solid #1a73e8; border-left: 5px solid #1a73e8; "
                           "border-radius: 4px; background: #e8f0fe; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.steps: dict[str, QLabel] = {}
        for key in ("cell", "members", "meeting", "dues"):
            label = QLabel()
            label.setObjectName(f"step_{key}")
            label.setWordWrap(True)
            label.linkActivated.connect(self.open_page.emit)
            layout.addWidget(label)
            self.steps[key] = label
        self.done: dict[str, bool] = {}

    def texts(self) -> dict[str, tuple[str, str, str]]:
        """step -> (what to do, the link's words, the page it opens)."""
        return {
            "cell": (self.tr("Describe the cell: place name, secretary and deputy."), self.tr("Open Settings"),
                     "SettingsPage"),
            "members": (self.tr("Add the members one by one, or import the list from an Excel file."),
                        self.tr("Open Party members"), "MembersPage"),
            "meeting": (self.tr("Plan the first cell meeting."), self.tr("Open Cell meetings"), "MeetingsPage"),
            "dues": (self.tr("Set each member's dues category and basis."), self.tr("Open Party dues"), "DuesPage"),
        }

    def update_from(self, cell, counts: dict[str, int], setup_facts: tuple[bool, bool]) -> bool:
        """Tick what is done (from what the overview has read: the cell, the counts and
        services.overview.setup_facts()); returns whether the list is still needed (and shows or hides it)."""
        total = counts.get("total", 0)
        has_meeting, dues_set = setup_facts
        self.done = {
            "cell": bool(cell.place_name and cell.secretary_name and cell.deputy_name),
            "members": total > 0,
            "meeting": has_meeting,
            "dues": total > NEW_CELL_MEMBERS or dues_set,
        }
        self.title.setText(self.tr("Getting started"))
        for key, (what, link, page) in self.texts().items():
            if self.done[key]:
                self.steps[key].setText(f"<span style='color:#2e7d32'>✓</span> {what}")
            else:
                self.steps[key].setText(f"☐ {what} <a href='{page}'>{link}</a>")
        needed = not all(self.done.values())
        self.setVisible(needed)
        return needed
