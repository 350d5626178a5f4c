"""What the meetings page tests share: a page on a fixed day, approved minutes, a cell of the list, a new
meeting's minutes open on their first agenda item."""

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


def content_of_new_minutes(qtbot, services):
    """A new regular meeting's minutes editor, active, on the Nội dung tab with the first agenda item shown:
    (editor, content tab)."""
    from cellsec.ui.meetings.editor import CONTENT, MeetingEditor

    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    editor.tabs.setCurrentIndex(CONTENT)
    editor.content_tab.items.setCurrentRow(0)
    return editor, editor.content_tab


def approved(services, people, kind, held_on, topic=""):
    record = services.meetings.create(kind, held_on, topic=topic)
    fill(services, record.id, people)
    return services.meetings.approve(record.id)


def cell(page, row, column):
    return page.model.data(page.model.index(row, COLUMNS.index(column)))
