"""Rules that are data to check show one marker that they can be edited; the maintainers' notes about them
("(chưa xác minh mẫu nào)", "(tạm đặt — thay bằng…)") stay in the rule data and never reach the screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from cellsec.ui.common.bridge import ChangeNotifier

TODAY = dt.date(2026, 11, 22)
MAINTAINERS = ("chưa xác minh mẫu nào", "tạm đặt", "chưa xác minh")


def _screen_text(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_review_form_and_dues_show_the_marker_not_the_notes(qtbot, demo_services):
    from cellsec.ui.dues.page import DuesPage
    from cellsec.ui.reviews.editor import ReviewEditor

    review = demo_services.reviews.list_reviews(2025)[0]
    editor = ReviewEditor(demo_services, review.id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    text = _screen_text(editor)
    assert "✎ Sửa được: chưa đối chiếu với văn bản chính thức — điều chỉnh trong Quy định từng năm." in text
    assert not any(note in text for note in MAINTAINERS), text
    editor.keeper.stop()

    page = DuesPage(demo_services, ChangeNotifier(demo_services))
    qtbot.addWidget(page)
    page.show()
    text = _screen_text(page)
    assert "✎ Sửa được" in text and "chưa xác minh với văn bản gốc" not in text


def test_score_sheet_of_the_default_cell_rubric(qtbot, demo_services):
    from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

    dialog = ScoreSheetDialog(demo_services, "cell", year=2026, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    text = _screen_text(dialog)
    assert "✎ Sửa được" in text
    assert not any(note in text for note in MAINTAINERS), [line for line in text.splitlines()
                                                           if any(n in line for n in MAINTAINERS)]
    dialog.keeper.stop()
