"""The minutes: create, check, autosave, save, approve (numbered, locked, chained), amend, delete."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from cellsec.domain.meetings import MinutesContent
from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.facade import Services
from cellsec.services.meetings.records import ResolutionInput
from cellsec.services.members.service import StatusChange
from cellsec.store.models.core import Audit, ChangeLog

from ..meeting_data import D, T, SqlCount, add_members, fill
from tests import dbfile


@pytest.fixture
def ids(services):
    return add_members(services)


def test_create_seeds_agenda_and_the_members_in_the_cell_on_the_date(services, ids):
    services.members.change_status(ids["Hoàng Văn Sơn"], StatusChange("transferred_out", D(2025, 10, 1),
                                   org="Chi bộ Phóng viên"),
                                   today=D(2025, 10, 2))
    early = services.meetings.create("thuong_ky", D(2025, 9, 5))
    late = services.meetings.create("thuong_ky", D(2025, 10, 5))
    names = lambda r: {a.full_name: a.status for a in r.attendance}  # noqa: E731
    # Sơn transferred on 1 October: still on September's list, not on October's.
    assert names(early)["Hoàng Văn Sơn"] == "present"
    assert "Hoàng Văn Sơn" not in names(late)
    assert names(early)["Phạm Thị Lan"] == "exempt"
    assert early.summary.exempt == 1 and early.summary.probationary == 1
    # Chair defaults to the cell's secretary; the agenda comes from the template.
    assert early.content.chair_name == "Nguyễn Văn Đức"
    assert early.content.agenda[0].title.startswith("Sinh hoạt \"Học tập và làm theo tư tưởng")
    assert any("tháng 8, đề ra nhiệm vụ tháng 9 năm 2025" in item.title for item in early.content.agenda)
    assert early.title == "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025"


def test_one_regular_meeting_per_month(services, ids):
    services.meetings.create("thuong_ky", D(2025, 9, 5))
    with pytest.raises(ValidationFailed) as err:
        services.meetings.create("combined", D(2025, 9, 25), topic="Chuyển đổi số")
    assert err.value.errors["period_month"].startswith("Tháng 9/2025 đã có buổi sinh hoạt thường kỳ")
    services.meetings.create("chuyen_de", D(2025, 9, 20), topic="Chuyển đổi số")  # thematic is separate


def test_approval_numbers_per_year_and_type(services, ids):
    numbers = []
    for held in (D(2025, 9, 5), D(2025, 10, 5), D(2026, 1, 5)):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        numbers.append(services.meetings.approve(record.id).number)
    assert numbers == ["Số 01-BB/CB", "Số 02-BB/CB", "Số 01-BB/CB"]
    # Resolutions have their own sequence.
    first = services.meetings.list(2025)[0]
    services.meetings.save_resolution(first.id, ResolutionInput("về nhiệm vụ tháng 10", "Hoàn thành kế hoạch.",
                                                                signer_name="Nguyễn Văn Đức"))
    assert services.meetings.issue_resolution(first.id).number == "Số 01-NQ/CB"
    assert [m.number for m in services.meetings.list(2025)] == ["Số 01-BB/CB", "Số 02-BB/CB"]


def test_numbering_that_does_not_restart_each_year_is_a_rule_flag(services, ids, monkeypatch):
    from cellsec.domain.meetings import MeetingRules
    from cellsec.services.meetings import minutes as module

    monkeypatch.setattr(module, "meeting_rules",
                        lambda ctx, on, session=None: MeetingRules(numbering_restarts_yearly=False))
    numbers = []
    for held in (D(2025, 12, 5), D(2026, 1, 5)):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        numbers.append(services.meetings.approve(record.id).number)
    assert numbers == ["Số 01-BB/CB", "Số 02-BB/CB"]


def test_approval_requires_a_complete_record(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    with pytest.raises(ValidationFailed) as err:
        services.meetings.approve(record.id)
    assert {"start_time", "end_time", "location", "secretary_name"} <= set(err.value.errors)
    assert services.meetings.get(record.id).status == "draft"


def test_minutes_are_locked_after_approval(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    approved = services.meetings.approve(record.id)
    assert approved.status == "approved" and approved.locked and approved.content.read_back
    message = "Biên bản này đã được thông qua nên không sửa được nữa. Nếu cần đính chính, hãy lập bản sửa đổi."
    edits = [
        lambda: services.meetings.save(record.id, approved.content),
        lambda: services.meetings.save_draft(record.id, approved.content),
        lambda: services.meetings.set_attendance(record.id, ids["Lê Văn Kiểm"], "absent_without_reason"),
        lambda: services.meetings.refresh_roster(record.id),
    ]
    for edit in edits:
        with pytest.raises(ServiceError) as err:
            edit()
        assert err.value.message == message
    with pytest.raises(ServiceError, match="đã được thông qua với số 01-BB/CB .*không cấp thêm số"):
        services.meetings.approve(record.id)
    with pytest.raises(ServiceError, match="lưu giữ lâu dài"):
        services.meetings.delete(record.id)


def test_undo_cannot_reach_behind_an_approval(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    services.meetings.approve(record.id)
    # The edits before approval are no longer offered for undo: undoing them would change approved minutes.
    last = services.last_undoable()
    assert last is None or "biên bản" not in last[1].lower()
    assert services.meetings.get(record.id).status == "approved"


def test_amendment_keeps_the_original(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    original = services.meetings.approve(record.id)
    amendment = services.meetings.amend(record.id)
    assert (amendment.status, amendment.revision, amendment.amends_id) == ("draft", 2, record.id)
    assert amendment.amends_number == "Số 01-BB/CB"
    marks = lambda r: [(a.full_name, a.status) for a in r.attendance]  # noqa: E731
    assert marks(amendment) == marks(original)

    content = amendment.content
    content.end_time = T(10, 30)
    services.meetings.save(amendment.id, content)
    approved = services.meetings.approve(amendment.id)
    assert approved.number == "Số 02-BB/CB"

    still = services.meetings.get(record.id)
    assert still.status == "approved" and still.content == original.content
    assert still.superseded_by == amendment.id
    assert [m.id for m in services.meetings.list(2025)] == [amendment.id]
    assert [m.revision for m in services.meetings.revisions(amendment.id)] == [1, 2]
    with pytest.raises(ServiceError, match="đã có bản sửa đổi"):
        services.meetings.amend(record.id)
    with pytest.raises(ServiceError, match="Chỉ lập bản sửa đổi cho biên bản đã thông qua"):
        services.meetings.amend(services.meetings.create("thuong_ky", D(2025, 10, 5)).id)


def test_chain_verify_detects_tampering_done_with_raw_sql(services, ids):
    for held in (D(2025, 9, 5), D(2025, 10, 5)):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        services.meetings.approve(record.id)
    first = services.meetings.list(2025)[0]
    services.meetings.save_resolution(first.id, ResolutionInput("về nhiệm vụ", "Hoàn thành kế hoạch.",
                                                                signer_name="Nguyễn Văn Đức"))
    services.meetings.issue_resolution(first.id)
    report = services.finalise.verify_chain()
    assert report.ok and report.checked == 3
    db = services.ctx.store.path

    with dbfile.connect(db) as conn:  # edit approved minutes behind the program's back
        conn.execute("UPDATE meetings SET content = replace(content, 'Hội trường tầng 3', 'Nhà văn hóa') "
                     "WHERE id = ?", (first.id,))
    report = services.finalise.verify_chain()
    assert [(p.code, p.entity_id) for p in report.problems] == [("record_changed", first.id)]
    assert report.first_broken.text == ("Biên bản Số 01-BB/CB: dữ liệu đã bị sửa trực tiếp sau khi được chốt "
                                        "(khác với bản lưu), ở: meetings.content.")

    with dbfile.connect(db) as conn:  # ... and its stored copy to match: the hash no longer does
        conn.execute("UPDATE finalised_documents SET content_json = replace(content_json, 'Hội trường tầng 3', "
                     "'Nhà văn hóa') WHERE seq = 1")
    codes = [(p.seq, p.code) for p in services.finalise.verify_chain().problems]
    # The stored copy's place (meetings.location, also replaced) no longer matches the live column either.
    assert codes == [(1, "hash_mismatch"), (1, "record_changed")]

    with dbfile.connect(db) as conn:  # dropping a record breaks the chain after it
        conn.execute("DELETE FROM finalised_documents WHERE seq = 2")
    codes = [(p.seq, p.code) for p in services.finalise.verify_chain().problems]
    assert (3, "seq_gap") in codes and (3, "link_broken") in codes


def test_autosave_is_cheap_and_recovered_on_read(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    with services.ctx.read() as s:
        audits = s.scalar(select(func.count()).select_from(Audit))
        changes = s.scalar(select(func.count()).select_from(ChangeLog))
    content = record.content
    for i in range(5):
        content.opening = f"Lần gõ thứ {i}"
        services.meetings.save_draft(record.id, content)
    with services.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Audit)) == audits
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == changes
    reopened = services.meetings.get(record.id)
    assert reopened.content.opening == "Lần gõ thứ 4" and reopened.autosaved_at is not None
    saved = services.meetings.save(record.id)  # Ctrl+S folds the autosave into the record
    assert saved.content.opening == "Lần gõ thứ 4" and saved.autosaved_at is None
    assert services.last_undoable()[1].startswith("Lưu biên bản: Sinh hoạt chi bộ thường kỳ tháng 9")
    services.undo_last()
    assert services.meetings.get(record.id).content.opening == ""


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from cellsec.services.facade import Services

    svc = Services.open(Path(sys.argv[1]))
    meeting_id = sys.argv[2]
    content = svc.meetings.get(meeting_id).content
    typed = ""
    i = 0
    while True:
        i += 1
        typed += f"Câu thứ {i}: đồng chí Nguyễn Văn Đức phát biểu về kiểm điểm đảng viên. "
        content.agenda[0].presentation = typed
        svc.meetings.save_draft(meeting_id, content)
        print(i, flush=True)
""")


def test_killed_editor_loses_nothing_saved_before_the_last_autosave(services, ids, data_dir):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    services.close()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), record.id], stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    last = 0
    for line in proc.stdout:
        last = int(line)
        if last >= 40:
            break
    os.kill(proc.pid, signal.SIGKILL)  # no clean shutdown: as if the power went off
    proc.wait()
    proc.stdout.close()

    reopened = Services.open(data_dir)
    try:
        with dbfile.connect(data_dir / "cellsec.sqlite3") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        text = reopened.meetings.get(record.id).content.agenda[0].presentation
        # Everything confirmed saved is there (the child may have saved one more before it died).
        assert f"Câu thứ {last}: đồng chí Nguyễn Văn Đức" in text
        assert text.startswith("Câu thứ 1: ")
    finally:
        reopened.close()


def test_delete_draft_and_undo(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    services.meetings.delete(record.id)
    assert services.meetings.list() == []
    services.undo_last()
    assert [m.id for m in services.meetings.list()] == [record.id]


def test_check_reports_errors_and_warnings_by_field(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    content: MinutesContent = record.content
    content.start_time, content.end_time = T(8, 0), T(9, 0)
    errors, warnings = services.meetings.check(record.id, content)
    assert errors == {} and warnings["end_time"] == "Thời lượng 60 phút, dưới mức tối thiểu 90 phút."


def test_autosave_from_an_older_revision_is_not_shown_over_a_later_change(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    content = record.content
    content.opening = "Bản đã lưu"
    services.meetings.save(record.id, content)
    content.opening = "Đang gõ thêm"
    services.meetings.save_draft(record.id, content)
    services.undo_last()  # undoes "Lưu biên bản": the meeting row changes after the autosave was taken
    reopened = services.meetings.get(record.id)
    assert reopened.content.opening == "" and reopened.autosaved_at is None
    assert services.meetings.save(record.id).content.opening == ""


def test_approving_is_one_write_transaction(services, ids):
    """Issue 8's measure: approving took 1 write and 5 read transactions (46 statements); now the checks,
    the write and the record returned share one transaction."""
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    with SqlCount(services.ctx.store.engine) as sql:
        approved = services.meetings.approve(record.id)
    assert approved.status == "approved" and approved.number == "Số 01-BB/CB"
    assert (sql.writes, sql.reads) == (1, 0), str(sql)
    assert len(sql.statements) <= 35, str(sql)
