"""Cài đặt → Sao lưu: an encrypted backup to a chosen folder (a USB stick) and back, driven through the real
buttons and the real password dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from cellsec.store import sealed
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings import sealed as sealed_ui
from cellsec.ui.settings.page import SettingsPage

from ..conftest import type_text

PASSWORD = "mật khẩu USB 2026"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)


def _page(qtbot, services):
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(2)
    return page


def _answer_password(qtbot, *texts: str, seen: list | None = None) -> None:
    """When the password dialog opens, type into its fields and press OK, as the user would."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, sealed_ui.PasswordDialog):
            QTimer.singleShot(20, fill)
            return
        fields = [dialog.password, dialog.again][: len(texts)]
        for field, text in zip(fields, texts):
            type_text(field, text)
        if seen is not None:
            seen.append(dialog.grab())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


def _wait(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: widget.task is None, timeout=20000)


def test_backup_to_a_stick_then_restore_it_with_the_password(qtbot, services, boxes, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    page = _page(qtbot, services)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    _answer_password(qtbot, PASSWORD, PASSWORD)
    qtbot.mouseClick(page.sealed.to_folder_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page.sealed)
    written = list(usb.iterdir())
    assert len(written) == 1 and written[0].suffix == ".cellsec-backup"
    assert str(written[0]) in boxes.texts("information")[-1]

    info = services.cell.get()
    info.place_name = "Hà Tĩnh"
    services.cell.update(info)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(written[0]), "")))
    _answer_password(qtbot, "mật khẩu sai")
    qtbot.mouseClick(page.sealed.from_file_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page.sealed)
    assert "Mật khẩu không đúng" in boxes.texts("warning")[-1]
    assert "Mật khẩu không đúng" in page.sealed.result.text()  # also said on the page
    assert services.cell.get().place_name == "Hà Tĩnh"  # nothing changed

    _answer_password(qtbot, PASSWORD)
    qtbot.mouseClick(page.sealed.from_file_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page.sealed)
    assert services.cell.get().place_name == "Nghệ An"
    qtbot.waitUntil(lambda: page.cell_edits["place_name"].text() == "Nghệ An")
    assert "Dữ liệu trước khi khôi phục được lưu thành" in boxes.texts("information")[-1]
    assert not page.sealed.result.isVisible()  # the earlier failure is no longer shown


def test_the_new_password_must_be_long_enough_and_typed_twice_alike(qtbot, qapp):
    dialog = sealed_ui.PasswordDialog(None, new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.password, "ngắn")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "8" in dialog.message.text()
    type_text(dialog.password, " hơn nữa")
    type_text(dialog.again, "khác hẳn")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.again_message.text()
    dialog.again.clear()
    type_text(dialog.again, "ngắn hơn nữa")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
