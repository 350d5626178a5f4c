"""Chấm điểm 5 tốt: the scores export runs off the UI thread with a busy dialog (issue 14)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

import cellsec.reports.scores as scores_report

from ..common.responsive import UiPulse
from .test_page import _page, cell  # noqa: F401  (fixture)


def test_the_scores_export_keeps_the_window_answering(qtbot, cell, boxes, monkeypatch, tmp_path):  # noqa: F811
    services, _ids = cell
    pulse = UiPulse()
    monkeypatch.setattr(scores_report, "write_scores_xlsx", pulse.slowed(scores_report.write_scores_xlsx))
    boxes.answer = boxes.answer.No  # do not open the file in a viewer
    target = tmp_path / "cham-diem.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page = _page(qtbot, services)
    page.export_action.trigger()
    task = page.last_task
    assert task.busy is not None and task.busy.labelText() == "Đang xuất kết quả chấm điểm…"
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    pulse.stop()
    assert not pulse.stalled and pulse.waits == 1 and target.exists()
