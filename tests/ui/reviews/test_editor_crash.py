"""Never lose a word, in each kind of review editor: the app is killed (SIGKILL, no chance to save) while the
secretary types into a member's review, the collective review or the commitments; the reopened editor
shows what was typed before the last autosave, with the banner saying it is the recovered copy."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput
from cellsec.store.db import DB_NAME, check_integrity

TODAY = dt.date.today()
YEAR = TODAY.year
BEFORE = "Luôn gương mẫu chấp hành chủ trương của Đảng."
AFTER = " Câu này gõ sau lần tự lưu cuối cùng."

# Each kind: how to open the editor on (services, year, member_id, review_id), and the field typed into.
KINDS = {
    "member_review": ("from cellsec.ui.reviews.editor import ReviewEditor",
                      "ReviewEditor(services, review_id)", "editor.sections.edits['politics']"),
    "collective_review": ("from cellsec.ui.reviews.collective import CollectiveEditor",
                          "CollectiveEditor(services, year)", "editor.sections.edits['tasks']"),
    "review_commitments": ("from cellsec.ui.reviews.commitments import CommitmentsDialog",
                           "CommitmentsDialog(services, year, member_id)", "editor.midyear"),
}

# The child: the real editor on the data folder, offscreen. It reports every autosave on stdout, types,
# waits for an autosave, types more, says so, and keeps running until it is killed.
CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from cellsec.services.facade import Services
    from cellsec.ui.app.i18n import install_language
    {import_line}

    install_language(app, "vi")
    services = Services.open(sys.argv[1])
    year, member_id, review_id = int(sys.argv[2]), sys.argv[3], sys.argv[4]
    editor = {construct}
    editor.keeper.saved.connect(lambda at: print("AUTOSAVED", at.isoformat(), flush=True))
    editor.show()
    field = {field}
    field.setFocus()

    def type_text(text):
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))

    type_text(sys.argv[5])
    loop = QEventLoop()
    editor.keeper.saved.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    type_text(sys.argv[6])
    print("TYPED", flush=True)
    sys.exit(app.exec())
""")


def _open(services, kind, year, member_id, review_id):
    namespace = {"services": services, "year": year, "member_id": member_id, "review_id": review_id}
    import_line, construct, field = KINDS[kind]
    exec(import_line, namespace)
    editor = eval(construct, namespace)
    return editor, eval(field, {"editor": editor})


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("kind", list(KINDS))
def test_killed_while_typing_the_reopened_editor_shows_the_autosaved_text(qtbot, services, data_dir, boxes, kind):
    member = services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", list_no=1,
                                              date_of_birth=dt.date(1980, 1, 1), admitted_on=dt.date(2010, 5, 19),
                                              official_on=dt.date(2011, 5, 19), status="chinh_thuc"))
    services.reviews.open_year(YEAR, today=TODAY)
    review_id = services.reviews.list_reviews(YEAR)[0].id
    import_line, construct, field = KINDS[kind]
    child_code = CHILD.format(import_line=import_line, construct=construct, field=field)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", child_code, str(data_dir), str(YEAR), member.id, review_id,
                              BEFORE, AFTER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("TYPED"):
                os.kill(child.pid, signal.SIGKILL)  # mid-typing: the last words are not saved yet
                break
    finally:
        if child.poll() is None:
            child.kill()
        rest, errors = child.communicate(timeout=30)
    lines += [line.strip() for line in rest.splitlines()]
    assert child.returncode == -signal.SIGKILL, errors
    assert lines.index("TYPED") >= 1, errors  # an autosave happened while the child ran
    saved_after_typing = any(line.startswith("AUTOSAVED") for line in lines[lines.index("TYPED") + 1:])

    check_integrity(data_dir / DB_NAME)  # quick_check: the file survived the kill intact
    reopened = Services.open(data_dir)
    try:
        editor, typed_into = _open(reopened, kind, YEAR, member.id, review_id)
        qtbot.addWidget(editor)
        text = typed_into.toPlainText()
        assert text.startswith(BEFORE)
        # What was typed after the last autosave is lost (unless one more autosave beat the kill).
        assert (AFTER.strip() in text) == saved_after_typing
        assert editor.recovered_banner.isVisibleTo(editor) and editor.unsaved
        editor.keeper.stop()
    finally:
        reopened.close()
