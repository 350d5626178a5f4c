"""One CellSec per data folder, on the folder a Windows user with a Vietnamese name gets (issue 13): the lock
file lives in the data folder, and the name of the local socket that asks the open window to come forward
is plain ASCII without separators (on Windows it becomes a named pipe, \\\\.\\pipe\\NAME)."""

from __future__ import annotations

import re

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer

from cellsec.ui.app import startup
from cellsec.ui.app.launch import instance_key


def test_the_instance_key_of_a_vietnamese_folder_is_a_valid_pipe_name(tmp_path):
    key = instance_key(tmp_path / "Nguyễn Văn Ánh" / "AppData" / "Local" / "CellSec")
    assert re.fullmatch(r"cellsec-[0-9a-f]{16}", key)
    assert key != instance_key(tmp_path / "Trần Thị Bình" / "AppData" / "Local" / "CellSec")


def test_a_second_start_on_the_same_folder_raises_the_first_window(qapp, tmp_path, monkeypatch):
    data_dir = tmp_path / "Nguyễn Văn Ánh" / "AppData" / "Local" / "CellSec"
    data_dir.mkdir(parents=True)
    shown = []
    monkeypatch.setattr(startup.QMessageBox, "information", staticmethod(lambda *a: shown.append(a[2])))
    first_lock = QLockFile(str(data_dir / "cellsec.lock"))
    assert first_lock.tryLock(100)
    first_window = QLocalServer()
    assert first_window.listen(instance_key(data_dir))
    try:
        assert startup.start(qapp, data_dir) is None
        assert first_window.waitForNewConnection(2000)
        conn = first_window.nextPendingConnection()
        conn.waitForReadyRead(1000)
        assert bytes(conn.readAll()) == b"raise"
    finally:
        first_window.close()
        first_lock.unlock()
    assert shown == ["CellSec đang mở trên thư mục dữ liệu này. Hãy dùng cửa sổ đang mở."]
    assert not (data_dir / "cellsec.sqlite3").exists()  # the second start opened nothing
