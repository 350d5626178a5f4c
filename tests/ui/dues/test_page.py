"""Đảng phí page: refreshed only while visible, and the tab that saved is not reloaded by its own change."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.services.dues.service import PaymentEntry
from cellsec.ui.dues.sheet import COLUMNS

from ..dues_people import TODAY, add_people, dues_page


@pytest.fixture
def people(services):
    return add_people(services)


def _count_loads(monkeypatch, tab) -> list[int]:
    calls: list[int] = []
    original = tab.load
    monkeypatch.setattr(tab, "load", lambda: calls.append(1) or original())
    return calls


def test_saving_the_month_does_not_reload_it(qtbot, services, people, monkeypatch):
    page = dues_page(qtbot, services)
    tab = page.month_tab
    loads = _count_loads(monkeypatch, tab)
    row = next(i for i, r in enumerate(tab.model.rows) if r.line.full_name == "Nguyễn Văn An")
    tab.model.setData(tab.model.index(row, COLUMNS.index("paid")), "65.000")
    assert tab.save()
    assert loads == []                                   # it shows what it saved, not a second read
    assert page.year_tab in page.stale and tab not in page.stale
    assert services.dues.sheet(TODAY, today=TODAY).total_paid == 65_000
    tab.keeper.stop()


def test_a_hidden_page_waits_until_shown(qtbot, services, people, monkeypatch):
    page = dues_page(qtbot, services)
    loads = _count_loads(monkeypatch, page.month_tab)
    page.hide()
    services.dues.record(TODAY, [PaymentEntry(people["Trần Thị Bình"], 29_000)], paid_on=dt.date(2026, 11, 5),
                         today=TODAY)                   # a change made elsewhere (another page, the CLI)
    assert loads == []
    page.show()
    assert loads == [1]
    line = next(r for r in page.month_tab.model.rows if r.line.full_name == "Trần Thị Bình")
    assert line.amount_paid == 29_000


def test_save_is_one_write_and_a_handful_of_reads(qtbot, services, people, capsys):
    """Issue 8's measure through the widgets: the month sheet's Save, and whatever the page does after it."""
    from tests.services.dues.test_service import StatementLog

    page = dues_page(qtbot, services)
    tab = page.month_tab
    qtbot.mouseClick(tab.mark_all_button, Qt.MouseButton.LeftButton)
    log = StatementLog(services.ctx.store.engine)
    try:
        assert tab.save()
    finally:
        log.close()
    with capsys.disabled():
        print(f"\nmonth sheet Save: {len(log.statements)} statements, {len(log.writes())} write and "
              f"{len(log.reads())} read transactions")
    assert len(log.writes()) == 1 and len(log.reads()) <= 2
    tab.keeper.stop()
