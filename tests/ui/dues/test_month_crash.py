"""Never lose a word: the app is killed (SIGKILL, no chance to save) while the secretary types the month's
amounts; reopening the month offers back every amount typed before the last autosave."""

from __future__ import annotations

import signal
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.dues.month import MonthTab
from cellsec.ui.dues.sheet import COLUMNS

from ..dues_people import TODAY, add_people
from ..scoring.test_score_sheet_crash import run_and_kill

# The child: the real month sheet on the data folder, offscreen. It enters An's amount as the cell editor
# commits it, waits for an autosave, enters Bình's, says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import datetime as dt
    import sys
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.dues.month import MonthTab
    from cellsec.ui.dues.sheet import COLUMNS

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    tab = MonthTab(services, lambda: dt.date.fromisoformat(sys.argv[2]))
    tab.keeper.saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    tab.show()

    def enter(name, text):
        row = next(i for i, r in enumerate(tab.model.rows) if r.line.full_name == name)
        tab.model.setData(tab.model.index(row, COLUMNS.index("paid")), text)

    enter("Nguyễn Văn An", "65.000")
    loop = QEventLoop()
    tab.keeper.saved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    enter("Trần Thị Bình", "29.000")
    print("TYPED", flush=True)
    sys.exit(app.exec())
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
