"""Long print work of the meetings page off the UI thread (issue 14): the minutes book shows its progress
meeting by meeting and can be stopped with nothing written; the Word export shows a busy dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

import cellsec.reports.minutes as minutes_report
from cellsec.ui.common.preview import PREVIEW_DIR

from ...services.meeting_data import D, add_members
from ..common.responsive import Steps, UiPulse
from .pages import approved, page_on


@pytest.fixture
def year_of_minutes(services):
    people = add_members(services)
    return [approved(services, people, "thuong_ky", D(2025, month, 5)) for month in (1, 2, 3)]


@pytest.fixture
def pulse(monkeypatch):
    """Every step of the minutes book waits for the UI thread to answer."""
    pulse = UiPulse()
    monkeypatch.setattr(minutes_report, "step", pulse.slowed(minutes_report.step))
    yield pulse
    pulse.stop()


def test_the_minutes_book_shows_its_progress_while_the_window_answers(qtbot, services, year_of_minutes, pulse, boxes):
    page = page_on(qtbot, services)
    page.book_action.trigger()
    preview, task = page.output.last_preview, page.output.last_task
    qtbot.addWidget(preview)
    steps = Steps(task)
    assert task.busy is not None and task.busy.stop_button is not None  # a progress dialog with "Dừng"
    with qtbot.waitSignal(preview.loaded, timeout=60000):
        pass
    assert not pulse.stalled and pulse.waits >= 7  # the start, 3 meetings × 2 layout passes, the end
    assert steps.moved() and steps.seen[-1][:2] == (6, 6)
    assert any(text.startswith("Dàn trang biên bản ") for _, _, text in steps.seen)  # (reports are thinned)
    assert preview.pages is not None and len(preview.pages) > 3 and boxes.shown == []


def test_stopping_the_minutes_book_writes_nothing_and_closes_the_preview(qtbot, services, year_of_minutes, pulse,
                                                                         boxes):
    page = page_on(qtbot, services)
    page.book_action.trigger()
    preview, task = page.output.last_preview, page.output.last_task
    qtbot.addWidget(preview)
    steps = Steps(task)
    qtbot.waitUntil(lambda: len(steps.seen) >= 2, timeout=30000)
    qtbot.mouseClick(task.busy.stop_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert task.cancelled and steps.done[-1] < 6
    assert not preview.isVisible() and preview.pages is None
    folder = services.data_dir / PREVIEW_DIR
    assert not folder.exists() or list(folder.iterdir()) == []  # no book, no temporary file
    assert boxes.shown == []  # stopping is not an error


def test_word_export_runs_off_the_ui_thread_with_a_busy_dialog(qtbot, services, year_of_minutes, monkeypatch,
                                                               tmp_path, boxes):
    pulse = UiPulse()
    monkeypatch.setattr(minutes_report, "render", pulse.slowed(minutes_report.render))
    target = tmp_path / "bien-ban.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page = page_on(qtbot, services)
    page.select(year_of_minutes[0].id)
    page.docx_action.trigger()
    task = page.output.last_task
    assert task.busy is not None and task.busy.labelText() == "Đang xuất biên bản ra Word…"
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    assert not pulse.stalled and pulse.waits == 1 and target.exists()
