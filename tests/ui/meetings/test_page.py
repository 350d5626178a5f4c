"""Sinh hoạt chi bộ: the list's actions (delete, print the minutes book, export to Word), the overview's
meeting reminders open the meeting, refreshing only when visible and once per action. The year view and the
new-meeting dialog have their own test modules."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from cellsec.ui.app.main_window import MainWindow

from ...reports.pdfcheck import pages_text
from ...services.meeting_data import D, add_members
from ..conftest import retype
from .pages import TODAY, approved as _approved, page_on as _page


@pytest.fixture
def people(services):
    return add_members(services)


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


def test_minutes_book_and_word_export(qtbot, services, people, boxes, monkeypatch, tmp_path):
    first = _approved(services, people, "thuong_ky", D(2025, 1, 6))
    _approved(services, people, "thuong_ky", D(2025, 2, 5))
    page = _page(qtbot, services)
    page.book_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    qtbot.addWidget(page.output.last_preview)
    assert page.output.last_preview.job.stem == "so-bien-ban-2025"
    assert "SỔ BIÊN BẢN SINH HOẠT CHI BỘ" in text and "MỤC LỤC" in text and "Số 02-BB/CB" in text

    target = tmp_path / "xuat" / "bien-ban-thang-1"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page.select(first.id)
    page.docx_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    assert page.output.last_path == target.with_suffix(".docx") and target.with_suffix(".docx").exists()
    assert boxes.texts("information")[-1].startswith("Đã xuất biên bản ra tệp")


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


def test_refreshes_only_when_visible_and_once_for_its_own_action(qtbot, services, people, boxes):
    page = _page(qtbot, services)
    refreshes = []
    page.refresh = lambda original=page.refresh: (refreshes.append(1), original())[1]
    page.hide()
    draft = services.meetings.create("thuong_ky", D(2025, 5, 5))  # changed elsewhere while hidden
    assert refreshes == [] and page.model.rowCount() == 0
    page.show()
    assert len(refreshes) == 1 and page.model.rowCount() == 1
    page.select(draft.id)
    page.delete_action.trigger()  # its own action: shown once, not again when the change is announced
    assert len(refreshes) == 2 and page.model.rowCount() == 0
    services.meetings.create("chuyen_de", D(2025, 5, 20), topic="Chuyển đổi số")  # visible: refreshed at once
    assert len(refreshes) == 3 and page.model.rowCount() == 1


def test_invitation_and_sign_in_sheet_open_in_the_preview(qtbot, services, people, monkeypatch):
    from cellsec.ui.common.preview import NumberDialog

    meeting = _approved(services, people, "thuong_ky", D(2025, 3, 5))
    proposed = []

    def answer(dialog):  # the invitation's number: the register's next, taken as proposed
        proposed.append(dialog.number.value())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", answer)
    page = _page(qtbot, services)
    page.select(meeting.id)
    assert page.notice_action.isEnabled() and page.signin_action.isEnabled()
    page.notice_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.output.last_preview)
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    assert "GIẤY MỜI" in text and "ngày 05 tháng 3 năm 2025" in text and "Số 01-GM/CB" in text
    assert services.numbers.given("invitation", meeting.id, 2025).number == "Số 01-GM/CB"
    page.signin_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.output.last_preview)
    assert page.output.last_preview.job.stem == "danh-sach-ky-ten-2025-03-05"
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    assert "Ký tên" in text and "Nguyễn Văn Đức" in text


def test_a_deleted_drafts_details_go_with_it(qtbot, services, boxes):
    draft = services.meetings.create("thuong_ky", D(TODAY.year, 11, 5))
    page = _page(qtbot, services)
    assert page.select(draft.id)
    assert f"05/11/{TODAY.year}" in page.details.text()
    page.delete_selected()  # boxes answers Yes
    assert page.model.row_of(draft.id) < 0
    assert page.details.text() == ""


def test_thematic_plan_is_dated_and_numbered_as_asked(qtbot, services, people, monkeypatch):
    from cellsec.ui.common.preview import NumberDialog

    _approved(services, people, "chuyen_de", D(2025, 2, 20), topic="Nêu gương ở nơi cư trú")

    def answer(dialog):
        retype(dialog.date, "10/01/2025")
        dialog.number.setValue(2)
        dialog.accept()
        dialog.accept()  # 01 left unused, confirmed
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", answer)
    page = _page(qtbot, services)
    page.year.setValue(2025)
    page.plan_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.output.last_preview)
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    assert "KẾ HOẠCH" in text and "Sinh hoạt chuyên đề năm 2025" in text and "Số 02-KH/" in text
    assert "ngày 10 tháng 01 năm 2025" in text and "20/02/2025" in text and "Nêu gương ở nơi cư trú" in text


def test_monthly_report_of_the_selected_meetings_month(qtbot, services, people, monkeypatch):
    from cellsec.ui.common.preview import NumberDialog

    meeting = _approved(services, people, "thuong_ky", D(2025, 4, 25))

    def answer(dialog):
        assert dialog.date.value() == D(2025, 4, 30)  # the month's end proposed, not the day it is printed
        dialog.number.setValue(9)
        dialog.accept()
        dialog.accept()  # 01-08 left unused, confirmed
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", answer)
    page = _page(qtbot, services)
    page.year.setValue(2025)
    page.select(meeting.id)
    page.report_action.trigger()
    with qtbot.waitSignal(page.output.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(page.output.last_preview)
    text = " ".join(" ".join(pages_text(page.output.last_path)).split())
    record = services.meetings.get(meeting.id)
    assert "Kết quả sinh hoạt chi bộ tháng 4 năm 2025" in text and "Số 09-BC/" in text
    assert "ngày 30 tháng 4 năm 2025" in text
    assert f"có mặt {record.summary.present}/{record.summary.expected}" in text
    assert "1. Hoàn thành kế hoạch tháng." in text and "quyết nghị:" not in text


def test_the_period_column_stays_readable_at_a_laptops_width(qtbot, services, people):
    """At 125 % on a 1366×768 laptop the stretched period column showed "Tháng 1/20…"."""
    from cellsec.ui.meetings.table import COLUMNS

    _approved(services, people, "combined", D(2025, 3, 5), topic="Học tập và làm theo tư tưởng Hồ Chí Minh")
    for month in (1, 12):
        _approved(services, people, "thuong_ky", D(2025, month, 5))
    page = _page(qtbot, services)
    page.resize(760, 600)  # the table as wide as beside the navigation at 125 %
    qtbot.waitExposed(page)
    qtbot.wait(20)  # the layout settles
    header = page.table.horizontalHeader()
    column = COLUMNS.index("title")
    shown = [page.table.model().index(row, column).data() for row in range(page.table.model().rowCount())]
    assert "Tháng 12/2025" in shown
    assert header.sectionSize(column) >= page.table.fontMetrics().horizontalAdvance("Tháng 12/2025") + 8
