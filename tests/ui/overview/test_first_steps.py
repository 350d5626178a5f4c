"""A new cell sees "Bắt đầu" on Tổng quan: four first steps, each ticked when done, each linking to its page;
the list goes once all are done."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.service import MemberInput
from cellsec.ui.app.main_window import MainWindow


def test_a_new_cell_is_guided_through_its_first_steps(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("OverviewPage")
    steps = page.first_steps
    qtbot.waitUntil(lambda: steps.done != {})
    assert steps.isVisible() and steps.title.text() == "Bắt đầu"
    assert not steps.done["members"] and not steps.done["meeting"] and not steps.done["dues"]
    assert "Thêm từng đảng viên" in steps.steps["members"].text()
    steps.steps["members"].linkActivated.emit("MembersPage")  # the link in the step
    assert window.current_page_class() == "MembersPage"

    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam",
                                              date_of_birth=dt.date(1980, 1, 1), admitted_on=dt.date(2005, 1, 1)))
    services.meetings.create("thuong_ky", dt.date(2026, 12, 5))
    info = services.cell.get()
    info.place_name, info.secretary_name, info.deputy_name = "Nghệ An", "Nguyễn Văn An", "Lê Thị Bình"
    services.cell.update(info)
    window.show_page("OverviewPage")
    page.refresh()
    assert steps.done == {"cell": True, "members": True, "meeting": True, "dues": False}
    assert steps.isVisible() and "✓" in steps.steps["members"].text()

    services.members.add(MemberInput(full_name="Lê Thị Bình", gender="nu", date_of_birth=dt.date(1985, 1, 1),
                                     admitted_on=dt.date(2010, 1, 1), dues_basis=6_000_000))
    page.refresh()
    assert steps.done["dues"] and not steps.isVisible()  # all four done: the list goes
