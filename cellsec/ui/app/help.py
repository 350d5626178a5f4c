"""The user guide: Vietnamese HTML pages shipped in resources/guide (offline), shown in a QTextBrowser.
F1 opens the page about what is on screen; the Trợ giúp menu opens its contents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...paths import resources_dir

# The guide's page about each page of the main window (by class name); the contents page otherwise.
PAGE_GUIDES = {
    "OverviewPage": "tong-quan.html",
    "MembersPage": "dang-vien.html",
    "MeetingsPage": "sinh-hoat.html",
    "ReviewsPage": "kiem-diem.html",
    "ScoringPage": "cham-diem.html",
    "DuesPage": "dang-phi.html",
    "SyncPage": "dong-bo.html",
    "SettingsPage": "cai-dat.html",
}
CONTENTS = "index.html"


def guide_dir() -> Path:
    return resources_dir() / "guide"


def guide_page(page_class: str | None) -> Path:
    """The guide's file about a page of the window (the contents when it has none of its own)."""
    return guide_dir() / PAGE_GUIDES.get(page_class or "", CONTENTS)


class HelpWindow(QDialog):
    """The guide, with its links followed inside the window (Alt+← goes back)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide — CellSec"))
        self.resize(900, 640)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_dir())])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def show_file(self, path: Path) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.show()
        self.raise_()
        self.activateWindow()
