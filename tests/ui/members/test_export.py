"""Exporting the member list (Excel) off the UI thread: rows written shown, "Dừng" leaves no file (issue 14)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import cellsec.reports.members_xlsx as members_xlsx

from ..common.responsive import Steps, UiPulse
from .test_page import _page, people  # noqa: F401  (fixture)


@pytest.fixture
def pulse(monkeypatch):
    """A progress step every row, each waiting for the UI thread to answer."""
    pulse = UiPulse()
    monkeypatch.setattr(members_xlsx, "STEP_ROWS", 1)
    monkeypatch.setattr(members_xlsx, "step", pulse.slowed(members_xlsx.step))
    yield pulse
    pulse.stop()


@pytest.fixture
def target(tmp_path, monkeypatch):
    out = tmp_path / "xuat"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out / "ds.xlsx"), "")))
    return out / "ds.xlsx"


def test_the_export_shows_rows_written_while_the_window_answers(qtbot, services, people, pulse, target, boxes):
    page = _page(qtbot, services)
    page.export_action.trigger()
    task = page.last_task
    steps = Steps(task)
    assert task.busy.stop_button is not None
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert not pulse.stalled and pulse.waits >= 5 and steps.moved() and target.exists()
    assert any(text.startswith("Đã ghi ") for _, _, text in steps.seen)


def test_a_stopped_export_leaves_no_file(qtbot, services, people, pulse, target, boxes):
    page = _page(qtbot, services)
    page.export_action.trigger()
    task = page.last_task
    steps = Steps(task)
    qtbot.waitUntil(lambda: len(steps.seen) >= 1, timeout=20000)
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.cancelled and list(target.parent.iterdir()) == [] and boxes.shown == []
