"""The window's search box: typed text from the minutes editor is found without accents (and in NFD),
the snippet highlights the match on the original text, Enter opens the meeting."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt

from cellsec.domain.search import Snippet
from cellsec.services.search import SearchHit
from cellsec.ui.app.main_window import MainWindow
from cellsec.ui.meetings.editor import CONTENT
from cellsec.ui.search.panel import highlighted

from ...services.meeting_data import D, add_members
from ..conftest import type_text


@pytest.fixture
def window(qtbot, services):
    add_members(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _search(qtbot, window, text: str):
    box = window.search_box
    box.setFocus()
    box.selectAll()
    box.del_()
    type_text(box, text)
    qtbot.waitUntil(lambda: window.search_box.panel.isVisible() and not window.search_box.timer.isActive())
    return box.panel.hits()


def test_typed_minutes_are_found_without_accents_and_enter_opens_them(qtbot, services, window):
    assert window.search_box.placeholderText() == "Tìm biên bản, nghị quyết, đảng viên…"
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    page = window.show_page("MeetingsPage")
    page.year.setValue(2025)
    editor = page.open_meeting(record.id)
    editor.tabs.setCurrentIndex(CONTENT)
    editor.content_tab.items.setCurrentRow(2)
    editor.content_tab.presentation.setFocus()
    type_text(editor.content_tab.presentation, "Chi bộ chuẩn bị Kiểm điểm đảng viên cuối năm <năm 2025>.")
    assert editor.save()  # the index holds saved minutes
    editor.close()
    window.show_page("OverviewPage")

    hits = _search(qtbot, window, "kiem diem dang vien")
    assert [h.id for h in hits] == [record.id]
    html = window.search_box.panel.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025" in html and "25/09/2025" in html
    assert "<b style='background-color:#ffe58a; color:#000000;'>Kiểm điểm đảng viên</b>" in html
    assert "&lt;năm 2025&gt;" in html  # the text is escaped, only the match is markup

    # NFD input (some keyboards, some pasted text) finds the same record.
    nfd = unicodedata.normalize("NFD", "kiểm điểm đảng viên")
    assert nfd != "kiểm điểm đảng viên"
    assert [h.id for h in _search(qtbot, window, nfd)] == [record.id]

    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert not window.search_box.panel.isVisible()
    assert window.stack.currentWidget() is page
    assert [e.meeting_id for e in page.editors] == [record.id]
    assert page.selected_id() == record.id
    page.editors[0].close()


def test_member_names_and_no_result(qtbot, services, window):
    hits = _search(qtbot, window, "le van kiem")
    assert [(h.kind, h.title) for h in hits] == [("member", "Lê Văn Kiểm")]
    _search(qtbot, window, "khong co gi ca")
    panel = window.search_box.panel
    assert panel.hits() == [] and panel.results.item(0).text() == "Không tìm thấy kết quả nào cho \"khong co gi ca\"."
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_arrow_keys_choose_and_shortcut_focuses(qtbot, services, window):
    for day in (5, 6):
        services.meetings.create("bat_thuong", D(2025, 9, day), topic=f"Kiểm điểm đợt {day}")
    window.activateWindow()
    window.nav.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search_box.hasFocus()
    hits = _search(qtbot, window, "kiem diem dot")
    assert len(hits) == 2
    results = window.search_box.panel.results
    assert results.currentRow() == 0
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert results.currentRow() == 1
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)
    assert results.currentRow() == 0


def test_highlight_is_escaped_html():
    assert highlighted("a<b> kiểm & c", [(5, 9)]) == ("a&lt;b&gt; <b style='background-color:#ffe58a; "
                                                      "color:#000000;'>kiểm</b> &amp; c")
    snippet = Snippet("Kiểm điểm", ((0, 4),))
    hit = SearchHit("member", "x", None, "Kiểm", "", snippet.text, snippet.spans, ((0, 4),), snippet.marked(), None)
    assert hit.title_spans == ((0, 4),)


def test_ctrl_f_on_the_meetings_page_goes_to_the_search_box(qtbot, window):
    page = window.show_page("MeetingsPage")
    window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()


def test_opening_a_meeting_of_another_year_keeps_replaced_minutes_hidden(qtbot, services, window):
    """Bug: with the meetings page on another year, opening a search hit turned on "show replaced
    minutes": the page was moved to the year of the hit's date, not to the year the meeting counts for
    (December's regular meeting held on 3 January), so the meeting was not in the list."""
    record = services.meetings.create("thuong_ky", D(2026, 1, 3), period_month=12, period_year=2025,
                                      topic="Kiểm điểm đột xuất")
    page = window.show_page("MeetingsPage")
    page.year.setValue(2024)
    window.show_page("OverviewPage")
    hits = _search(qtbot, window, "kiem diem dot xuat")
    assert [h.id for h in hits] == [record.id]
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert page.year.value() == 2025 and page.selected_id() == record.id
    assert not page.show_replaced.isChecked()
    assert [e.meeting_id for e in page.editors] == [record.id]
    page.editors[0].close()


def test_enter_opens_the_result_chosen_in_the_box_not_the_row_behind(qtbot, services, window, monkeypatch):
    """With a member selected on the members page behind, choosing another result with Down and pressing
    Enter opens the chosen one — also when the list is still updating after the last key."""
    from cellsec.ui.members.dialog import MemberDialog

    opened: list[str] = []
    monkeypatch.setattr(MemberDialog, "exec", lambda dialog: opened.append(dialog.member_id) or 0)
    page = window.show_page("MembersPage")
    ids = {h.title: h.id for h in _search(qtbot, window, "van")}
    assert len(ids) >= 2
    page.select(list(ids.values())[0])
    page.table.setFocus()
    results = window.search_box.panel.results
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    chosen = results.currentItem().data(Qt.ItemDataRole.UserRole).id
    assert chosen != page.selected_id()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert opened == [chosen]
    # Typed, chosen with Down at once, Enter before the pause is over: still the chosen one.
    opened.clear()
    _search(qtbot, window, "van")
    type_text(window.search_box, " ")
    assert window.search_box.timer.isActive()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    chosen = results.currentItem().data(Qt.ItemDataRole.UserRole).id
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert opened == [chosen]
