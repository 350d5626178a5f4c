"""Starting the window: no display gives a clear message (not a core dump); one instance per folder;
a restore chosen in Settings is put in place at the next start."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QLockFile

from cellsec.ui.app import startup


def test_no_display_prints_a_vietnamese_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    # `cellsec` with no command opens the window (the console script calls cellsec.cli.main).
    proc = subprocess.run([sys.executable, "-c", "import sys; from cellsec.cli import main; sys.exit(main())",
                           "--data-dir", str(tmp_path / "data")], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode > 0  # an exit code, not a signal (a negative code would be a crash)
    assert "CellSec cần màn hình để mở cửa sổ" in proc.stderr
    assert "core dumped" not in proc.stderr.lower()


def test_second_instance_is_refused(qapp, services, monkeypatch):
    shown = []
    monkeypatch.setattr(startup.QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    data_dir = services.data_dir
    services.close()
    first = QLockFile(str(data_dir / "cellsec.lock"))
    assert first.tryLock(100)
    try:
        assert startup.start(qapp, data_dir) is None
    finally:
        first.unlock()
    assert shown == ["CellSec đang mở trên thư mục dữ liệu này. Hãy dùng cửa sổ đang mở."]




def test_a_restore_at_start_that_fails_says_why_in_vietnamese(qapp, services, monkeypatch):
    import errno

    from cellsec.services import backups
    from cellsec.services.errors import failed

    data_dir = services.data_dir
    services.backups.backup_now()
    services.close()
    (data_dir / "cellsec.sqlite3").write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"cellsec.sqlite3{suffix}").unlink(missing_ok=True)

    def disk_full(_backup, _data_dir):
        raise failed(backups.RESTORE_FAILED, OSError(errno.ENOSPC, "No space left on device"), name="x.sqlite3")

    shown = []
    monkeypatch.setattr(startup, "restore_unopened", disk_full)
    monkeypatch.setattr(startup.QMessageBox, "question",
                        staticmethod(lambda *a, **k: startup.QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(startup.QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert startup._open_services(qapp, data_dir, startup.Startup()) is None
    assert shown == ["Chưa khôi phục được bản sao lưu x.sqlite3 (ổ đĩa đã đầy)."]
