"""Sửa bộ tiêu chí: the working copy is checked as the user types and closing asks before dropping edits."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from cellsec.ui.scoring.rubric_editor import RubricEditDialog


def _editor(qtbot, services) -> RubricEditDialog:
    info = next(i for i in services.rubrics.list() if i.target == "cell_year")
    copy = services.rubrics.copy(info.id)
    editor = RubricEditDialog(services, copy.id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_bands_are_checked_and_closing_asks(qtbot, services, boxes):
    editor = _editor(qtbot, services)
    assert editor.save_button.isEnabled()
    editor.bands.item(0, 1).setText("abc")
    assert editor.status.text() == "Mức xếp loại 1: điểm tối thiểu \"abc\" không phải là số."
    assert not editor.save_button.isEnabled()
    editor.add_band()
    assert editor.bands.rowCount() == len(editor.rubric.bands)
    boxes.answer = QMessageBox.StandardButton.No
    editor.reject()
    assert editor.isVisible()  # "Close without saving?" — No keeps the editor open
