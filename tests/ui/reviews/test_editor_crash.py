"""Never lose a word, in each kind of review editor: the app is killed (SIGKILL, no chance to save) while the
secretary types into a member's review, the collective review or the commitments; the reopened editor
shows what was typed before the last autosave, with the banner saying it is the recovered copy."""

from __future__ import annotations

import datetime as dt
import signal

import pytest

from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput
from cellsec.store.db import DB_NAME, check_integrity

from ..kill_child import child_code, run_and_kill

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

# The child (see kill_child): the real editor on the data folder, typing into the kind's field.
CHILD = """
    {import_line}

    year, member_id, review_id = int(args[0]), args[1], args[2]
    editor = window = {construct}
    field = {field}
    saved = window.keeper.saved
"""


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
    code = child_code(CHILD.format(import_line=import_line, construct=construct, field=field))
    _lines, saved_after_typing = run_and_kill(code, str(data_dir), str(YEAR), member.id, review_id, BEFORE, AFTER)

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
