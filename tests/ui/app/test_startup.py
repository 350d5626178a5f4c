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


