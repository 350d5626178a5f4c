"""Kiểm điểm & xếp loại: the summary table and the Word form are made off the UI thread with a busy dialog
(issue 14)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

import cellsec.reports.reviews as reviews_report

from ..common.responsive import UiPulse
from .test_page import _page, _select, cell, over_quota  # noqa: F401  (fixtures)


def test_the_summary_table_and_the_word_form_keep_the_window_answering(qtbot, services, over_quota, boxes,  # noqa: F811
                                                                       monkeypatch, tmp_path):
    pulse = UiPulse()
    for name in ("write_summary_xlsx", "write_review_form_docx"):
        monkeypatch.setattr(reviews_report, name, pulse.slowed(getattr(reviews_report, name)))
    boxes.answer = QMessageBox.StandardButton.No
    targets = iter([tmp_path / "tong-hop.xlsx", tmp_path / "mau.docx"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(next(targets)), "")))
    page = _page(qtbot, services)
    page.export_action.trigger()
    assert page.last_task.busy is not None
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    assert not pulse.stalled and pulse.waits == 1 and (tmp_path / "tong-hop.xlsx").exists()

    _select(page, "Trần Thị Bình")
    page.word_action.trigger()
    assert page.last_task.busy is not None
    with qtbot.waitSignal(page.last_task.finished, timeout=30000):
        pass
    pulse.stop()
    assert not pulse.stalled and pulse.waits == 2 and (tmp_path / "mau.docx").exists()
