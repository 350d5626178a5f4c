"""The window's own long tasks (issue 14): the automatic backup is copied on a worker thread while the
window answers, and File › Back up now shows its progress and stops with nothing left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import cellsec.services.backups as backups_service
from cellsec.store import cipher
from cellsec.ui.app.main_window import MainWindow

from ..common.responsive import Steps, UiPulse


@pytest.fixture
def pulse():
    pulse = UiPulse()
    yield pulse
    pulse.stop()


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def _files(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_automatic_backup_is_copied_while_the_window_answers(qtbot, demo_services, pulse, monkeypatch):
    monkeypatch.setattr(backups_service, "take_backup", pulse.slowed(backups_service.take_backup))
    window = _window(qtbot, demo_services)
    before = _files(demo_services.backups.folder)
    window._auto_backup()  # what the backup timer does
    task = window.auto_backup_task
    assert task is not None and task.busy is None  # quiet: no dialog over the secretary's work
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert not pulse.stalled and pulse.waits == 1 and window.auto_backup_task is None
    assert len(_files(demo_services.backups.folder)) == len(before) + 1
    assert window.statusBar().currentMessage() == "Đã sao lưu tự động"


def test_back_up_now_from_the_menu_can_be_stopped_leaving_no_file(qtbot, demo_services, pulse, monkeypatch, boxes):
    monkeypatch.setattr(cipher, "COPY_STEP_PAGES", 4)
    monkeypatch.setattr(backups_service, "step", pulse.slowed(backups_service.step))
    window = _window(qtbot, demo_services)
    before = _files(demo_services.backups.folder)
    window.backup_action.trigger()
    task = window.last_task
    steps = Steps(task)
    qtbot.waitUntil(lambda: len(steps.seen) >= 2, timeout=30000)
    assert not pulse.stalled and steps.moved()
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.cancelled and _files(demo_services.backups.folder) == before
    assert window.backup_action.isEnabled() and boxes.shown == []
    assert window.statusBar().currentMessage() == "Đã dừng. Chưa ghi gì."
