"""Issue 15, lost update in the review editor: a review saved elsewhere while the editor is open (a second
window on the same data) is not overwritten; the editor says so and reloads it, or keeps its own text as a
new revision when the secretary says so."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.ui.reviews.editor import ReviewEditor

from ..conftest import type_text
from ..elsewhere import KEEP_MINE, RELOAD, answer, elsewhere, poll_from
from .windows_data import open_year_of_one

TODAY = dt.date.today()


@pytest.fixture
def review_id(services):
    return services.reviews.list_reviews(open_year_of_one(services, TODAY))[0].id


def _saved_elsewhere(data_dir, review_id: str, text: str) -> None:
    with elsewhere(data_dir) as other:  # a second window (or process) on the same data
        record = other.reviews.get_review(review_id)
        review = record.as_input()
        review.sections = {**review.sections, "politics": text}
        other.reviews.save_draft(review_id, review, record.cell_input())


@pytest.mark.parametrize("choice", [RELOAD, KEEP_MINE])
def test_a_review_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, services, data_dir, review_id, choice):
    editor = ReviewEditor(services, review_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.sections.edits["politics"], "Gương mẫu.")
    _saved_elsewhere(data_dir, review_id, "Lập trường vững vàng.")
    seen: list[str] = []
    answer(choice, seen)
    editor.save_button.click()
    assert seen and "vừa được sửa ở nơi khác" in seen[0]
    stored = services.reviews.get_review(review_id).sections["politics"]
    if choice == RELOAD:
        assert stored == "Lập trường vững vàng."  # theirs kept
        assert editor.sections.edits["politics"].toPlainText() == "Lập trường vững vàng."  # and shown
    else:
        assert stored == "Gương mẫu."  # mine, as a new revision over theirs
    type_text(editor.sections.edits["politics"], " Thêm.")
    editor.save_button.click()  # the editor's own saves never refuse each other
    assert "Thêm." in services.reviews.get_review(review_id).sections["politics"]
    editor.keeper.stop()


def test_a_review_changed_elsewhere_shows_the_banner(qtbot, services, data_dir, review_id):
    poll = poll_from(services)
    editor = ReviewEditor(services, review_id, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.sections.edits["politics"], "Đang viết.")
    _saved_elsewhere(data_dir, review_id, "Từ máy khác.")
    poll.look_outside()
    assert editor.elsewhere_banner.isVisible() and editor.sections.edits["politics"].toPlainText() == "Đang viết."
    editor.elsewhere_banner.reload_button.click()
    assert editor.sections.edits["politics"].toPlainText() == "Từ máy khác." and not editor.is_dirty()
