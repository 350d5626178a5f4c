"""The year view: month and quarter tiles coloured by state, their tooltips, and what a click does; the
list under it (table.py's model)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ...services.meeting_data import D, add_members
from .pages import approved as _approved, cell as _cell, page_on as _page


@pytest.fixture
def people(services):
    return add_members(services)


def test_year_view_flags_the_missing_month_and_quarter(qtbot, services, people):
    _approved(services, people, "thuong_ky", D(2025, 1, 6))
    services.meetings.create("thuong_ky", D(2025, 3, 5))  # held, minutes still a draft
    _approved(services, people, "combined", D(2025, 4, 4), "Học tập Chỉ thị 35")
    page = _page(qtbot, services)
    page.resize(1800, 700)  # room for every tile's whole text (a narrow window: the test below)
    qtbot.waitUntil(lambda: page.year_view.month_tiles[0].width() > 120)
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


def test_tiles_never_show_a_cut_word_on_a_narrow_window(qtbot, services, people):
    """At 125 % on a 1366×768 laptop a month tile is about 55 px wide: "✗ chưa họp" would show as
    "✗ ch... họp"; the tile shows the mark alone then, and the whole text again when there is room."""
    page = _page(qtbot, services)
    tiles = page.year_view.month_tiles
    page.resize(1800, 700)
    qtbot.waitUntil(lambda: tiles[1].width() > 120)
    assert tiles[1].text() == "Tháng 2\n✗ chưa họp"
    page.resize(760, 700)
    qtbot.waitUntil(lambda: tiles[1].width() < 70)
    for tile in tiles:
        for line in tile.text().splitlines():
            assert tile.fontMetrics().horizontalAdvance(line) <= tile.width() - 4, (tile.objectName(), line)
    assert tiles[1].text().splitlines()[-1] == "✗"
    assert "chưa có biên bản" in tiles[1].toolTip()
