"""`cellsec reviews ...`, `cellsec print review ...`, `cellsec export reviews ...`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from cellsec.cli import main
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def cell_dir(services, data_dir):
    """A cell with a 2026 review: one member proposed "excellent" (over the quota), one scored 85,5 and
    "good", one not yet written."""
    svc = services
    members = []
    for i, (name, party) in enumerate((("Nguyễn Văn Đức", "Bí thư chi bộ"), ("Trần Thị Hồng", ""),
                                        ("Lê Văn Sơn", "")), start=1):
        members.append(svc.members.add(MemberInput(
            full_name=name, date_of_birth=dt.date(1980, 1, 1), gender="nam", admitted_on=dt.date(2005, 5, 19),
            official_on=dt.date(2006, 5, 19), status="chinh_thuc", position_party=party, list_no=i), today=TODAY))
    svc.reviews.open_year(2026, today=TODAY)
    duc = svc.reviews.review_for(members[0].id, 2026).id
    svc.reviews.save_review(duc, ReviewInput(scores={"general": 29, "tasks": 65}, self_level="htxs",
                                             conditions=["all_tasks_on_time", "tasks_exceeded_30",
                                                         "shortcomings_fixed"]))
    svc.reviews.save_cell_assessment(duc, CellAssessmentInput("Nhất trí.", "htxs", 3, 0, 0))
    hong = svc.reviews.review_for(members[1].id, 2026).id
    svc.reviews.save_review(hong, ReviewInput(scores={"general": "25,5", "tasks": 60}, self_level="htt"))
    return data_dir, members


def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_summary_json_has_exactly_the_documented_shape(cell_dir, capsys):
    data_dir, members = cell_dir
    capsys.readouterr()
    assert run(data_dir, "reviews", "summary", "--year", "2026", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"year", "members", "counts", "allowed_excellent", "proposed_excellent", "quota_exceeded"}
    assert out["year"] == 2026
    assert out["members"] == [
        {"id": members[0].id, "name": "Nguyễn Văn Đức", "form_type": "Cá nhân giữ chức vụ lãnh đạo, quản lý",
         "self_score": 94, "self_level": "Hoàn thành xuất sắc nhiệm vụ",
         "cell_level": "Hoàn thành xuất sắc nhiệm vụ", "decided_level": None},
        {"id": members[1].id, "name": "Trần Thị Hồng", "form_type": "Cá nhân không giữ chức vụ",
         "self_score": 85.5, "self_level": "Hoàn thành tốt nhiệm vụ", "cell_level": None, "decided_level": None},
        {"id": members[2].id, "name": "Lê Văn Sơn", "form_type": "Cá nhân không giữ chức vụ",
         "self_score": None, "self_level": None, "cell_level": None, "decided_level": None},
    ]
    assert out["counts"] == {"Hoàn thành xuất sắc nhiệm vụ": 1, "Hoàn thành tốt nhiệm vụ": 1,
                             "Hoàn thành nhiệm vụ": 0, "Không hoàn thành nhiệm vụ": 0}
    assert out["allowed_excellent"] == 0 and out["proposed_excellent"] == 1
    assert out["quota_exceeded"] is True
    assert isinstance(out["members"][0]["self_score"], int)


def test_summary_table_for_people(cell_dir, capsys):
    data_dir, _ = cell_dir
    capsys.readouterr()
    assert run(data_dir, "reviews", "summary", "--year", "2026") == 0
    out = capsys.readouterr().out
    assert "Nguyễn Văn Đức" in out and "85,5" in out
    assert "làm tròn xuống được 0; đề xuất 1, vượt 1." in out


def test_year_not_open_is_an_error(cell_dir, capsys):
    data_dir, _ = cell_dir
    capsys.readouterr()
    assert run(data_dir, "reviews", "summary", "--year", "2019", "--json") == 2
    assert "Chưa mở kỳ kiểm điểm năm 2019." in capsys.readouterr().err


def test_open_and_list(services, data_dir, capsys):
    services.members.add(MemberInput(full_name="Phan Văn Hùng", date_of_birth=dt.date(1970, 1, 1), gender="nam",
                                     admitted_on=dt.date(2000, 1, 1), official_on=dt.date(2001, 1, 1),
                                     status="chinh_thuc"), today=TODAY)
    capsys.readouterr()
    assert run(data_dir, "reviews", "open", "--year", "2025") == 0
    assert "Đã mở kỳ kiểm điểm năm 2025: 1 đảng viên" in capsys.readouterr().out
    assert run(data_dir, "reviews", "list", "--year", "2025", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["form_type"], r["status"], r["self_level"]) for r in rows] == [
        ("Phan Văn Hùng", "staff", "draft", None)]


def test_print_review_summary_and_export(cell_dir, tmp_path, capsys):
    data_dir, members = cell_dir
    review_pdf, summary_pdf = tmp_path / "review.pdf", tmp_path / "summary.pdf"
    assert run(data_dir, "print", "review", "--member", members[0].id[:20], "--year", "2026", "-o",
               str(review_pdf)) == 0
    assert "Nguyễn Văn Đức" in PdfReader(str(review_pdf)).pages[0].extract_text()
    assert run(data_dir, "print", "reviews-summary", "--year", "2026", "-o", str(summary_pdf)) == 0
    assert "BIỂU TỔNG HỢP" in PdfReader(str(summary_pdf)).pages[0].extract_text()
    xlsx = tmp_path / "summary.xlsx"
    assert run(data_dir, "export", "reviews", "--year", "2026", "-o", str(xlsx)) == 0
    from openpyxl import load_workbook

    assert load_workbook(xlsx).active["B4"].value == "Nguyễn Văn Đức"
    docx = tmp_path / "form.docx"
    assert run(data_dir, "export", "review-form", "--member", members[1].id, "--year", "2026", "-o", str(docx)) == 0
    from docx import Document

    assert any("BẢN KIỂM ĐIỂM" in p.text.upper() for p in Document(str(docx)).paragraphs)
    assert run(data_dir, "print", "review", "--member", "zzz", "--year", "2026", "-o", str(review_pdf)) == 2
    assert "zzz" in capsys.readouterr().err
