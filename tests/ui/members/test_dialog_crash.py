"""Never lose a word: the app is killed (SIGKILL, no chance to save) while a new member's record is being
typed; opening "Thêm đảng viên" again offers back everything typed before the last autosave."""

from __future__ import annotations

import signal
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.store.db import DB_NAME, check_integrity
from cellsec.ui.members.dialog import MemberDialog

from ..scoring.test_score_sheet_crash import run_and_kill

# The child: the real member dialog, offscreen. It types the name and the date of birth as a secretary
# does (each keystroke goes through the widgets' edit signals), waits for an autosave, types the workplace,
# says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    from cellsec.ui.members.dialog import MemberDialog

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    dialog = MemberDialog(services)
    dialog.keeper.saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    dialog.show()

    def type_into(key, text):
        field = dialog.edits[key]
        field.setFocus()
        for ch in text:
            field.insert(ch)
            field.textEdited.emit(field.text())

    type_into("full_name", "Hoàng Thị Mai Anh")
    type_into("date_of_birth", "12/03/1990")
    loop = QEventLoop()
    dialog.keeper.saved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    type_into("workplace", "Trường mầm non xã")
    print("TYPED", flush=True)
    sys.exit(app.exec())
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
