"""Sinh hoạt chi bộ: the year view flags what is missing, the list and its actions (new, delete, print the
minutes book, export to Word), and the overview's meeting reminders open the meeting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from cellsec.ui.meetings import output as meeting_output
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.meetings.page import COLUMNS, MeetingsPage

from ...reports.pdfcheck import pages_text
from ...services.meeting_data import D, add_members, fill
from ..conftest import retype, type_text

TODAY = D(2025, 5, 10)


@pytest.fixture
def people(services):
    return add_members(services)


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(meeting_output.QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def _page(qtbot, services, today=TODAY):
    page = MeetingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.today = today
    page.year.setValue(today.year)
    page.refresh()
    page.show()
    return page


def _approved(services, people, kind, held_on, topic=""):
    record = services.meetings.create(kind, held_on, topic=topic)
    fill(services, record.id, people)
    return services.meetings.approve(record.id)


def _cell(page, row, column):
    return page.model.data(page.model.index(row, COLUMNS.index(column)))


def test_year_view_flags_the_missing_month_and_quarter(qtbot, services, people):
    _approved(services, people, "thuong_ky", D(2025, 1, 6))
    services.meetings.create("thuong_ky", D(2025, 3, 5))  # held, minutes still a draft
    _approved(services, people, "combined", D(2025, 4, 4), "Học tập Chỉ thị 35")
    page = _page(qtbot, services)
    assert page.page_title() == "Sinh hoạt chi bộ"
    assert page.plan_title.text() == "Kế hoạch sinh hoạt năm 2025"
    tiles = {t.objectName(): t for t in page.year_view.month_tiles + page.year_view.quarter_tiles}
    states = {name: tile.property("state") for name, tile in tiles.items()}
    assert [states[f"month_{m}"] for m in range(1, 7)] == ["done", "missing", "draft", "done", "due", "upcoming"]
    assert [states[f"quarter_{q}"] for q in range(1, 5)] == ["missing", "done", "upcoming", "upcoming"]
    assert tiles["month_2"].text() == "Tháng 2\n✗ chưa họp"
    assert tiles["month_2"].toolTip() == ("Tháng 2/2025 — Chưa tổ chức (quá hạn): chưa có biên bản sinh hoạt "
                                          "thường kỳ của tháng.")
    assert "cần ít nhất 1 buổi sinh hoạt chuyên đề, đã tổ chức 0 buổi" in tiles["quarter_1"].toolTip()
    assert tiles["month_1"].text() == "Tháng 1\n✓ 06/01"
    assert tiles["quarter_2"].text() == "Quý II\n✓ 04/04 (cùng thường kỳ)"
    assert "#b3261e" in tiles["month_2"].styleSheet()  # red for overdue

    # The list: date, type, status, number, rate, duration.
    assert page.model.rowCount() == 3
    assert [_cell(page, 0, c) for c in ("held_on", "kind", "status", "number", "duration")] == [
        "06/01/2025", "Thường kỳ", "Đã thông qua", "01-BB/CB", "120 phút"]
    assert _cell(page, 1, "status") == "Dự thảo" and _cell(page, 1, "number") == ""
    assert _cell(page, 0, "attendance") == "100,0% (5/5)"

    # A missing month: clicking its tile starts a new meeting for that month.
    qtbot.mouseClick(tiles["month_2"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert (dialog.kind.currentData(), dialog.month.value(), dialog.year.value()) == ("thuong_ky", 2, 2025)
    dialog.reject()
    # A tile with a meeting selects it in the list.
    qtbot.mouseClick(tiles["month_4"], Qt.MouseButton.LeftButton)
    assert page.selected().held_on == D(2025, 4, 4)


def test_new_meeting_checks_topic_and_taken_month(qtbot, services, people):
    services.meetings.create("thuong_ky", D(2025, 5, 5))
    page = _page(qtbot, services)
    assert page.new_action.shortcut() == QKeySequence("Ctrl+N")
    dialog = page.new_meeting()
    dialog.kind.setCurrentIndex(dialog.kind.findData("chuyen_de"))
    assert dialog.topic_label.text() == "Chủ đề:"
    assert not dialog.create_button.isEnabled() and not dialog.messages["topic"].isVisible()  # quiet until typed
    retype(dialog.topic, "x")
    retype(dialog.topic, "")
    assert dialog.messages["topic"].text() == "Hãy ghi chủ đề sinh hoạt chuyên đề."
    dialog.kind.setCurrentIndex(dialog.kind.findData("thuong_ky"))
    retype(dialog.held_on, "12/05/2025")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["period_month"].text() == "Tháng 5/2025 đã có buổi sinh hoạt thường kỳ (ngày 05/05/2025)."
    assert dialog.isVisible() and dialog.created is None
    dialog.kind.setCurrentIndex(dialog.kind.findData("chuyen_de"))
    dialog.topic.setFocus()
    type_text(dialog.topic, "Học tập và làm theo tư tưởng Hồ Chí Minh")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.created is not None and dialog.created.content.kind == "chuyen_de"
    assert page.editors and page.editors[0].meeting_id == dialog.created.id
    assert page.selected_id() == dialog.created.id


def test_delete_a_draft_and_undo(qtbot, services, people, boxes):
    draft = services.meetings.create("thuong_ky", D(2025, 5, 5))
    approved = _approved(services, people, "thuong_ky", D(2025, 4, 5))
    page = _page(qtbot, services)
    page.select(approved.id)
    assert not page.delete_action.isEnabled()
    page.select(draft.id)
    assert page.delete_action.isEnabled()
    page.delete_action.trigger()
    assert "Xóa dự thảo biên bản ngày 05/05/2025" in boxes.texts("question")[-1]
    assert page.model.rowCount() == 1
    services.undo_last()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_minutes_book_and_word_export(qtbot, services, people, boxes, opened, monkeypatch, tmp_path):
    first = _approved(services, people, "thuong_ky", D(2025, 1, 6))
    _approved(services, people, "thuong_ky", D(2025, 2, 5))
    page = _page(qtbot, services)
    page.book_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    assert page.output.last_path.name == "so-bien-ban-2025.pdf"
    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ" in text and "MỤC LỤC" in text and "Số 02-BB/CB" in text

    target = tmp_path / "xuat" / "bien-ban-thang-1"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page.select(first.id)
    page.docx_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    assert page.output.last_path == target.with_suffix(".docx") and target.with_suffix(".docx").exists()
    assert boxes.texts("question")[-1].startswith("Đã xuất biên bản ra tệp")
    assert len(opened) == 2


def test_overview_reminder_opens_the_draft_meeting(qtbot, services, people):
    draft = services.meetings.create("thuong_ky", D(2025, 5, 5))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    overview = window.pages["OverviewPage"]
    overview.today = TODAY
    overview.refresh()
    meetings = window.pages["MeetingsPage"]
    meetings.today = TODAY
    item = next(overview.reminders.item(i) for i in range(overview.reminders.count())
                if "chưa được thông qua" in overview.reminders.item(i).text())
    overview._open(item)
    assert window.stack.currentWidget() is meetings
    assert meetings.selected_id() == draft.id
    assert [e.meeting_id for e in meetings.editors] == [draft.id]
    for editor in meetings.editors:
        editor.close()


def test_closing_the_main_window_saves_open_minutes(qtbot, services, people, data_dir):
    from cellsec.services.facade import Services

    draft = services.meetings.create("thuong_ky", D(2025, 5, 5))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("MeetingsPage")
    editor = page.open_meeting(draft.id)
    retype(editor.time_place.location, "Phòng họp số 2")
    window.close()  # before the services close, the open editor saves
    assert not editor.isVisible()
    reopened = Services.open(data_dir)
    try:
        record = reopened.meetings.get(draft.id)
        assert record.autosaved_at is None and record.content.location == "Phòng họp số 2"
    finally:
        reopened.close()
