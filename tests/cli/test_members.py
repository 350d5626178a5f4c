import contextlib
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from cellsec.cli import main
from cellsec.services.demo import cell as demo

TODAY = "22/11/2026"
CSV_HEADER = "Họ và tên;Ngày sinh;Giới tính;Số CCCD;Ngày vào Đảng;Ngày chính thức\n"


def run(data_dir, capsys, *args):
    code = main(["--data-dir", str(data_dir), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def cell_dir(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ xóm Trung Mỹ", "--upper",
                 "Đảng ủy xã Hưng Nguyên", "--place", "Nghệ An"]) == 0
    capsys.readouterr()
    return data_dir


@pytest.fixture(scope="module")
def registry_demo(tmp_path_factory, store_template):
    """`cellsec demo` (its registry part: enough here, and quick), run once for the module."""
    folder = tmp_path_factory.mktemp("registry-demo") / "data"
    folder.mkdir()
    store_template.copy_to(folder / "cellsec.sqlite3")  # a new store, as every test gets one
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "DEMO_STEPS", [])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--data-dir", str(folder), "demo", "--today", TODAY])
    assert code == 0 and "Đã tạo Chi bộ xóm Trung Mỹ với 25 đảng viên" in out.getvalue()
    return folder


@pytest.fixture
def demo_dir(registry_demo, data_dir):
    shutil.copytree(registry_demo, data_dir)  # each test works on its own copy
    return data_dir


def test_demo_then_list_as_json(demo_dir, capsys):
    code, out, _ = run(demo_dir, capsys, "members", "list", "--json")
    assert code == 0
    members = json.loads(out)
    assert len(members) == 25
    first = members[0]
    for key in ("id", "full_name", "date_of_birth", "status", "activity_status", "cccd", "card_no", "list_no"):
        assert key in first
    assert first["list_no"] == 1 and first["full_name"] == "Nguyễn Văn Hùng"
    assert first["status"] == "chinh_thuc" and first["activity_status"] == "active"
    assert dt.date.fromisoformat(first["date_of_birth"]).year == 1967


def test_list_filters_and_searches_without_accents(demo_dir, capsys):
    code, out, _ = run(demo_dir, capsys, "members", "list", "--status", "exempt", "--json")
    assert sorted(m["full_name"] for m in json.loads(out)) == ["Võ Thị Mai", "Đặng Văn Quý"]
    _, out, _ = run(demo_dir, capsys, "members", "list", "--search", "dang van quy", "--json")
    assert [m["full_name"] for m in json.loads(out)] == ["Đặng Văn Quý"]
    _, out, _ = run(demo_dir, capsys, "members", "list", "--status", "in_cell", "--party-status", "du_bi", "--json")
    assert len(json.loads(out)) == 3


def test_list_as_a_table(demo_dir, capsys):
    code, out, _ = run(demo_dir, capsys, "members", "list", "--status", "deceased")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("SĐV  Họ và tên")
    assert "Phạm Văn Tư" in lines[1] and "Đã từ trần" in lines[1]


def test_demo_refuses_a_folder_with_members(demo_dir, capsys):
    code, _, err = run(demo_dir, capsys, "demo")
    assert code == 2 and "đã có chi bộ với 25 đảng viên" in err


def test_add_show_and_validation(cell_dir, capsys):
    code, out, _ = run(cell_dir, capsys, "members", "add", "--name", "nguyễn văn đức", "--dob", "02/03/1980",
                       "--gender", "nam", "--admitted", "19/05/2005", "--official", "19/05/2006",
                       "--cccd", "040080001234", "--card", "37012345", "--json")
    assert code == 0
    added = json.loads(out)
    assert added["full_name"] == "Nguyễn Văn Đức" and added["status"] == "chinh_thuc" and added["list_no"] == 1
    code, out, _ = run(cell_dir, capsys, "members", "show", added["id"], "--json")
    shown = json.loads(out)
    assert code == 0 and shown["card_history"][0]["card_no"] == "37012345"
    code, _, err = run(cell_dir, capsys, "members", "add", "--name", "Trần Văn Bình", "--dob", "01/01/1985",
                       "--gender", "nam", "--admitted", "01/01/2010", "--cccd", "040080001234")
    assert code == 2 and "cccd: Số CCCD này đã dùng cho đồng chí Nguyễn Văn Đức." in err
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", str(cell_dir), "members", "add", "--name", "X", "--dob", "31/02/1980"])
    assert exit_.value.code == 2 and 'Ngày "31/02/1980" không hợp lệ' in capsys.readouterr().err


def test_status_delete_and_undo(cell_dir, capsys):
    _, out, _ = run(cell_dir, capsys, "members", "add", "--name", "Võ Thị Mai", "--dob", "27/11/1987", "--gender",
                    "nu", "--admitted", "19/05/2016", "--json")
    member_id = json.loads(out)["id"]
    code, out, _ = run(cell_dir, capsys, "members", "status", member_id, "exempt", "--from", "01/07/2026",
                       "--to", "07/12/2026", "--reason", "Nghỉ thai sản")
    assert code == 0 and "Miễn sinh hoạt" in out
    code, _, err = run(cell_dir, capsys, "members", "status", member_id, "removed", "--from", "01/07/2026")
    assert code == 2 and "reason: Hãy nhập lý do." in err
    assert run(cell_dir, capsys, "members", "delete", member_id)[0] == 0
    _, out, _ = run(cell_dir, capsys, "members", "list", "--json")
    assert json.loads(out) == []
    _, out, _ = run(cell_dir, capsys, "undo")
    assert "Xóa đảng viên Võ Thị Mai" in out
    _, out, _ = run(cell_dir, capsys, "members", "list", "--json")
    assert json.loads(out)[0]["activity_status"] == "exempt"


def test_import_reports_counts_and_exit_code(cell_dir, capsys, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(CSV_HEADER + "Nguyễn Văn Đức;02/03/1980;Nam;040080001234;19/05/2005;19/05/2006\n"
                    "Lê Văn Dũng;31/02/1990;Nam;;01/06/2015;\n"
                    "Trần Thị Hồng;04/03/1981;Nữ;040181002345;02/09/2010;\n", encoding="utf-8-sig")
    code, out, _ = run(cell_dir, capsys, "members", "import", str(path), "--dry-run", "--json")
    result = json.loads(out)
    assert code == 3 and result["imported"] == 2 and result["dry_run"] is True
    assert result["rejected"] == [{"row": 3, "reason": 'Ngày sinh: Ngày "31/02/1990" không hợp lệ. Hãy nhập theo '
                                                      'dạng ngày/tháng/năm, ví dụ 05/02/2026.'}]
    _, out, _ = run(cell_dir, capsys, "members", "list", "--json")
    assert json.loads(out) == []  # a dry run writes nothing

    code, out, _ = run(cell_dir, capsys, "members", "import", str(path), "--json")
    result = json.loads(out)
    assert code == 3 and (result["imported"], result["updated"], len(result["rejected"])) == (2, 0, 1)
    code, out, _ = run(cell_dir, capsys, "members", "import", str(path), "--json")
    assert code == 3 and (json.loads(out)["imported"], json.loads(out)["updated"]) == (0, 2)
    _, out, _ = run(cell_dir, capsys, "members", "list", "--json")
    assert sorted(m["full_name"] for m in json.loads(out)) == ["Nguyễn Văn Đức", "Trần Thị Hồng"]


def test_import_without_rejections_exits_zero_and_reads_plainly(cell_dir, capsys, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(CSV_HEADER + "Nguyễn Văn Đức;02/03/1980;Nam;040080001234;19/05/2005;19/05/2006\n",
                    encoding="utf-8")
    code, out, _ = run(cell_dir, capsys, "members", "import", str(path))
    assert code == 0 and out.startswith("Đã thêm 1 đảng viên, cập nhật 0")


def test_import_of_a_broken_file_exits_with_a_message(cell_dir, capsys, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"not a workbook")
    code, out, err = run(cell_dir, capsys, "members", "import", str(path), "--json")
    assert code == 2 and out == "" and "Không đọc được tệp Excel ds.xlsx" in err


def test_export_xlsx_round_trips_through_import(demo_dir, capsys, tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    code, out, _ = run(demo_dir, capsys, "members", "export", str(path))
    assert code == 0 and path.exists()
    from openpyxl import load_workbook

    ws = load_workbook(path).active
    names = {row[0] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert len(names) == 25 and "Đặng Văn Quý" in names
    code, out, _ = run(demo_dir, capsys, "members", "import", str(path), "--dry-run", "--json")
    result = json.loads(out)
    assert code == 0 and result["imported"] == 0 and result["updated"] == 25


def test_print_member_register(demo_dir, capsys, tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "so-dang-vien.pdf"
    code, out, _ = run(demo_dir, capsys, "print", "members", "-o", str(path), "--date", TODAY)
    assert code == 0 and path.exists()
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Nguyễn Văn Hùng" in text and "Võ Thị Hằng" in text
    # Members no longer in the cell are not on the register.
    assert "Phạm Văn Tư" not in text and "Cao Văn Dũng" not in text
    assert text.index("Nguyễn Văn Hùng") < text.index("Trần Thị Hồng Nhung") < text.index("Lê Đình Thắng")


def test_the_command_line_does_not_load_qt(demo_dir, tmp_path):
    script = (
        "import sys\n"
        "from cellsec.cli import main\n"
        f"code = main(['--data-dir', {str(demo_dir)!r}, 'members', 'list', '--json'])\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported'\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 25


def test_show_prints_a_readable_record(demo_dir, capsys):
    _, out, _ = run(demo_dir, capsys, "members", "list", "--search", "nguyen van hung", "--json")
    member_id = json.loads(out)[0]["id"]
    code, out, _ = run(demo_dir, capsys, "members", "show", member_id)
    assert code == 0
    for line in ("Họ và tên: Nguyễn Văn Hùng", "Chức vụ Đảng: Bí thư Chi bộ", "Lý luận chính trị: Trung cấp",
                 "Đối tượng đóng đảng phí: Đóng bảo hiểm xã hội bắt buộc", "Căn cứ tính đảng phí: 7.200.000 đ",
                 "Tình trạng sinh hoạt: Đang sinh hoạt"):
        assert line in out.splitlines()


def test_import_saves_rejected_rows_and_sample_file_imports(cell_dir, capsys, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(CSV_HEADER + "Nguyễn Văn Đức;02/03/1980;Nam;040080001234;19/05/2005;19/05/2006\n"
                    "Lê Văn Dũng;31/02/1990;Nam;;01/06/2015;\n", encoding="utf-8-sig")
    code, out, _ = run(cell_dir, capsys, "members", "import", str(path), "--dry-run", "--rejected",
                       str(tmp_path / "loi.csv"))
    assert code == 3 and "Các dòng bị bỏ qua đã lưu vào" in out
    saved = (tmp_path / "loi.csv").read_text(encoding="utf-8-sig").splitlines()
    assert saved[0].endswith(",Lý do chưa nhập được") and saved[1].startswith("Lê Văn Dũng,31/02/1990,Nam")
    assert len(saved) == 2

    code, out, _ = run(cell_dir, capsys, "members", "sample", str(tmp_path / "mau.xlsx"))
    assert code == 0 and out.strip() == str(tmp_path / "mau.xlsx")
    code, out, _ = run(cell_dir, capsys, "members", "import", str(tmp_path / "mau.xlsx"), "--json")
    assert code == 0 and json.loads(out)["imported"] == 2
