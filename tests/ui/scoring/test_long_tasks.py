"""Chấm điểm 5 tốt: the scores export and the rubric file out and in run off the UI thread with a busy dialog
(issue 14)."""

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


def test_a_rubric_file_goes_out_and_comes_back_while_the_window_answers(qtbot, services, boxes, monkeypatch,
                                                                       tmp_path):
    from cellsec.ui.scoring.rubrics_dialog import RubricsDialog

    dialog = RubricsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    pulse = UiPulse()
    rubrics = services.rubrics
    monkeypatch.setattr(rubrics, "export_file", pulse.slowed(rubrics.export_file))
    monkeypatch.setattr(rubrics, "import_file", pulse.slowed(rubrics.import_file))
    target = tmp_path / "bo-tieu-chi.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), "")))
    for button in (dialog.export_button, dialog.import_button):
        button.click()
        assert dialog.last_task.busy is not None
        qtbot.waitUntil(lambda: dialog.last_task.done, timeout=30000)
    pulse.stop()
    assert not pulse.stalled and pulse.waits == 2 and target.exists()
