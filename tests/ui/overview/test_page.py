"""Tổng quan: counts as tiles and the reminders, a member reminder opens the member."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.services.members.service import MemberInput, StatusChange
from cellsec.ui.members import dialog as member_dialog
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.overview.page import OverviewPage

TODAY = dt.date(2026, 11, 22)


def _member(services, name, admitted, status, gender="nam"):
    return services.members.add(MemberInput(
        full_name=name, gender=gender, date_of_birth=dt.date(1990, 1, 1), admitted_on=admitted, status=status,
        official_on=None if status == "du_bi" else dt.date(admitted.year + 1, admitted.month, admitted.day),
        cccd="", card_no="" if status == "du_bi" else f"9{admitted.year}{len(name):03d}"), today=TODAY)


def test_counts_and_a_probation_reminder(qtbot, services, monkeypatch):
    _member(services, "Nguyễn Văn Đức", dt.date(2010, 3, 4), "chinh_thuc")
    exempt = _member(services, "Trần Văn Bình", dt.date(2000, 3, 4), "chinh_thuc")
    services.members.change_status(exempt.id, StatusChange("exempt", dt.date(2025, 1, 1), None, "Tuổi cao", "NQ 1"),
                                   today=TODAY)
    probation = _member(services, "Lê Thị Mai", dt.date(2025, 12, 10), "du_bi", "nu")

    page = OverviewPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.today = TODAY
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.reminders.count() > 0)  # filled right after the page first shows
    assert page.page_title() == "Tổng quan"
    numbers = {key: tile.number.text() for key, tile in page.tiles.items()}
    assert numbers == {"total": "3", "chinh_thuc": "2", "du_bi": "1", "active": "2", "exempt": "1", "temporary": "0"}
    assert page.tiles["du_bi"].caption.text() == "Đảng viên dự bị"
    assert page.date_label.text() == "Nghệ An, ngày 22 tháng 11 năm 2026"

    texts = [page.reminders.item(i).text() for i in range(page.reminders.count())]
    probation_rows = [i for i, t in enumerate(texts) if "Lê Thị Mai hết thời gian dự bị ngày 10/12/2026" in t]
    assert probation_rows, texts
    item = page.reminders.item(probation_rows[0])
    assert item.text().startswith("⚠")

    opened = []
    monkeypatch.setattr(member_dialog.MemberDialog, "exec", lambda self: opened.append(self.member_id) or 0)
    rect = page.reminders.visualItemRect(item)
    # A real double-click starts with a press-release (QTest's double-click alone does not activate).
    qtbot.mouseClick(page.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.reminders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [probation.id]


def test_counts_follow_changes(qtbot, services, monkeypatch):
    page = OverviewPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.reminders.count() > 0)
    assert page.tiles["total"].number.text() == "0"
    _member(services, "Phạm Văn Nam", dt.date(2015, 5, 6), "chinh_thuc")
    assert page.tiles["total"].number.text() == "1"


def test_nothing_to_remind(qtbot, services, monkeypatch):
    monkeypatch.setattr(services.overview, "reminders", lambda today=None: [])
    page = OverviewPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.reminders.count() > 0)
    assert [page.reminders.item(i).text() for i in range(page.reminders.count())] == [
        "Hiện không có việc gì cần lưu ý."]


def test_a_hidden_overview_recomputes_nothing_until_shown(qtbot, services, monkeypatch):
    page = OverviewPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.today = TODAY
    page.show()
    qtbot.waitUntil(lambda: page.reminders.count() > 0)
    page.hide()
    calls = []
    real = services.overview.reminders
    monkeypatch.setattr(services.overview, "reminders", lambda today=None: calls.append(today) or real(today))
    for name in ("Phạm Văn Nam", "Lê Văn Tám"):
        _member(services, name, dt.date(2015, 5, 6), "chinh_thuc")
    assert calls == [] and page.tiles["total"].number.text() == "0"  # hidden: only marked stale
    page.show()
    assert calls == [TODAY] and page.tiles["total"].number.text() == "2"  # once, when shown


def test_changes_to_tables_it_does_not_show_are_ignored(qtbot, services, monkeypatch):
    page = OverviewPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.reminders.count() > 0)
    calls = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1))
    services.drafts.save("minutes", "x", {"text": "đang gõ"})  # a local draft: no change event at all
    from cellsec.services.context import Change

    services.ctx.notify(Change("sync.state", "", frozenset({"sync_state"}), frozenset()))
    assert calls == []
