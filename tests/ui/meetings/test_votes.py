"""The minutes editor on a laptop screen: every vote, the last one (the resolution as a whole) included, is in
view without scrolling the vote table, the text box above giving way; a long topic is shortened in the title
bar and shown whole in the window."""

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


def test_a_long_topic_is_shortened_in_the_title_bar_and_shown_whole_in_the_window(qtbot, services, boxes):
    topic = ("Phát huy dân chủ ở cơ sở, thực hiện phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra, "
             "dân giám sát, dân thụ hưởng\"")
    record = services.meetings.create("chuyen_de", D(2026, 11, 20), topic=topic)
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    title = editor.windowTitle()
    assert title.startswith("Biên bản: Sinh hoạt chi bộ chuyên đề: Phát huy dân chủ") and title.endswith("…")
    assert len(title) <= len("Biên bản: ") + 61  # a title bar shows it whole, where it cut the 150 characters
    assert topic in editor.title.text()
    editor.keeper.stop()
