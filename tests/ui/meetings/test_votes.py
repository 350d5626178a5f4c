"""The vote table of the minutes editor on a laptop screen: every vote, the last one (the resolution as a
whole) included, is in view without scrolling the table; the text box above gives way instead."""

from __future__ import annotations

from cellsec.domain.meetings import AgendaItem, Vote
from cellsec.ui.meetings.editor import VOTES, MeetingEditor

from ...services.meeting_data import D, add_members


def test_every_vote_row_shows_in_a_window_as_small_as_at_125_percent(qtbot, services, boxes):
    add_members(services)
    record = services.meetings.create("thuong_ky", D(2026, 1, 5))
    content = record.content
    content.agenda = [AgendaItem(f"Nội dung thứ {i} của buổi sinh hoạt chi bộ", vote=Vote(5, 0, 0) if i == 3 else None)
                      for i in range(1, 6)]
    content.resolution_text = "\n".join(f"{i}. Nhiệm vụ trọng tâm số {i} của tháng." for i in range(1, 9))
    content.resolution_vote = Vote(5, 0, 0)
    services.meetings.save(record.id, content)
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    editor.resize(1077, 542)  # what a 1366×768 laptop at 125 % leaves it
    editor.show()
    editor.tabs.setCurrentIndex(VOTES)
    qtbot.waitExposed(editor)
    table = editor.votes.votes
    assert table.rowCount() == 6
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    assert table.viewport().height() >= rows and table.verticalScrollBar().maximum() == 0
    assert table.item(5, 0).text() == "Toàn văn kết luận / nghị quyết"
    assert editor.votes.resolution_text.height() >= editor.votes.resolution_text.minimumHeight()
    editor.keeper.stop()
