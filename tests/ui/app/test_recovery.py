"""The window's start-up with the database key lost (a reinstalled system): none of the automatic backups can
be opened either, so the window offers a password backup (.cellsec-backup); a wrong password is said and
changes nothing, the right one brings the cell back and keeps the unreadable file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from cellsec.store import sealed
from cellsec.store.db import DB_NAME
from cellsec.ui.app import startup
from cellsec.ui.settings.sealed import PasswordDialog

from ..conftest import type_text

PASSWORD = "mật khẩu USB của chi bộ"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)


def _type_passwords(qtbot, *passwords: str) -> None:
    todo = list(passwords)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(20, fill)
            return
        type_text(dialog.password, todo.pop(0))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if todo:
            QTimer.singleShot(0, fill)

    QTimer.singleShot(0, fill)


def test_a_lost_key_at_start_offers_a_password_backup(qapp, qtbot, services, boxes, monkeypatch, tmp_path):
    name = services.cell.get().name
    services.backups.backup_now()  # an automatic backup, under the key about to be lost
    stick = tmp_path / "usb"
    stick.mkdir()
    backup = services.backups.backup_to(stick, PASSWORD)
    data_dir = services.data_dir
    services.close()
    before = (data_dir / DB_NAME).read_bytes()
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(tmp_path / "reinstalled"))  # the credential store was lost
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), "")))
    _type_passwords(qtbot, "không phải mật khẩu", PASSWORD)

    opened = startup._open_services(qapp, data_dir, startup.Startup())
    assert opened is not None
    try:
        assert opened.cell.get().name == name  # the cell is back
    finally:
        opened.close()
    question = boxes.texts("question")[0]
    assert "khóa mã hóa của nó không còn trên máy này" in question  # what was found
    assert "Không có bản sao lưu nào dùng được" in question and ".cellsec-backup" in question
    assert "mật khẩu không đúng" in boxes.texts("critical")[0].lower()  # the wrong one: said, tried again
    done = boxes.texts("information")[0]
    assert backup.name in done and "giữ nguyên" in done
    kept = list(data_dir.glob("cellsec.sqlite3.truoc-khoi-phuc-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before  # the unreadable file, as it was


def test_declining_the_password_backup_leaves_everything(qapp, services, boxes, monkeypatch, tmp_path):
    data_dir = services.data_dir
    services.close()
    before = (data_dir / DB_NAME).read_bytes()
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(tmp_path / "reinstalled"))
    boxes.answer = startup.QMessageBox.StandardButton.No
    assert startup._open_services(qapp, data_dir, startup.Startup()) is None
    assert len(boxes.texts("question")) == 1
    assert (data_dir / DB_NAME).read_bytes() == before
    assert not list(data_dir.glob("cellsec.sqlite3.truoc-khoi-phuc-*"))
