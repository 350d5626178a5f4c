"""Issue 15, no lost update in the collective review: a report saved elsewhere (a second window or the command
line on the same data) while the editor is open is not overwritten — the save is refused with the Vietnamese
message naming the section, the text typed stays, and the user reloads theirs or keeps their own as a new
revision; while the editor is open, a change made elsewhere shows the "changed elsewhere" banner."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.ui.reviews.collective import CollectiveEditor

from ..conftest import type_text
from ..elsewhere import CHANGED, KEEP_MINE, RELOAD, STAY, change_elsewhere, poll_from, save_answering
from .windows_data import open_year_of_one, show

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def year(services):
    return open_year_of_one(services, TODAY)


def _theirs(text: str):
    def save(other) -> None:
        data = other.reviews.collective(YEAR).as_input()
        data.sections = {**data.sections, "tasks": text}
        other.reviews.save_collective(YEAR, data)
    return save


def _tasks(editor) -> str:
    return editor.sections.edits["tasks"].toPlainText()


def test_a_report_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, services, data_dir, year, boxes):
    editor = show(qtbot, CollectiveEditor(services, year, today=TODAY))
    type_text(editor.sections.edits["tasks"], "Hoàn thành 12/12 chỉ tiêu.")
    change_elsewhere(data_dir, _theirs("Bản của máy phó bí thư."))

    saved, seen = save_answering(editor.save, STAY)
    assert not saved and CHANGED in seen[0] and "Nội dung báo cáo" in seen[0]
    assert _tasks(editor) == "Hoàn thành 12/12 chỉ tiêu."  # the typed text stays on screen...
    assert services.reviews.collective(year).sections["tasks"] == "Bản của máy phó bí thư."  # ...theirs in the store

    saved, _ = save_answering(editor.save, KEEP_MINE)
    assert saved and services.reviews.collective(year).sections["tasks"] == "Hoàn thành 12/12 chỉ tiêu."

    change_elsewhere(data_dir, _theirs("Sửa lần nữa ở nơi khác."))
    type_text(editor.sections.edits["tasks"], " Thêm.")
    saved, _ = save_answering(editor.save, RELOAD)
    assert not saved and _tasks(editor) == "Sửa lần nữa ở nơi khác."  # theirs shown; the edit dropped on request
    assert services.drafts.load("collective_review", editor.draft_key()) is None


def test_a_report_changed_elsewhere_shows_the_banner(qtbot, services, data_dir, year, boxes):
    poll = poll_from(services)
    editor = show(qtbot, CollectiveEditor(services, year, today=TODAY))
    type_text(editor.sections.edits["tasks"], "Đang viết dở.")
    change_elsewhere(data_dir, _theirs("Bản của dòng lệnh."))
    poll.look_outside()
    banner = editor.elsewhere_banner
    assert banner.isVisible() and CHANGED in banner.label.text() and _tasks(editor) == "Đang viết dở."
    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)  # keep editing: the banner goes, the text stays
    assert not banner.isVisible() and _tasks(editor) == "Đang viết dở."
    saved, seen = save_answering(editor.save, KEEP_MINE)  # the save still asks before overwriting theirs
    assert saved and CHANGED in seen[0]
    assert services.reviews.collective(year).sections["tasks"] == "Đang viết dở."
