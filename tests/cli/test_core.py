import json
import os
import subprocess
import sys

from cellsec import __version__
from cellsec.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"CellSec {__version__}"


def test_setup_then_show_cell_as_json(data_dir, capsys):
    code = main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ Thôn 3", "--upper", "Đảng ủy xã Nghi Lộc",
                 "--place", "Nghệ An", "--secretary", "Phan Văn Hùng"])
    assert code == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 0
    cell = json.loads(capsys.readouterr().out)
    assert cell["name"] == "Chi bộ Thôn 3" and cell["upper_committee"] == "Đảng ủy xã Nghi Lộc"


def test_bad_setup_prints_field_messages_and_exits_non_zero(data_dir, capsys):
    code = main(["--data-dir", str(data_dir), "setup", "--name", "", "--upper", "X", "--place", "Nghệ An"])
    assert code == 2
    assert "name: Không được để trống." in capsys.readouterr().err


def test_english_messages_on_request(data_dir, capsys):
    code = main(["--data-dir", str(data_dir), "--lang", "en", "setup", "--name", "", "--upper", "X", "--place", "A"])
    assert code == 2
    assert "name: This field is required." in capsys.readouterr().err


def test_undo_with_nothing_to_undo(data_dir, capsys):
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "undo"]) == 2
    assert "Không còn thao tác nào để hoàn tác." in capsys.readouterr().err


def test_backup_now_and_list(data_dir, capsys):
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    assert main(["--data-dir", str(data_dir), "backup", "now"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 1 and listed[0]["path"].endswith(".sqlite3")


def test_corrupt_database_message_from_cli(data_dir, capsys):
    data_dir.mkdir(parents=True)
    (data_dir / "cellsec.sqlite3").write_bytes(b"garbage" * 1000)
    assert main(["--data-dir", str(data_dir), "cell"]) == 2
    assert "bị hỏng" in capsys.readouterr().err


def test_cli_commands_do_not_import_qt(data_dir):
    script = (
        "import sys; from cellsec.cli import main; "
        f"main(['--data-dir', {str(data_dir)!r}, 'setup', '--name', 'A', '--upper', 'B', '--place', 'C']); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_restore_a_backup_over_a_damaged_file(data_dir, capsys):
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    main(["--data-dir", str(data_dir), "backup", "now"])
    backup = capsys.readouterr().out.strip().splitlines()[-1]
    (data_dir / "cellsec.sqlite3").write_bytes(b"garbage" * 1000)
    for extra in ("cellsec.sqlite3-wal", "cellsec.sqlite3-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    assert main(["--data-dir", str(data_dir), "backup", "restore", backup]) == 0
    assert "Tệp dữ liệu cũ được giữ lại" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Chi bộ A"
    assert list(data_dir.glob("cellsec.sqlite3.truoc-khoi-phuc-*"))  # the damaged file is kept


def test_restore_a_backup_while_the_data_is_fine(data_dir, capsys):
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    main(["--data-dir", str(data_dir), "backup", "now"])
    backup = capsys.readouterr().out.strip().splitlines()[-1]
    main(["--data-dir", str(data_dir), "undo"])
    assert main(["--data-dir", str(data_dir), "backup", "restore", backup]) == 0
    assert "Dữ liệu trước khi khôi phục được lưu tại" in capsys.readouterr().out


def _cell_with_backup(data_dir, capsys) -> str:
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    main(["--data-dir", str(data_dir), "backup", "now"])
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_a_zeroed_data_file_is_kept_and_the_newest_backup_is_named(data_dir, capsys):
    backup = _cell_with_backup(data_dir, capsys)
    (data_dir / "cellsec.sqlite3").write_bytes(b"")
    for extra in ("cellsec.sqlite3-wal", "cellsec.sqlite3-shm"):
        (data_dir / extra).unlink(missing_ok=True)
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 2
    err = capsys.readouterr().err
    assert "trống (0 byte)" in err and "Chưa khai báo" not in err
    assert f'backup restore "{backup}"' in err  # the way back is spelled out
    assert (data_dir / "cellsec.sqlite3").stat().st_size == 0
    assert main(["--data-dir", str(data_dir), "backup", "restore", backup]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Chi bộ A"


def test_restore_refuses_the_live_file_and_keeps_the_data(data_dir, capsys):
    _cell_with_backup(data_dir, capsys)
    live = data_dir / "cellsec.sqlite3"
    assert main(["--data-dir", str(data_dir), "backup", "restore", str(live)]) == 2
    assert "chính là tệp dữ liệu đang dùng" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Chi bộ A"
    assert not list(data_dir.glob("*truoc-khoi-phuc*"))


def test_an_empty_data_dir_is_refused_not_the_current_folder(tmp_path, capsys, monkeypatch):
    import pytest

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["--data-dir", "", "setup", "--name", "A", "--upper", "B", "--place", "C"])
    assert exit_.value.code == 2
    assert "thư mục dữ liệu không được để trống" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_a_failed_migration_shows_no_sql_and_logs_the_details(data_dir, capsys):
    from tests import dbfile

    main(["--data-dir", str(data_dir), "setup", "--name", "A", "--upper", "B", "--place", "C"])
    with dbfile.connect(data_dir / "cellsec.sqlite3") as conn:
        conn.execute("DELETE FROM alembic_version")  # the first migration will find its tables already there
        conn.execute("INSERT INTO alembic_version VALUES ('0001_registry')")
        conn.execute("CREATE TABLE meetings_clash (x)")
        conn.execute("DROP TABLE IF EXISTS meetings")
        conn.execute("CREATE TABLE meetings (x)")  # makes the 0002 migration fail mid-way
    conn.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "cell"]) == 2
    err = capsys.readouterr().err
    assert "Không nâng cấp được dữ liệu" in err and "nhật ký" in err
    for raw in ("CREATE TABLE", "sqlalche.me", "OperationalError", "Traceback"):
        assert raw not in err
    log = (data_dir / "logs" / "cellsec.log").read_text(encoding="utf-8")
    assert "migration failed" in log and "OperationalError" in log  # the details are in the log file


def test_encrypted_backup_to_a_folder_and_restore_with_the_password(data_dir, tmp_path, capsys, monkeypatch):
    import io

    from cellsec.store import sealed

    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)
    main(["--data-dir", str(data_dir), "setup", "--name", "Chi bộ A", "--upper", "Đảng ủy B", "--place", "Huế"])
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--data-dir", str(data_dir), "backup", "now", "--to", str(usb)]) == 2
    assert "--password-stdin" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("mật khẩu của tôi\n"))
    assert main(["--data-dir", str(data_dir), "backup", "now", "--to", str(usb), "--password-stdin"]) == 0
    sealed_file = capsys.readouterr().out.strip()
    assert sealed_file.endswith(".cellsec-backup") and sealed_file.startswith(str(usb))
    assert main(["--data-dir", str(data_dir), "members", "add", "--name", "Lê Văn Sau", "--dob", "01/02/1980",
                 "--gender", "nam", "--admitted", "03/02/2010"]) == 0  # after the backup
    monkeypatch.setattr("sys.stdin", io.StringIO("sai\n"))
    assert main(["--data-dir", str(data_dir), "backup", "restore", sealed_file, "--password-stdin"]) == 2
    assert "Mật khẩu không đúng" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "members", "list", "--json"]) == 0
    assert "Lê Văn Sau" in capsys.readouterr().out  # the wrong password changed nothing
    monkeypatch.setattr("sys.stdin", io.StringIO("mật khẩu của tôi\n"))
    assert main(["--data-dir", str(data_dir), "backup", "restore", sealed_file, "--password-stdin"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "members", "list", "--json"]) == 0
    assert "Lê Văn Sau" not in capsys.readouterr().out  # back as it was at the backup


def test_the_deputy_from_the_command_line_is_a_member(data_dir, capsys):
    base = ["--data-dir", str(data_dir)]
    assert main([*base, "setup", "--name", "Chi bộ Thôn 3", "--upper", "Đảng ủy xã Nghi Lộc", "--place", "Nghệ An",
                 "--deputy", "Trần Thị Hồng"]) == 0
    capsys.readouterr()
    assert main([*base, "cell", "--json"]) == 0
    cell = json.loads(capsys.readouterr().out)
    assert cell["deputy_name"] == "Trần Thị Hồng" and cell["deputy_member_id"]  # set up as a member, like the wizard
    assert main([*base, "members", "add", "--name", "Lê Văn Kiểm", "--dob", "30/04/1975", "--gender", "nam",
                 "--admitted", "19/05/2005", "--official", "19/05/2006", "--card", "55667788"]) == 0
    capsys.readouterr()
    assert main([*base, "cell", "--deputy", "55667788"]) == 0
    assert capsys.readouterr().out.strip() == "Phó bí thư: Lê Văn Kiểm"
    assert main([*base, "cell", "--deputy", "Nguyễn Văn Không Có"]) == 2
    assert "Không có đảng viên chính thức nào trong chi bộ có tên hoặc số thẻ" in capsys.readouterr().err
