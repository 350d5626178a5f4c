"""Cài đặt → Số văn bản: the numbers given in a year, the minutes' and meeting resolutions' among them, and
the numbers left unused."""

from __future__ import annotations

import datetime as dt

from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings.page import SettingsPage


def test_the_register_of_a_year(qtbot, demo_services):
    svc = demo_services
    svc.numbers.take("monthly_report", 2026, 3, subject="2026-10", title="Báo cáo tháng 10/2026",
                     issued_on=dt.date(2026, 10, 31), allow_gap=True)
    page = SettingsPage(svc, ChangeNotifier(svc))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.numbers)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Số văn bản"
    tab = page.numbers
    tab.year.setValue(2026)
    rows = [[tab.table.item(r, c).text() for c in range(4)] for r in range(tab.table.rowCount())]
    assert ["Số 03-BC/CB", "Báo cáo tháng", "31/10/2026", "Báo cáo tháng 10/2026"] in rows
    assert any(row[0] == "Số 01-BB/CB" and row[1] == "Biên bản" for row in rows)  # approved minutes count too
    assert "BC: số 01, số 02" in tab.unused.text()
    tab.year.setValue(2001)
    assert tab.table.rowCount() == 0 and tab.unused.text() == "Năm này chưa cấp số văn bản nào."
