"""Issue 15, no lost update in the month's dues sheet: lines recorded elsewhere (a second window or the command
line on the same data) while amounts are typed here are never overwritten. Each line is checked on its own:
the save is refused naming the members whose lines changed, nothing is written and the typed amounts stay;
Tải lại shows those lines as stored and keeps the amounts typed on the others; "keep mine" saves over them.
An outside change shows the banner while amounts are typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.services.dues.service import PaymentEntry
from cellsec.ui.dues.sheet import COLUMNS

from ..dues_people import TODAY, add_people, dues_page
from ..elsewhere import CHANGED, KEEP_MINE, STAY, change_elsewhere, save_answering

MONTH = dt.date(2026, 11, 1)
AN, BINH = "Nguyễn Văn An", "Trần Thị Bình"


@pytest.fixture
def people(services):
    return add_people(services)


def _type_paid(tab, name: str, amount: str) -> None:
    """What the table's money editor commits when an amount is typed into the "paid" cell."""
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == name)
    assert model.setData(model.index(row, COLUMNS.index("paid")), amount, Qt.ItemDataRole.EditRole)


def _paid(services, member_id: str) -> int:
    return next(line.amount_paid for line in services.dues.sheet(MONTH).lines if line.member_id == member_id)


def _shown(tab, name: str) -> str:
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 1)) == name)
    return model.data(model.index(row, COLUMNS.index("paid")))


def _recorded_elsewhere(member_id: str, amount: int):
    return lambda other: other.dues.record(MONTH, [PaymentEntry(member_id, amount)], today=TODAY)


def test_lines_recorded_elsewhere_are_not_overwritten(qtbot, services, data_dir, people, boxes, tmp_path):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    _type_paid(tab, AN, "50.000")
    _type_paid(tab, BINH, "20.000")
    change_elsewhere(data_dir, _recorded_elsewhere(people[AN], 30_000))
    page.notifier.look_outside()  # the window's poll: the typed month is not reloaded under the user...
    banner = tab.elsewhere_banner
    assert banner.isVisible() and CHANGED in banner.label.text()  # ...it says so instead
    assert _shown(tab, AN) == "50.000 đ" and _shown(tab, BINH) == "20.000 đ"
    page.grab().save(str(tmp_path / "dues_month_banner.png"))

    saved, seen = save_answering(tab.save, STAY)
    assert not saved and CHANGED in seen[0] and AN in seen[0] and BINH not in seen[0]
    assert _paid(services, people[AN]) == 30_000 and _paid(services, people[BINH]) == 0  # nothing written
    assert _shown(tab, AN) == "50.000 đ" and tab.is_dirty()

    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert _shown(tab, AN) == "30.000 đ" and _shown(tab, BINH) == "20.000 đ"  # theirs; my other line stays
    assert not banner.isVisible() and tab.is_dirty()
    assert tab.save()  # no question now
    assert _paid(services, people[AN]) == 30_000 and _paid(services, people[BINH]) == 20_000


def test_keeping_mine_saves_over_the_line_changed_elsewhere(qtbot, services, data_dir, people, boxes):
    services.dues.record(MONTH, [PaymentEntry(people[AN], 10_000)], today=TODAY)
    page = dues_page(qtbot, services)
    tab = page.month_tab
    _type_paid(tab, AN, "50.000")
    change_elsewhere(data_dir, _recorded_elsewhere(people[AN], 40_000))
    saved, seen = save_answering(tab.save, KEEP_MINE)
    assert saved and AN in seen[0] and _paid(services, people[AN]) == 50_000 and not tab.is_dirty()


def test_amounts_left_on_a_hidden_tab_meet_the_banner_when_shown_again(qtbot, services, data_dir, people, boxes):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    _type_paid(tab, BINH, "20.000")
    page.tabs.setCurrentWidget(page.year_tab)  # the month, with its unsaved amount, is hidden: not listening
    change_elsewhere(data_dir, _recorded_elsewhere(people[BINH], 29_000))
    page.notifier.look_outside()
    page.tabs.setCurrentWidget(tab)
    assert tab.elsewhere_banner.isVisible() and _shown(tab, BINH) == "20.000 đ"  # told on return, typing kept
