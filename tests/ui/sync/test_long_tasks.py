"""Đồng bộ: sync now, the exported changes file and the imported answer run off the UI thread with their
progress shown (issue 14). Sync now can be stopped between batches: what went stays sent, the rest waits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import cellsec.sync.service as sync_service
from tests.sync.test_service import _laptop, _member

from ..common.responsive import UiPulse
from .test_page import _page, _wait


@pytest.fixture
def pulse():
    pulse = UiPulse()
    yield pulse
    pulse.stop()


@pytest.fixture
def laptop(tmp_path, live_server, server_cell, monkeypatch):
    """A connected laptop with 12 new members waiting, sent two changes a batch."""
    monkeypatch.setattr(sync_service, "PUSH_BATCH", 2)
    _cell_id, code = server_cell
    svc = _laptop(tmp_path, "bi-thu")
    svc.sync.connect(live_server, code)
    svc.sync.sync_now()
    for n in range(12):
        svc.members.add(_member(f"Đảng viên Số {n}", phone=f"09120001{n:02d}"))
    yield svc
    svc.close()


def _slow_batches(svc, pulse, monkeypatch):
    """Each batch waits for the UI thread to answer before it is sent."""
    monkeypatch.setattr(svc.sync, "ops_of", pulse.slowed(svc.sync.ops_of))


def test_sync_now_moves_its_bar_while_the_window_answers(qtbot, laptop, pulse, monkeypatch):
    _slow_batches(laptop, pulse, monkeypatch)
    page = _page(qtbot, laptop)
    waiting = laptop.sync.status().pending
    values = []
    page.progress.valueChanged.connect(values.append)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert page.stop_button.isVisible() and page.progress.isVisible()
    _wait(qtbot, page)
    assert not pulse.stalled and pulse.waits >= waiting // 2
    assert len(set(values)) >= 3 and page.pending_label.text() == "0" and not page.stop_button.isVisible()
    assert "Đã gửi" in page.result_label.text() and not page.error.isVisible()


def test_stopping_sync_keeps_what_went_and_the_rest_goes_next_time(qtbot, laptop, pulse, monkeypatch):
    _slow_batches(laptop, pulse, monkeypatch)
    page = _page(qtbot, laptop)
    waiting = laptop.sync.status().pending
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.value() >= 2, timeout=30000)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert not page.stop_button.isEnabled() and "Đang dừng" in page.result_label.text()
    _wait(qtbot, page)
    left = laptop.sync.status().pending
    assert 0 < left < waiting  # stopped between batches: some sent, some still queued
    assert page.result_label.text().startswith("Đã dừng") and not page.error.isVisible()
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page)
    assert laptop.sync.status().pending == 0


def test_the_changes_file_and_the_answer_keep_the_window_answering(qtbot, laptop, store, pulse, monkeypatch,
                                                                   tmp_path):
    from cellsec.server.store.bundles import import_bundle

    _slow_batches(laptop, pulse, monkeypatch)
    monkeypatch.setattr(laptop.sync, "import_file", pulse.slowed(laptop.sync.import_file))
    page = _page(qtbot, laptop)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / a[2].split("/")[-1]), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.progress.isVisible() and not page.stop_button.isVisible()  # one file, written whole or not at all
    _wait(qtbot, page)
    [sent] = list(usb.glob("*.cellsec-sync"))
    assert not pulse.stalled and pulse.waits >= 1
    waits = pulse.waits

    answer = usb / "tra-loi.cellsec-sync"
    answer.write_bytes(import_bundle(store, sent.read_bytes())[0])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(answer), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.progress.isVisible() and not page.stop_button.isVisible()
    _wait(qtbot, page)
    assert not pulse.stalled and pulse.waits > waits and page.pending_label.text() == "0"
