"""The overview read without SQLAlchemy (services/overview_quick.py, what the window shows at start) is the
overview the services give once the store is open: the same cell, counts, "Getting started" facts and
reminders, on the demo cell and on a fresh one, on several days. If the two ways drift apart, this fails."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from cellsec.services import reminders as registry
from cellsec.services.members.records import MemberInput
from cellsec.services.overview_quick import DEPUTY_KEY, PROVIDERS, NotQuick, quick_overview
from tests.dbfile import connect

DEMO_DAY = dt.date(2026, 11, 22)  # the demo's "today" (tests/conftest.demo_template)


def assert_same_overview(services, today: dt.date) -> None:
    quick = quick_overview(services.data_dir, today)
    cell = services.cell.get(today)
    assert quick.cell.__dict__ == {"name": cell.name, "place_name": cell.place_name,
                                   "secretary_name": cell.secretary_name, "deputy_name": cell.deputy_name}
    assert quick.counts == services.overview.counts()
    assert quick.setup_facts == services.overview.setup_facts()
    assert quick.reminders == services.overview.reminders(today)


@pytest.mark.parametrize("today", [DEMO_DAY, dt.date(2026, 3, 10), dt.date(2026, 12, 31), dt.date(2027, 1, 5)])
def test_the_demo_cells_overview_is_the_same_read_either_way(demo_services, today):
    assert_same_overview(demo_services, today)
    if today == DEMO_DAY:  # the demo has something of every kind the overview shows
        kinds = {r.kind for r in quick_overview(demo_services.data_dir, today).reminders}
        assert {"absent_consecutive", "removal_risk", "dues_unpaid", "review_removal_risk", "probation_ending",
                "exemption_ending", "missing_data", "dues_month", "minutes_draft"} <= kinds


def test_a_fresh_cells_overview_is_the_same_read_either_way(services):
    today = dt.date(2026, 11, 22)
    assert_same_overview(services, today)
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", status="du_bi",
                                     date_of_birth=dt.date(1990, 1, 1), admitted_on=dt.date(2025, 12, 1)))
    services.members.add(MemberInput(full_name="Lê Thị Bình", gender="nu", status="chinh_thuc", dues_basis=5_000_000,
                                     date_of_birth=dt.date(1970, 2, 1), official_on=dt.date(2002, 5, 3),
                                     admitted_on=dt.date(2001, 5, 3)))
    quick = quick_overview(services.data_dir, today)
    assert quick.counts["total"] == 2 and quick.setup_facts[1]
    assert {r.kind for r in quick.reminders} >= {"probation_ending", "missing_data"}
    assert_same_overview(services, today)


def test_every_registered_reminder_provider_is_computed_in_the_registrys_order():
    names = [entry.name for entry in registry.providers()]
    assert names == [name for name in PROVIDERS if name in names]


def test_the_deputy_setting_is_the_one_the_cell_settings_write():
    from cellsec.services.settings.officers import DEPUTY_KEY as written

    assert DEPUTY_KEY == written


def test_a_document_renumbered_by_sync_lately_leaves_the_overview_to_the_services(demo_services):
    with connect(demo_services.data_dir / "cellsec.sqlite3") as conn:
        conn.execute("INSERT INTO audit_log (at, action, summary, device_id, undoable) "
                     "VALUES ('2026-11-20 03:00:00.000000', 'sync_renumber', '', '', 0)")
    with pytest.raises(NotQuick):
        quick_overview(demo_services.data_dir, DEMO_DAY)
    quick_overview(demo_services.data_dir, DEMO_DAY + dt.timedelta(days=40))  # long ago: no longer reminded


def test_the_quick_overview_loads_no_sqlalchemy(demo_services):
    script = ("import datetime, sys; from cellsec.services.overview_quick import quick_overview; "
              f"quick_overview({str(demo_services.data_dir)!r}, datetime.date(2026, 11, 22)); "
              "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"
