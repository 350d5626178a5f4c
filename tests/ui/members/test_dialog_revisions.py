"""Issue 15, lost update: the member dialog saves over the revision it opened, never over a newer one.
A change saved meanwhile elsewhere (the command line in another process, a second window) is named and
the user reloads it or keeps theirs as a new revision; the list follows changes made by another process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.members.dialog import MemberDialog
from cellsec.ui.members.page import MembersPage

from ..conftest import retype
from ..elsewhere import answer as _answer_changed_box

ROOT = Path(__file__).resolve().parents[3]


def _member(services, name="Nguyễn Văn Đức", phone="0912000111") -> str:
    return services.members.add(MemberInput(
        full_name=name, gender="nam", date_of_birth=dt.date(1980, 5, 4), list_no=1, phone=phone,
        admitted_on=dt.date(2005, 6, 1), official_on=dt.date(2006, 6, 1), status="chinh_thuc")).id


def _cli(data_dir, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "cellsec", "--data-dir", str(data_dir), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_a_change_saved_from_the_command_line_meanwhile_is_not_overwritten(qtbot, services, data_dir):
    member_id = _member(services)
    dialog = MemberDialog(services, member_id)
    qtbot.addWidget(dialog)
    retype(dialog.edits["workplace"], "Báo Nghệ An")
    done = _cli(data_dir, "members", "status", member_id, "exempt", "--from", "01/01/2025", "--reason", "Ốm dài ngày")
    assert done.returncode == 0, done.stderr
    seen: list[str] = []
    _answer_changed_box("Tải lại", seen)
    dialog.save()
    assert seen and seen[0].startswith("Dữ liệu này vừa được sửa ở nơi khác")
    assert "Tình trạng sinh hoạt" in seen[0] and "Lý do" in seen[0]
    stored = services.members.get(member_id)
    assert stored.activity_status == "exempt" and stored.workplace == ""  # theirs kept, mine not written
    # Reloaded: the dialog shows the stored member, the command line's change included.
    assert dialog.findChild(QLabel, "activity_status").text() == "Miễn sinh hoạt"
    assert dialog.edits["workplace"].text() == ""
    retype(dialog.edits["workplace"], "Báo Nghệ An")
    dialog.save()  # now over the revision it shows: saved
    stored = services.members.get(member_id)
    assert (stored.workplace, stored.activity_status) == ("Báo Nghệ An", "exempt")


def test_keeping_mine_saves_it_as_a_new_revision(qtbot, services, data_dir):
    member_id = _member(services)
    dialog = MemberDialog(services, member_id)
    qtbot.addWidget(dialog)
    retype(dialog.edits["phone"], "0988777666")
    other = Services.open(data_dir)  # a second window on the same data
    try:
        changed = other.members.get(member_id).as_input()
        changed.phone = "0900000000"
        other.members.update(member_id, changed)
    finally:
        other.close()
    seen: list[str] = []
    _answer_changed_box("Giữ bản của tôi thành bản mới", seen)
    dialog.save()
    assert seen and "Đã thay đổi: Điện thoại." in seen[0]
    assert services.members.get(member_id).phone == "0988777666"
    assert services.members.revision(member_id) == 3  # added, changed elsewhere, then mine on top


def test_the_list_follows_a_member_added_by_another_process(qtbot, services, data_dir):
    _member(services)
    notifier = ChangeNotifier(services)
    page = MembersPage(services, notifier)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 1
    done = _cli(data_dir, "members", "add", "--name", "Trần Thị Hồng", "--dob", "09/07/1985", "--gender", "nu",
                "--admitted", "01/06/2010")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=6000)  # within a poll or two, unasked


def test_a_change_from_the_command_line_shows_the_banner_while_the_dialog_is_open(qtbot, services, data_dir):
    member_id = _member(services)
    poll = ChangeNotifier(services)  # the window's poll of changes made by other processes
    dialog = MemberDialog(services, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(dialog.edits["workplace"], "Báo Nghệ An")
    done = _cli(data_dir, "members", "status", member_id, "exempt", "--from", "01/01/2025", "--reason", "Ốm dài ngày")
    assert done.returncode == 0, done.stderr
    poll.look_outside()
    banner = dialog.elsewhere_banner
    assert banner.isVisible() and "vừa được sửa ở nơi khác" in banner.label.text()
    assert dialog.edits["workplace"].text() == "Báo Nghệ An"  # the typing stays until the user says
    banner.reload_button.click()
    assert dialog.findChild(QLabel, "activity_status").text() == "Miễn sinh hoạt" and not banner.isVisible()
    assert dialog.edits["workplace"].text() == ""
