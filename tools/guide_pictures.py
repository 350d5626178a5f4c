"""Render the user guide's pictures (resources/guide/img) from the program itself on the demo cell.

    QT_QPA_PLATFORM=offscreen python tools/guide_pictures.py DEMO_DATA_DIR

DEMO_DATA_DIR: a copy of a folder made by `cellsec --data-dir DIR demo` (it is opened and may be changed).
Each page is shown at 1366×768 and grabbed, scaled to 800 px and saved with a 256-colour palette to stay small.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "guide" / "img"
SHOTS = {"OverviewPage": "tong-quan", "MembersPage": "dang-vien", "MeetingsPage": "sinh-hoat",
         "ReviewsPage": "kiem-diem", "ScoringPage": "cham-diem", "DuesPage": "dang-phi", "SettingsPage": "cai-dat"}
WIDTH = 800


def save(widget, name: str) -> None:
    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    image.save(str(OUT / f"{name}.png"), "PNG", 9)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    app = QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSizeF(max(10.0, font.pointSizeF()))
    app.setFont(QFont(font))
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.app.main_window import MainWindow
    from cellsec.ui.meetings.editor import MeetingEditor

    install_language(app, "vi")
    services = Services.open(Path(sys.argv[1]))
    window = MainWindow(services)
    window.resize(1366, 728)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    for page, name in SHOTS.items():
        window.show_page(page)
        for _ in range(5):
            app.processEvents()
        save(window, name)
    approved = next(m for m in services.meetings.list() if m.status == "approved")
    editor = MeetingEditor(services, approved.id, window)
    editor.resize(1180, 660)
    editor.show()
    editor.tabs.setCurrentIndex(3)  # Nội dung
    for _ in range(5):
        app.processEvents()
    save(editor, "bien-ban")
    editor.hide()
    window.hide()
    return 0


if __name__ == "__main__":
    sys.exit(main())
