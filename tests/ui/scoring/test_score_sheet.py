"""The score sheet as a DocumentEditor: typing is autosaved as a draft, closing asks (Yes saves, No drops
the draft, Cancel stays), and a sheet put back to what is saved leaves no draft behind."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from cellsec.ui.scoring.score_sheet import ScoreSheetDialog

from ..conftest import type_text

YEAR = 2025
KEY = f"cell:{YEAR}"


def _sheet(qtbot, services) -> ScoreSheetDialog:
    sheet = ScoreSheetDialog(services, "cell", year=YEAR)
    qtbot.addWidget(sheet)
    sheet.show()
    sheet.tabs.setCurrentIndex(1)
    return sheet


def test_typing_is_autosaved_and_closing_asks(qtbot, services, boxes):
    sheet = _sheet(qtbot, services)
    assert not sheet.is_dirty() and services.drafts.load("score_sheet", KEY) is None
    sheet.assessment_note.setFocus()
    with qtbot.waitSignal(sheet.keeper.saved, timeout=5000):  # within about two seconds of typing
        type_text(sheet.assessment_note, "Chi bộ đề nghị công nhận")
    assert services.drafts.load("score_sheet", KEY).payload["note"] == "Chi bộ đề nghị công nhận"
    boxes.answer = QMessageBox.StandardButton.Cancel
    sheet.reject()
    assert sheet.isVisible() and services.drafts.load("score_sheet", KEY) is not None
    boxes.answer = QMessageBox.StandardButton.No
    sheet.reject()
    assert not sheet.isVisible() and services.drafts.load("score_sheet", KEY) is None
    assert services.scoring.cell_sheet(YEAR).note == ""


def test_yes_saves_and_the_draft_is_folded_in(qtbot, services, boxes):
    sheet = _sheet(qtbot, services)
    sheet.assessment_note.setFocus()
    with qtbot.waitSignal(sheet.keeper.saved, timeout=5000):
        type_text(sheet.assessment_note, "Hoàn thành tốt nhiệm vụ")
    boxes.answer = QMessageBox.StandardButton.Yes
    sheet.reject()
    assert not sheet.isVisible()
    assert services.scoring.cell_sheet(YEAR).note == "Hoàn thành tốt nhiệm vụ"
    assert services.drafts.load("score_sheet", KEY) is None
    again = _sheet(qtbot, services)
    assert not again.recovered_banner.isVisibleTo(again) and not again.is_dirty()
    again.keeper.stop()
