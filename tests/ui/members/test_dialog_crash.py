"""Never lose a word: the app is killed (SIGKILL, no chance to save) while a new member's record is being
typed; opening "Thêm đảng viên" again offers back everything typed before the last autosave."""

from __future__ import annotations

import signal

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.members.dialog import MemberDialog

from ..kill_child import child_code, run_and_kill

# The child (see kill_child): the real member dialog. It types the name and the date of birth as a
# secretary does (each keystroke goes through the widgets' edit signals), waits for an autosave, then types
# the workplace.
CHILD = child_code("""
    from cellsec.ui.members.dialog import MemberDialog

    window = MemberDialog(services)
    saved = window.keeper.saved

    def type_into(key, text):
        field = window.edits[key]
        field.setFocus()
        for ch in text:
            field.insert(ch)
            field.textEdited.emit(field.text())

    def first():
        type_into("full_name", "Hoàng Thị Mai Anh")
        type_into("date_of_birth", "12/03/1990")

    def second():
        type_into("workplace", "Trường mầm non xã")
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_while_typing_a_new_member_the_dialog_offers_the_text_back(qtbot, services, data_dir, boxes):
    services.close()  # the child owns the data folder while it runs
    _lines, saved_after_typing = run_and_kill(CHILD, str(data_dir))

    check_integrity(data_dir / DB_NAME)
    reopened = Services.open(data_dir)
    try:
        assert reopened.members.query_ids() == []  # nothing was saved as a member
        dialog = MemberDialog(reopened)
        qtbot.addWidget(dialog)
        assert dialog.edits["full_name"].text() == "Hoàng Thị Mai Anh"
        assert dialog.edits["date_of_birth"].text() == "12/03/1990"
        assert (dialog.edits["workplace"].text() == "Trường mầm non xã") == saved_after_typing
        assert dialog.recovered.isVisibleTo(dialog)
        dialog.reject()  # Cancel throws the typing away for good
        assert reopened.drafts.load("member", "new") is None
    finally:
        reopened.close()
