"""What the meetings page tests share: a page on a fixed day, approved minutes, a cell of the list."""

from __future__ import annotations

from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.meetings.page import MeetingsPage
from cellsec.ui.meetings.table import COLUMNS

from ...services.meeting_data import D, fill

TODAY = D(2025, 5, 10)


def page_on(qtbot, services, today=TODAY) -> MeetingsPage:
    page = MeetingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.today = today
    page.year.setValue(today.year)
    page.refresh()
    page.show()
    return page


def approved(services, people, kind, held_on, topic=""):
    record = services.meetings.create(kind, held_on, topic=topic)
    fill(services, record.id, people)
    return services.meetings.approve(record.id)


def cell(page, row, column):
    return page.model.data(page.model.index(row, COLUMNS.index(column)))
