"""Cài đặt → Sao lưu: backup, restore, password backup and its restore run off the UI thread with their
progress shown (issue 14). A backup can be stopped and leaves nothing; a restore cannot be stopped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import cellsec.services.backups as backups_service
from cellsec.store import cipher, sealed

from ..common.responsive import Steps, UiPulse
from .test_sealed import PASSWORD, _answer_password, _page


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)


@pytest.fixture
def pulse(monkeypatch):
    """Every step of a backup or restore waits for the UI thread to answer; copies go a few pages a step."""
    pulse = UiPulse()
    monkeypatch.setattr(cipher, "COPY_STEP_PAGES", 4)
    monkeypatch.setattr(backups_service, "step", pulse.slowed(backups_service.step))
    yield pulse
    pulse.stop()


def _listed(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_backup_now_shows_the_pages_copied_while_the_window_answers(qtbot, demo_services, pulse, boxes):
    page = _page(qtbot, demo_services)
    qtbot.mouseClick(page.backup_now_button, Qt.MouseButton.LeftButton)
    task = page.last_task
    steps = Steps(task)
    assert task.busy.stop_button is not None and not page.backup_now_button.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert not pulse.stalled and pulse.waits >= 3 and steps.moved()
    assert page.backups.rowCount() == 1 and page.backup_now_button.isEnabled() and boxes.shown == []


def test_a_stopped_backup_leaves_no_file(qtbot, demo_services, pulse, boxes):
    page = _page(qtbot, demo_services)
    folder = demo_services.backups.folder
    before = _listed(folder)
    qtbot.mouseClick(page.backup_now_button, Qt.MouseButton.LeftButton)
    task = page.last_task
    steps = Steps(task)
    qtbot.waitUntil(lambda: len(steps.seen) >= 2, timeout=30000)
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.cancelled and _listed(folder) == before  # no backup, no .part
    assert page.backup_folder.text() == "Đã dừng. Chưa ghi gì." and page.backup_now_button.isEnabled()
    assert boxes.shown == []


def test_restore_runs_off_the_ui_thread_with_its_steps_and_no_stop(qtbot, demo_services, pulse, boxes):
    backup = demo_services.backups.backup_now()
    info = demo_services.cell.get()
    before, info.place_name = info.place_name, "Hà Tĩnh"
    demo_services.cell.update(info)
    page = _page(qtbot, demo_services)
    page.load_backups()
    page.backups.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    task = page.last_task
    steps = Steps(task)
    assert task.busy.stop_button is None
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert not pulse.stalled and pulse.waits >= 3 and steps.seen[-1][:2] == (2, 3)
    assert demo_services.cell.get().place_name == before and backup.exists()
    assert "Dữ liệu trước khi khôi phục được lưu thành" in boxes.texts("information")[-1]


def _password_backup(qtbot, services, tmp_path, monkeypatch):
    """Cài đặt → Sao lưu → "Sao lưu ra thư mục khác" to a stick, the password typed twice: (page, stick)."""
    usb = tmp_path / "usb"
    usb.mkdir()
    page = _page(qtbot, services)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    _answer_password(qtbot, PASSWORD, PASSWORD)
    qtbot.mouseClick(page.sealed.to_folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sealed.task is not None, timeout=20000)
    return page, usb


def test_a_password_backup_stopped_leaves_nothing_on_the_stick(qtbot, demo_services, pulse, boxes, tmp_path,
                                                               monkeypatch):
    page, usb = _password_backup(qtbot, demo_services, tmp_path, monkeypatch)
    task = page.sealed.task
    assert task.busy.stop_button is not None
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.cancelled and list(usb.iterdir()) == []
    assert not list(demo_services.backups.folder.glob(".sealing-*"))
    assert page.sealed.result.text() == "Đã dừng. Chưa ghi gì." and boxes.shown == []
    assert page.sealed.to_folder_button.isEnabled()


def test_a_password_backup_and_its_restore_keep_the_window_answering(qtbot, demo_services, pulse, boxes, tmp_path,
                                                                     monkeypatch):
    page, usb = _password_backup(qtbot, demo_services, tmp_path, monkeypatch)
    steps = Steps(page.sealed.task)
    qtbot.waitUntil(lambda: page.sealed.task is None, timeout=60000)
    written = list(usb.iterdir())
    assert len(written) == 1 and not pulse.stalled and pulse.waits >= 3 and steps.moved()

    waits = pulse.waits
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(written[0]), "")))
    _answer_password(qtbot, PASSWORD)
    qtbot.mouseClick(page.sealed.from_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sealed.task is not None, timeout=20000)
    assert page.sealed.task.busy.stop_button is None
    qtbot.waitUntil(lambda: page.sealed.task is None, timeout=60000)
    assert not pulse.stalled and pulse.waits >= waits + 3
    assert "Dữ liệu trước khi khôi phục được lưu thành" in boxes.texts("information")[-1]
