"""The committee's comments where the secretary works: written on the committee server, pulled by a real sync
(a uvicorn on 127.0.0.1), shown read-only in the review editor and in the minutes editor of that record, with
the committee's name, the officer and the date in Vietnam time; a record without comments shows no box."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.server.store import admin
from cellsec.server.store.models import Entity
from cellsec.ui.meetings.editor import MeetingEditor
from cellsec.ui.reviews.editor import ReviewEditor
from tests.server.conftest import db_url, free_port, live_server, postgres, store  # noqa: F401  (fixtures)
from tests.sync.conftest import _own_config_dir, server_cell  # noqa: F401  (fixtures)


@pytest.fixture
def db_url(tmp_path):  # noqa: F811  (what the editors show does not depend on the server's database)
    return f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture(autouse=True)
def _answers(boxes):
    return boxes


def _comment(store, cell_id: str, entity: str, entity_id: str, text: str) -> str:
    """Write a comment as the committee's page does; the time it was written, as the laptop must show it."""
    with store.transaction() as s:
        comment_id = admin.add_comment(s, cell_id, entity, entity_id, text, "Nguyễn Thị Lan")
    with store.transaction() as s:
        written = dt.datetime.fromisoformat(s.get(Entity, (cell_id, "committee_comments", comment_id))
                                            .snapshot["created_at"])
    return written.astimezone(dt.timezone(dt.timedelta(hours=7))).strftime("%d/%m/%Y %H:%M")


def test_a_comment_from_the_committee_shows_in_the_review_and_the_minutes(qtbot, tmp_path, demo_services, store,
                                                                           live_server, server_cell):
    cell_id, code = server_cell
    laptop = demo_services
    laptop.sync.connect(live_server, code, "Máy bí thư")
    laptop.sync.sync_now()  # the records go up first: the committee comments on what it has
    year = max(r.year for r in laptop.reviews.list_reviews(2025) + laptop.reviews.list_reviews(2026))
    commented, other = laptop.reviews.list_reviews(year)[:2]
    meeting = laptop.meetings.list(2026)[0]
    when = _comment(store, cell_id, "member_reviews", commented.id,
                    "Đề nghị đồng chí làm rõ <nguyên nhân> của hạn chế thứ hai.")
    _comment(store, cell_id, "meetings", meeting.id, "Biên bản cần ghi rõ số đảng viên vắng mặt có lý do.")
    laptop.sync.sync_now()

    editor = ReviewEditor(laptop, commented.id)
    qtbot.addWidget(editor)
    editor.show()
    box = editor.committee_comments
    assert box.isVisible() and "(1)" in box.title()
    shown = box.text.text()
    assert "Đề nghị đồng chí làm rõ &lt;nguyên nhân&gt; của hạn chế thứ hai." in shown  # as text, never markup
    assert "Đảng ủy xã Nghi Lộc" in shown and "Nguyễn Thị Lan" in shown and when in shown
    assert box.text.textInteractionFlags() & box.text.textInteractionFlags().TextSelectableByMouse
    assert not box.text.textInteractionFlags() & box.text.textInteractionFlags().TextEditable
    editor.grab().save(str(tmp_path / "review-comment.png"))
    editor.close()

    plain = ReviewEditor(laptop, other.id)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.committee_comments.isVisible()
    plain.close()

    minutes = MeetingEditor(laptop, meeting.id)
    qtbot.addWidget(minutes)
    minutes.show()
    assert minutes.committee_comments.isVisible()
    assert "số đảng viên vắng mặt có lý do" in minutes.committee_comments.text.text()
    assert "Đảng ủy xã Nghi Lộc" in minutes.committee_comments.text.text()
    minutes.grab().save(str(tmp_path / "minutes-comment.png"))
    minutes.close()
