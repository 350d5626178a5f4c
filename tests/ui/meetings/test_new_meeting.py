"""The new-meeting dialog: the topic checked as typed, a month already taken refused by the service, the
new minutes opened and selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ...services.meeting_data import D, add_members
from ..conftest import retype, type_text
from .pages import page_on as _page


@pytest.fixture
def people(services):
    return add_members(services)


def test_new_meeting_checks_topic_and_taken_month(qtbot, services, people):
    services.meetings.create("thuong_ky", D(2025, 5, 5))
    page = _page(qtbot, services)
    assert page.new_action.shortcut() == QKeySequence("Ctrl+N")
    dialog = page.new_meeting()
    dialog.kind.setCurrentIndex(dialog.kind.findData("chuyen_de"))
    assert dialog.topic_label.text() == "Chủ đề:"
    assert not dialog.create_button.isEnabled() and not dialog.messages["topic"].isVisible()  # quiet until typed
    retype(dialog.topic, "x")
    retype(dialog.topic, "")
    assert dialog.messages["topic"].text() == "Hãy ghi chủ đề sinh hoạt chuyên đề."
    dialog.kind.setCurrentIndex(dialog.kind.findData("thuong_ky"))
    retype(dialog.held_on, "12/05/2025")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["period_month"].text() == "Tháng 5/2025 đã có buổi sinh hoạt thường kỳ (ngày 05/05/2025)."
    assert dialog.isVisible() and dialog.created is None
    dialog.kind.setCurrentIndex(dialog.kind.findData("chuyen_de"))
    dialog.topic.setFocus()
    type_text(dialog.topic, "Học tập và làm theo tư tưởng Hồ Chí Minh")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.created is not None and dialog.created.content.kind == "chuyen_de"
    assert page.editors and page.editors[0].meeting_id == dialog.created.id
    assert page.selected_id() == dialog.created.id
