"""Đảng phí — "Nộp lên cấp trên": what the committee confirmed receiving (receipts recorded on the committee
server, pulled by a real sync over 127.0.0.1) beside what the cell collected and has to remit, month by month;
a quarter's receipt covers its three months; a cancelled receipt disappears at the next sync."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.server.store import remittances
from tests.server.conftest import db_url, free_port, live_server, postgres, store  # noqa: F401  (fixtures)
from tests.sync.conftest import _own_config_dir, server_cell  # noqa: F401  (fixtures)

from ..dues_people import dues_page

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def db_url(tmp_path):  # noqa: F811  (what the page shows does not depend on the server's database)
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


def _receipt(store, cell_id, period, amount, on, note=""):
    with store.transaction() as s:
        return remittances.record_receipt(s, cell_id, remittances.parse_period(period), amount, on, note,
                                          "Nguyễn Thị Lan")


def _row(tab, month: int) -> list[str]:
    return [tab.table.item(month - 1, c).text() if tab.table.item(month - 1, c) else "" for c in range(7)]


def test_the_committees_receipts_show_beside_what_the_cell_remits(qtbot, tmp_path, demo_services, store, live_server,
                                                                   server_cell):
    cell_id, code = server_cell
    laptop = demo_services
    laptop.sync.connect(live_server, code, "Máy bí thư")
    laptop.sync.sync_now()
    owed = {r.month.month: r for r in laptop.dues.remittance_year(2026, TODAY)}
    assert owed[3].remitted > 0 and owed[7].remitted > 0
    _receipt(store, cell_id, "2026-03", owed[3].remitted, dt.date(2026, 4, 5), "Nộp tiền mặt")
    _receipt(store, cell_id, "2026-Q3", 1_250_000, dt.date(2026, 10, 10))
    wrong = _receipt(store, cell_id, "2026-05", 999_000, dt.date(2026, 6, 2))
    laptop.sync.sync_now()

    page = dues_page(qtbot, laptop, TODAY)
    page.tabs.setCurrentWidget(page.remittance_tab)
    tab = page.remittance_tab
    assert page.tabs.tabText(3) == "Nộp lên cấp trên"
    assert tab.table.rowCount() == 11  # January to November: December is not over yet
    march = _row(tab, 3)
    assert march[0] == "Tháng 03/2026"
    assert march[3] == f"{owed[3].remitted:,}".replace(",", ".") + " đ" == march[4]
    assert march[5] == "05/04/2026" and march[6] == "Nộp tiền mặt"
    july = _row(tab, 7)
    assert july[4] == "Quý III/2026: 1.250.000 đ" and july[5] == "10/10/2026"
    assert tab.table.rowSpan(6, 4) == 3  # the quarter's receipt covers July, August and September
    assert _row(tab, 4)[4] == "" and _row(tab, 5)[4] == "999.000 đ"
    received = owed[3].remitted + 1_250_000 + 999_000
    assert f"{received:,}".replace(",", ".") in tab.totals.text() and "Chưa được xác nhận" in tab.totals.text()
    page.grab().save(str(tmp_path / "remittances.png"))

    # A receipt the committee cancels is gone after the next sync (the page refreshes on the pulled change).
    with store.transaction() as s:
        remittances.cancel_receipt(s, cell_id, wrong)
    laptop.sync.sync_now()
    page.refresh()
    assert _row(tab, 5)[4] == ""
