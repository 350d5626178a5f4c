"""Run as a subprocess by test_screen_fit.py (QT_SCALE_FACTOR must be set before a QApplication exists):
opens the main window (every page) and every dialog and editor on the demo cell, as start-up does (the
screen fitter installed, the application font), and prints one JSON line per window with its geometry,
the available screen and what does not fit. With --png DIR each window is also saved as a picture.

    python screen_probe.py DATA_DIR [--png DIR]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

TODAY = dt.date(2026, 11, 22)


def _inside_scroll(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _unreachable_buttons(window: QWidget) -> list[str]:
    """Visible buttons (not inside a scroll area, which can bring them into view) outside the window."""
    inside = QRect(0, 0, window.width(), window.height())
    out = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _inside_scroll(button, window):
            continue
        rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not inside.contains(rect):
            out.append(button.text() or button.objectName() or type(button).__name__)
    return out


def _cut_labels(window: QWidget) -> list[str]:
    """Single-line labels narrower than their text (the end of the text is cut off)."""
    out = []
    for label in window.findChildren(QLabel):
        if (label.isVisibleTo(window) and not label.wordWrap() and label.text() and label.pixmap().isNull()
                and not label.textFormat() == label.textFormat().RichText
                and label.width() + 1 < label.minimumSizeHint().width()):
            out.append(label.text())
    return out


def _report(app: QApplication, name: str, window: QWidget, png_dir: Path | None) -> None:
    window.show()
    for _ in range(3):
        app.processEvents()
    area = window.screen().availableGeometry()
    frame = window.frameGeometry()
    print(json.dumps({
        "name": name,
        "available": [area.x(), area.y(), area.width(), area.height()],
        "geometry": [window.x(), window.y(), window.width(), window.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "buttons_outside": _unreachable_buttons(window),
        "cut_labels": _cut_labels(window),
    }, ensure_ascii=False), flush=True)
    if png_dir is not None:
        window.grab().save(str(png_dir / f"{name}.png"))


def _dialogs(services, parent: QWidget):
    """(name, factory) of every dialog and editor, opened on the demo cell's records."""
    from cellsec.ui.meetings.editor import MeetingEditor
    from cellsec.ui.meetings.new_meeting import NewMeetingDialog
    from cellsec.ui.meetings.preparation import AgendaTemplateDialog
    from cellsec.ui.meetings.resolution import ResolutionDialog
    from cellsec.ui.members.dialog import MemberDialog
    from cellsec.ui.members.import_dialog import ImportDialog
    from cellsec.ui.members.status_dialog import StatusDialog
    from cellsec.ui.reviews.collective import CollectiveEditor
    from cellsec.ui.reviews.commitments import CommitmentsDialog
    from cellsec.ui.reviews.editor import ReviewEditor
    from cellsec.ui.reviews.open_year import OpenYearDialog
    from cellsec.ui.reviews.rule_sets import RuleSetsDialog
    from cellsec.ui.scoring.rubric_editor import RubricEditDialog
    from cellsec.ui.scoring.rubrics_dialog import RubricsDialog
    from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

    meetings = services.meetings.list(2026)
    draft = next(m for m in meetings if m.status == "draft")
    approved = next(m for m in meetings if m.status == "approved")
    member = services.members.list()[0].id
    review = services.reviews.list_reviews(2025)[0].id
    rubric = services.rubrics.list()[0].id
    yield "MemberDialog", lambda: MemberDialog(services, member, parent, today=TODAY)
    yield "MemberDialog-new", lambda: MemberDialog(services, None, parent, today=TODAY)
    yield "StatusDialog", lambda: StatusDialog(services, member, parent, today=TODAY)
    yield "ImportDialog", lambda: ImportDialog(services, parent)
    yield "NewMeetingDialog", lambda: NewMeetingDialog(services, parent)
    yield "MeetingEditor", lambda: MeetingEditor(services, draft.id, parent)
    yield "MeetingEditor-approved", lambda: MeetingEditor(services, approved.id, parent)
    yield "ResolutionDialog", lambda: ResolutionDialog(services, approved.id, parent)
    yield "AgendaTemplateDialog", lambda: AgendaTemplateDialog(services, "thuong_ky", parent)
    yield "OpenYearDialog", lambda: OpenYearDialog(services, 2026, parent, today=TODAY)
    yield "ReviewEditor", lambda: ReviewEditor(services, review, parent, today=TODAY)
    yield "CommitmentsDialog", lambda: CommitmentsDialog(services, 2025, member, parent, today=TODAY)
    yield "CollectiveEditor", lambda: CollectiveEditor(services, 2025, parent, today=TODAY)
    yield "RuleSetsDialog", lambda: RuleSetsDialog(services, 2025, parent)
    yield "RubricsDialog", lambda: RubricsDialog(services, parent)
    yield "RubricEditDialog", lambda: RubricEditDialog(services, rubric, parent)
    yield "ScoreSheetDialog-cell", lambda: ScoreSheetDialog(services, "cell", year=2026, parent=parent, today=TODAY)
    yield "ScoreSheetDialog-member", lambda: ScoreSheetDialog(services, "member", year=2026, member_id=member,
                                                              parent=parent, today=TODAY)
    yield "ScoreSheetDialog-meeting", lambda: ScoreSheetDialog(
        services, "meeting", year=2026, meeting_id=approved.id, meeting_kind=approved.kind,
        parent=parent, today=TODAY)


def main() -> int:
    data_dir = Path(sys.argv[1])
    png_dir = Path(sys.argv[sys.argv.index("--png") + 1]) if "--png" in sys.argv else None
    app = QApplication(sys.argv[:1])
    font = app.font()  # as start-up does
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(QFont(font))
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.app.main_window import PAGES, MainWindow
    from cellsec.ui.app.setup_wizard import SetupWizard
    from cellsec.ui.common.screen_fit import install

    install_language(app, "vi")
    install(app, data_dir)
    services = Services.open(data_dir)
    window = MainWindow(services)
    window.show()
    for _module, class_name, _title in PAGES:
        window.show_page(class_name)
        _report(app, f"MainWindow-{class_name}", window, png_dir)
    wizard = SetupWizard(services)
    _report(app, "SetupWizard", wizard, png_dir)
    wizard.hide()
    for name, factory in _dialogs(services, window.pages["OverviewPage"]):
        dialog = factory()
        _report(app, name, dialog, png_dir)
        dialog.hide()
        dialog.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main())
