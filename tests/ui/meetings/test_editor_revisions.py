"""Issue 15, lost update in the minutes editor: minutes saved elsewhere while the editor is open (here a
second window on the same data) are not overwritten; the editor names what changed and reloads them, or
keeps its own text as a new revision when the secretary says so."""

from __future__ import annotations

from cellsec.services.facade import Services
from cellsec.ui.meetings.editor import TIME_PLACE, MeetingEditor

from ...services.meeting_data import D, add_members
from ..conftest import retype
from ..elsewhere import answer as _press, poll_from


def _changed_elsewhere(data_dir, meeting_id: str, place: str) -> None:
    other = Services.open(data_dir)  # a second window (or process) on the same data
    try:
        content = other.meetings.get(meeting_id).content
        content.location = place
        other.meetings.save(meeting_id, content)
    finally:
        other.close()


def test_minutes_saved_elsewhere_meanwhile_are_reloaded_not_overwritten(qtbot, services, data_dir):
    add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(TIME_PLACE)
    retype(editor.time_place.location, "Hội trường tầng 3")
    _changed_elsewhere(data_dir, record.id, "Nhà văn hóa thôn Đông")
    seen: list[str] = []
    _press("Tải lại", seen)
    assert editor.save() is False
    assert seen and "vừa được sửa ở nơi khác" in seen[0] and "Nội dung biên bản" in seen[0]
    assert services.meetings.get(record.id).content.location == "Nhà văn hóa thôn Đông"
    assert editor.time_place.location.text() == "Nhà văn hóa thôn Đông"  # reloaded: theirs on screen
    retype(editor.time_place.location, "Hội trường tầng 3")
    assert editor.save() is True  # from the revision it now shows
    assert services.meetings.get(record.id).content.location == "Hội trường tầng 3"
    retype(editor.time_place.location, "Hội trường tầng 2")
    assert editor.save() is True  # its own save moved its revision on: no refusal of itself
    editor.close()


def test_keeping_my_minutes_saves_them_over_the_other_change(qtbot, services, data_dir):
    add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(TIME_PLACE)
    retype(editor.time_place.location, "Hội trường tầng 3")
    _changed_elsewhere(data_dir, record.id, "Nhà văn hóa thôn Đông")
    seen: list[str] = []
    _press("Giữ bản của tôi thành bản mới", seen)
    assert editor.save() is True and seen
    assert services.meetings.get(record.id).content.location == "Hội trường tầng 3"
    editor.close()


def test_minutes_changed_elsewhere_show_the_banner(qtbot, services, data_dir, tmp_path):
    add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    poll = poll_from(services)
    editor = MeetingEditor(services, record.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(TIME_PLACE)
    _changed_elsewhere(data_dir, record.id, "Nhà văn hóa thôn Đông")
    poll.look_outside()  # nothing typed yet: the stored minutes are shown at once, and the banner says so
    assert editor.time_place.location.text() == "Nhà văn hóa thôn Đông"
    assert "đang hiện bản mới nhất" in editor.elsewhere_banner.label.text()
    retype(editor.time_place.location, "Hội trường tầng 3")
    _changed_elsewhere(data_dir, record.id, "Nhà văn hóa thôn Tây")
    poll.look_outside()
    banner = editor.elsewhere_banner
    assert banner.isVisible() and banner.reload_button.isVisible()
    assert editor.time_place.location.text() == "Hội trường tầng 3"  # the typing stays under the banner
    editor.grab().save(str(tmp_path / "minutes_banner.png"))
    banner.reload_button.click()
    assert editor.time_place.location.text() == "Nhà văn hóa thôn Tây" and not banner.isVisible()
    editor.close()
