"""Issue 15, lost update in the review editor: a review saved elsewhere while the editor is open (a second
window on the same data) is not overwritten; the editor says so and reloads it, or keeps its own text as a
new revision when the secretary says so."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput
from cellsec.ui.reviews.editor import ReviewEditor

from ..conftest import type_text

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def review_id(services):
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(YEAR, today=TODAY)
    return services.reviews.list_reviews(YEAR)[0].id


def _press(button_text: str, seen: list[str]) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, press)


def _saved_elsewhere(data_dir, review_id: str, text: str) -> None:
    other = Services.open(data_dir)  # a second window (or process) on the same data
    try:
        record = other.reviews.get_review(review_id)
        review = record.as_input()
        review.sections = {**review.sections, "politics": text}
        other.reviews.save_draft(review_id, review, record.cell_input())
    finally:
        other.close()


@pytest.mark.parametrize("answer", ["Tải lại", "Giữ bản của tôi thành bản mới"])
def test_a_review_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, services, data_dir, review_id, answer):
    editor = ReviewEditor(services, review_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.sections.edits["politics"], "Gương mẫu.")
    _saved_elsewhere(data_dir, review_id, "Lập trường vững vàng.")
    seen: list[str] = []
    _press(answer, seen)
    editor.save_button.click()
    assert seen and "vừa được sửa ở nơi khác" in seen[0]
    stored = services.reviews.get_review(review_id).sections["politics"]
    if answer == "Tải lại":
        assert stored == "Lập trường vững vàng."  # theirs kept
        assert editor.sections.edits["politics"].toPlainText() == "Lập trường vững vàng."  # and shown
    else:
        assert stored == "Gương mẫu."  # mine, as a new revision over theirs
    type_text(editor.sections.edits["politics"], " Thêm.")
    editor.save_button.click()  # the editor's own saves never refuse each other
    assert "Thêm." in services.reviews.get_review(review_id).sections["politics"]
    editor.keeper.stop()
