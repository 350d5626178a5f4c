"""`cellsec scores|attention|rubric|dues`, `cellsec print scores|dues`, `cellsec export scores` on the demo."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cellsec.cli import main

TODAY = "2026-11-22"


@pytest.fixture(scope="module")
def built(demo_template):
    """The session's demo folder (built for 22/11/2026); each test works on its own copy (demo_dir)."""
    return demo_template


@pytest.fixture
def demo_dir(built, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(built, folder)
    return folder


def run_json(capsys, data_dir, *args):
    assert main(["--data-dir", str(data_dir), *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_scores_json(capsys, demo_dir):
    out = run_json(capsys, demo_dir, "scores", "--year", "2025", "--today", TODAY, "--json")
    assert set(out) == {"year", "meetings", "monthly_scores", "monthly_attendance", "cell", "members", "history"}
    assert out["year"] == 2025 and len(out["monthly_scores"]) == 12
    m = out["meetings"][0]
    assert set(m) == {"meeting_id", "date", "type", "title", "attendance_rate", "rubric", "total", "max_points",
                      "percent", "band"}
    assert m["date"].startswith("2025-") and isinstance(m["total"], (int, float)) and m["band"]
    assert out["cell"]["recognized_title"] == "Chi bộ 5 tốt" and out["cell"]["decision_date"] == "2025-12-28"
    assert all(set(a) >= {"member_id", "name", "total", "band", "recognized_title"} for a in out["members"])
    assert [h["year"] for h in out["history"]] == [2023, 2024, 2025]


def test_dues_status_json(capsys, demo_dir):
    out = run_json(capsys, demo_dir, "dues", "status", "--year", "2026", "--today", TODAY, "--json")
    assert out["year"] == 2026
    luc = next(m for m in out["members"] if m["full_name"] == "Đậu Văn Lực")
    assert set(luc) == {"member_id", "full_name", "in_cell", "due_months", "paid_months", "unpaid_months",
                        "counted_unpaid_months", "total_due", "total_paid", "on_time_rate", "paid_through"}
    assert luc["counted_unpaid_months"] == ["2026-02", "2026-05", "2026-08"]
    assert luc["due_months"][0] == "2026-01" and luc["paid_through"] == "2026-01"


def test_dues_sheet_json(capsys, demo_dir):
    out = run_json(capsys, demo_dir, "dues", "sheet", "--month", "10/2026", "--json")
    assert out["month"] == "2026-10" and out["kept"] + out["remitted"] == out["total_paid"]
    assert {line["state"] for line in out["lines"]} >= {"paid", "partial"}


def test_attention_json(capsys, demo_dir):
    out = run_json(capsys, demo_dir, "attention", "--today", TODAY, "--json")
    assert out and set(out[0]) == {"member_id", "full_name", "kind", "kind_label", "severity", "text", "data", "due"}
    assert out[0]["severity"] == "danger"
    assert any(i["kind"] == "dues_unpaid" and i["full_name"] == "Đậu Văn Lực" for i in out)


def test_rubric_list_export_import(capsys, demo_dir, tmp_path):
    rubrics = run_json(capsys, demo_dir, "rubric", "list", "--json")
    assert {r["target"] for r in rubrics} == {"meeting", "cell_year", "member_year"}
    regular = next(r for r in rubrics if r["key"] == "mac-dinh.sinh-hoat-thuong-ky")
    assert regular["active"] and regular["used"] > 0 and regular["unverified"]
    path = tmp_path / "bieu.json"
    assert main(["--data-dir", str(demo_dir), "rubric", "export", regular["id"][:8], "-o", str(path)]) == 0
    capsys.readouterr()
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["rubrics"][0]["version"] = 2
    doc["rubrics"][0]["name"] = "Biểu chấm điểm của Đảng ủy xã"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(demo_dir), "rubric", "import", str(path), "--activate"]) == 0
    assert "Biểu chấm điểm của Đảng ủy xã (v2" in capsys.readouterr().out
    after = run_json(capsys, demo_dir, "rubric", "list", "--json")
    assert next(r for r in after if r["version"] == 2)["active"]
    assert not next(r for r in after if r["id"] == regular["id"])["active"]


def test_rubric_import_refusal_exit_code(capsys, demo_dir, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "cellsec-rubrics", "format_version": 1, "rubrics": [', encoding="utf-8")
    assert main(["--data-dir", str(demo_dir), "rubric", "import", str(path)]) == 2
    assert "không phải JSON hợp lệ" in capsys.readouterr().err


def test_print_scores_and_dues(capsys, demo_dir, tmp_path):
    scores = tmp_path / "scores.pdf"
    assert main(["--data-dir", str(demo_dir), "print", "scores", "--year", "2025", "-o", str(scores)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(str(scores)).pages)
    assert "KẾT QUẢ CHẤM ĐIỂM CHẤT LƯỢNG SINH HOẠT" in text and "Hình 1." in text
    dues = tmp_path / "dues.pdf"
    assert main(["--data-dir", str(demo_dir), "print", "dues", "--month", "2026-10", "-o", str(dues)]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(str(dues)).pages)
    assert "SỔ THU ĐẢNG PHÍ" in text and "Tháng 10 năm 2026" in text


def test_export_scores_xlsx(capsys, demo_dir, tmp_path):
    path = tmp_path / "scores.xlsx"
    assert main(["--data-dir", str(demo_dir), "export", "scores", "--year", "2025", "-o", str(path)]) == 0
    wb = load_workbook(path)
    assert wb.sheetnames == ["Sinh hoạt", "Chi bộ 5 tốt", "Đảng viên 5 tốt", "Dự sinh hoạt", "Qua các năm"]
    meetings = list(wb["Sinh hoạt"].iter_rows(values_only=True))
    assert meetings[0][0] == "Ngày" and isinstance(meetings[1][0], dt.datetime) and meetings[1][5] > 0
    cell = list(wb["Chi bộ 5 tốt"].iter_rows(values_only=True))
    assert cell[-1][1] == "Tổng cộng" and cell[-1][5] == pytest.approx(sum(r[5] for r in cell[1:-1]))


def test_bad_month_is_refused(capsys, demo_dir, tmp_path):
    with pytest.raises(SystemExit):
        main(["--data-dir", str(demo_dir), "print", "dues", "--month", "13/2026", "-o", str(tmp_path / "x.pdf")])
    assert "không hợp lệ" in capsys.readouterr().err
