"""Issue 15, no lost update in the 5-good score sheet: a sheet saved elsewhere (a second window or the command
line on the same data) while the sheet is open is never overwritten: the save is refused with a Vietnamese
message naming what changed and the points and notes typed stay; the user may keep theirs as a new revision.
While the sheet is open, a change made elsewhere shows the "changed elsewhere" banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cellsec.services.scoring.records import AssessmentInput
from ..conftest import type_text
from ..elsewhere import CHANGED, KEEP_MINE, STAY, change_elsewhere, poll_from, save_answering
from .test_score_sheet import YEAR, _sheet  # the cell's 5-good sheet of YEAR, shown on its second tab


def _theirs(note: str):
    return lambda other: other.scoring.save_cell_assessment(YEAR, AssessmentInput(note=note, proposal="Đề nghị"))


def test_a_sheet_saved_elsewhere_meanwhile_is_not_overwritten(qtbot, services, data_dir, boxes):
    sheet = _sheet(qtbot, services)  # not saved yet: the other window creates it meanwhile
    type_text(sheet.assessment_note, "Chi bộ đề nghị công nhận")
    change_elsewhere(data_dir, _theirs("Bản của cửa sổ khác"))

    saved, seen = save_answering(sheet.save, STAY)
    assert not saved and CHANGED in seen[0] and "Ghi chú" in seen[0] and "subject" not in seen[0]
    assert sheet.assessment_note.toPlainText() == "Chi bộ đề nghị công nhận"  # the user's text stays
    assert services.scoring.cell_sheet(YEAR).note == "Bản của cửa sổ khác"  # theirs is not overwritten

    saved, seen = save_answering(sheet.save, KEEP_MINE)
    assert saved and services.scoring.cell_sheet(YEAR).note == "Chi bộ đề nghị công nhận"
    assert services.scoring.cell_sheet(YEAR).proposal == ""  # the whole sheet as on screen

    change_elsewhere(data_dir, _theirs("Sửa lần hai"))  # once saved, a later change elsewhere is refused too
    type_text(sheet.assessment_note, " thêm")
    saved, seen = save_answering(sheet.save, STAY)
    assert not saved and "Ghi chú" in seen[0] and "Đề nghị" not in sheet.proposal.text()
    boxes.answer = QMessageBox.StandardButton.No  # closing at the end of the test drops this edit


def test_a_sheet_changed_elsewhere_shows_the_banner_and_reloads_on_request(qtbot, services, data_dir, boxes,
                                                                          tmp_path):
    boxes.answer = QMessageBox.StandardButton.No  # closing at the end of the test drops what is unsaved
    services.scoring.save_cell_assessment(YEAR, AssessmentInput(note="Lúc mở"))
    poll = poll_from(services)
    sheet = _sheet(qtbot, services)
    type_text(sheet.assessment_note, " (của tôi)")
    change_elsewhere(data_dir, _theirs("Bản của dòng lệnh"))
    assert not sheet.elsewhere_banner.isVisible()
    poll.look_outside()  # the window's poll notices the change made by the other process
    banner = sheet.elsewhere_banner
    assert banner.isVisible() and "vừa được sửa ở nơi khác" in banner.label.text()
    assert banner.reload_button.text() == "Tải lại" and banner.keep_button.text() == "Tiếp tục sửa"
    assert sheet.assessment_note.toPlainText() == " (của tôi)Lúc mở"  # nothing replaced under the user
    sheet.grab().save(str(tmp_path / "score_sheet_banner.png"))

    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert sheet.assessment_note.toPlainText() == "Bản của dòng lệnh" and not banner.isVisible()
    assert not sheet.is_dirty() and services.drafts.load("score_sheet", f"cell:{YEAR}") is None
    type_text(sheet.assessment_note, "Sửa tiếp: ")
    assert sheet.save()  # from their revision now: no question
    assert services.scoring.cell_sheet(YEAR).note == "Sửa tiếp: Bản của dòng lệnh"
    poll.look_outside()
    assert not banner.isVisible()  # its own save is not "elsewhere"


def test_a_draft_left_by_a_crash_over_an_older_revision_asks_before_saving(qtbot, services, data_dir, boxes):
    boxes.answer = QMessageBox.StandardButton.No  # closing at the end of the test drops what is unsaved
    services.scoring.save_cell_assessment(YEAR, AssessmentInput(note="Lúc mở"))
    sheet = _sheet(qtbot, services)
    type_text(sheet.assessment_note, "Gõ trước khi mất điện. ")
    sheet.keeper.flush()
    sheet.keeper.stop()  # the program dies here: the draft stays, of the revision it was typed over
    change_elsewhere(data_dir, _theirs("Sửa ở máy khác sau đó"))

    again = _sheet(qtbot, services)
    assert again.assessment_note.toPlainText() == "Gõ trước khi mất điện. Lúc mở"  # the draft is offered back
    assert again.recovered_banner.isVisible() and again.elsewhere_banner.isVisible()
    saved, seen = save_answering(again.save, STAY)
    assert not saved and CHANGED in seen[0]  # not saved over the newer version unasked
    assert services.scoring.cell_sheet(YEAR).note == "Sửa ở máy khác sau đó"
