"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types the month's
amounts; reopening the month offers back every amount typed before the last autosave."""

from __future__ import annotations

import signal

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.dues.month import MonthTab
from cellsec.ui.dues.sheet import COLUMNS

from ..dues_people import TODAY, add_people
from ..kill_child import child_code, run_and_kill

# The child (see kill_child): the real month sheet on the data folder. It enters An's amount as the cell
# editor commits it, waits for an autosave, then enters Bình's.
CHILD = child_code("""
    import datetime as dt
    from cellsec.ui.dues.month import MonthTab
    from cellsec.ui.dues.sheet import COLUMNS

    window = MonthTab(services, lambda: dt.date.fromisoformat(args[0]))
    saved = window.keeper.saved

    def enter(name, text):
        row = next(i for i, r in enumerate(window.model.rows) if r.line.full_name == name)
        window.model.setData(window.model.index(row, COLUMNS.index("paid")), text)

    def first():
        enter("Nguyễn Văn An", "65.000")

    def second():
        enter("Trần Thị Bình", "29.000")
""")


def _paid(tab: MonthTab, name: str) -> str:
    row = next(i for i, r in enumerate(tab.model.rows) if r.line.full_name == name)
    return tab.model.data(tab.model.index(row, COLUMNS.index("paid")))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_entering_amounts_the_reopened_month_holds_them(qtbot, services, data_dir):
    add_people(services)
    services.close()  # the child owns the data folder while it runs
    _lines, saved_after_typing = run_and_kill(CHILD, str(data_dir), TODAY.isoformat())

    check_integrity(data_dir / DB_NAME)
    reopened = Services.open(data_dir)
    try:
        assert reopened.dues.sheet(TODAY, today=TODAY).total_paid == 0  # nothing was really recorded
        tab = MonthTab(reopened, lambda: TODAY)
        qtbot.addWidget(tab)
        assert _paid(tab, "Nguyễn Văn An") == "65.000 đ"
        assert (_paid(tab, "Trần Thị Bình") == "29.000 đ") == saved_after_typing
        assert tab.recovered_banner.isVisibleTo(tab) and tab.is_dirty()
        assert tab.save()
        assert reopened.dues.sheet(TODAY, today=TODAY).total_paid >= 65_000
        assert reopened.drafts.load("dues_month", f"{TODAY:%Y-%m}") is None  # folded into the ledger
    finally:
        reopened.close()
