import json

import pytest
from docx import Document
from pypdf import PdfReader

from cellsec.cli import main

from ..services.meeting_data import D, T, add_members, fill
from tests import dbfile


@pytest.fixture
def store(services, data_dir):
    """Two approved meetings of 2025 (one with an issued resolution), a draft of 2026."""
    ids = add_members(services)
    made = {}
    for key, held in (("sep", D(2025, 9, 5)), ("oct", D(2025, 10, 5))):
        record = services.meetings.create("thuong_ky", held)
        fill(services, record.id, ids)
        services.meetings.approve(record.id)
        made[key] = record.id
    services.meetings.save_resolution(made["sep"], services.meetings.resolution_defaults(made["sep"]))
    services.meetings.issue_resolution(made["sep"])
    made["draft"] = services.meetings.create("chuyen_de", D(2026, 2, 20), topic="Chuyển đổi số").id
    return made


def run(data_dir, capsys, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_meetings_list_json(store, data_dir, capsys):
    code, out, _ = run(data_dir, capsys, "meetings", "list", "--year", "2025", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [store["sep"], store["oct"]]
    first = rows[0]
    assert {"id", "date", "type", "topic", "status", "number", "attendance_rate", "duration_minutes"} <= set(first)
    assert (first["date"], first["type"], first["status"], first["number"]) == ("2025-09-05", "thuong_ky", "approved",
                                                                               "Số 01-BB/CB")
    assert first["attendance_rate"] == 100.0 and first["duration_minutes"] == 120
    code, out, _ = run(data_dir, capsys, "meetings", "list", "--json")
    assert [r["status"] for r in json.loads(out)] == ["approved", "approved", "draft"]
    assert json.loads(out)[2]["topic"] == "Chuyển đổi số"


def test_meetings_show_json_by_id_prefix(store, data_dir, capsys):
    code, out, _ = run(data_dir, capsys, "meetings", "show", store["sep"][:36], "--json")
    assert code == 0
    data = json.loads(out)
    assert data["number"] == "Số 01-BB/CB" and data["minutes"]["location"] == "Hội trường tầng 3"
    assert data["counts"]["exempt"] == 1 and data["counts"]["present"] == 5
    assert data["resolution"]["number"] == "Số 01-NQ/CB"
    code, _, err = run(data_dir, capsys, "meetings", "show", "zzzz")
    assert code == 2 and "Không có buổi sinh hoạt nào" in err


def test_search_json(store, data_dir, capsys):
    code, out, _ = run(data_dir, capsys, "search", "kiem", "diem", "dang", "vien", "--json")
    assert code == 0
    hits = json.loads(out)
    assert {h["id"] for h in hits if h["kind"] == "meeting"} == {store["sep"], store["oct"]}
    hit = hits[0]
    assert {"kind", "id", "date", "title", "snippet"} <= set(hit)
    assert "[kiểm điểm đảng viên]" in hit["marked"]
    code, out, _ = run(data_dir, capsys, "search", "Đức", "--json")
    assert "member" in {h["kind"] for h in json.loads(out)}
    code, out, _ = run(data_dir, capsys, "search", "kiem diem")
    assert "[kiểm điểm]" in out


def test_print_and_export(store, data_dir, capsys, tmp_path):
    code, out, _ = run(data_dir, capsys, "print", "minutes", "--meeting", store["sep"], "-o", str(tmp_path / "bb.pdf"))
    assert code == 0 and out.strip().endswith("bb.pdf")
    assert "BIÊN BẢN" in PdfReader(str(tmp_path / "bb.pdf")).pages[0].extract_text()

    code, _, _ = run(data_dir, capsys, "print", "resolution", "--meeting", store["sep"], "-o", str(tmp_path / "nq.pdf"))
    assert code == 0 and "NGHỊ QUYẾT" in PdfReader(str(tmp_path / "nq.pdf")).pages[0].extract_text()
    code, _, err = run(data_dir, capsys, "print", "resolution", "--meeting", store["oct"],
                       "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "chưa có nghị quyết" in err

    code, _, _ = run(data_dir, capsys, "print", "minutes-book", "--year", "2025", "-o", str(tmp_path / "so.pdf"))
    assert code == 0 and "MỤC LỤC" in PdfReader(str(tmp_path / "so.pdf")).pages[1].extract_text()

    code, _, _ = run(data_dir, capsys, "export", "minutes", "--meeting", store["oct"], "-o", str(tmp_path / "bb.docx"))
    assert code == 0
    assert any("BIÊN BẢN" in p.text for p in Document(str(tmp_path / "bb.docx")).paragraphs)


def test_year_view_json(store, data_dir, capsys):
    code, out, _ = run(data_dir, capsys, "meetings", "year", "--year", "2025", "--json")
    assert code == 0
    data = json.loads(out)
    assert [m["state"] for m in data["months"]][8:10] == ["done", "done"]
    assert data["missing_months"] == [1, 2, 3, 4, 5, 6, 7, 8, 11, 12]


def test_check_data_detects_tampering(store, data_dir, capsys):
    code, out, _ = run(data_dir, capsys, "check-data")
    assert code == 0 and "Dữ liệu toàn vẹn: 3 văn bản đã chốt" in out
    with dbfile.connect(data_dir / "cellsec.sqlite3") as conn:
        conn.execute("UPDATE meeting_attendance SET status = 'present' WHERE meeting_id = ? AND status = 'exempt'",
                     (store["oct"],))
    code, out, _ = run(data_dir, capsys, "check-data", "--json")
    assert code == 4
    problems = json.loads(out)["problems"]
    assert [(p["code"], p["entity_id"]) for p in problems] == [("record_changed", store["oct"])]


def test_approve_and_amend_from_the_command_line(store, data_dir, capsys, services):
    draft = services.meetings.get(store["draft"])
    content = draft.content
    content.start_time, content.end_time = T(8, 0), T(10, 0)
    content.location, content.secretary_member_id = "Hội trường", draft.attendance[1].member_id
    services.meetings.save(draft.id, content)
    code, out, _ = run(data_dir, capsys, "meetings", "approve", store["draft"])
    assert code == 0 and "Số 01-BB/CB" in out
    code, out, _ = run(data_dir, capsys, "meetings", "amend", store["draft"])
    assert code == 0 and "bản sửa đổi" in out
