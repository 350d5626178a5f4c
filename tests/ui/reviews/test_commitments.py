"""The commitments dialog: items registered and checked, the reference standards, switching member."""


from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from cellsec.ui.reviews.commitments import STANDARDS_144, CommitmentsDialog

from ..conftest import retype, type_text
from .windows_data import add_members, show as _show, type_in_cell as _type_in_cell

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _no_real_message_boxes(boxes):
    return boxes


@pytest.fixture
def members(services):
    return add_members(services)


def test_commitments_are_registered_checked_and_feed_the_review(qtbot, services, members):
    dialog = _show(qtbot, CommitmentsDialog(services, YEAR, members[1], today=TODAY))
    assert dialog.member.currentText() == "Trần Thị Bình"
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    dialog.add_button.click()  # a new row, its text cell open for typing
    _type_in_cell(qtbot, dialog.items, "Hoàn thành tốt nhiệm vụ chuyên môn")
    dialog.standards.setCurrentRow(2)
    dialog.standard_button.click()
    assert dialog.items.item(1, 0).text() == f"Thực hiện chuẩn mực \"{STANDARDS_144[2]}\" (Quy định 144-QĐ/TW)."
    dialog.achieved_combo(0).setCurrentIndex(1)  # carried out
    retype(dialog.registered, f"20/02/{YEAR}")
    retype(dialog.midyear_on, "31/02/2026")
    assert dialog.date_messages["midyear_on"].isVisible() and not dialog.save_button.isEnabled()
    retype(dialog.midyear_on, f"10/07/{YEAR}")
    type_text(dialog.midyear, "Thực hiện đúng nội dung đã đăng ký.")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()

    saved = services.reviews.get_commitment(members[1], YEAR)
    assert [i.text for i in saved.items] == ["Hoàn thành tốt nhiệm vụ chuyên môn",
                                             f"Thực hiện chuẩn mực \"{STANDARDS_144[2]}\" (Quy định 144-QĐ/TW)."]
    assert saved.items[0].achieved is True and saved.registered_on == dt.date(YEAR, 2, 20)
    assert saved.midyear_check == "Thực hiện đúng nội dung đã đăng ký." and not dialog.is_dirty()

    services.reviews.open_year(YEAR, today=TODAY)
    review = services.reviews.review_for(members[1], YEAR)
    assert "1. Hoàn thành tốt nhiệm vụ chuyên môn: đã thực hiện." in services.reviews.prefill(review.id)["commitments"]

    # The registration form and its year-end result print from what was saved, dated by their own days.
    from tests.reports.pdfcheck import pages_text

    dialog.print_form_button.click()
    with qtbot.waitSignal(dialog.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(dialog.last_preview)
    text = " ".join(" ".join(pages_text(dialog.last_preview.pdf_path)).split())
    assert "BẢN ĐĂNG KÝ CAM KẾT" in text and "Trần Thị Bình" in text and "ngày 20 tháng 02" in text
    assert "Hoàn thành tốt nhiệm vụ chuyên môn" in text and "verified" not in text
    dialog.print_result_button.click()
    with qtbot.waitSignal(dialog.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(dialog.last_preview)
    text = " ".join(" ".join(pages_text(dialog.last_preview.pdf_path)).split())
    assert "KẾT QUẢ THỰC HIỆN CAM KẾT" in text and "Đạt" in text and "Kiểm tra giữa năm (10/07/" in text


def test_switching_member_with_unsaved_commitments_asks(qtbot, services, members, monkeypatch):
    dialog = _show(qtbot, CommitmentsDialog(services, YEAR, members[0], today=TODAY))
    dialog.add_item("Đóng đảng phí đúng hạn")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel))
    dialog.member.setCurrentIndex(1)
    dialog.member.activated.emit(1)
    assert dialog.member.currentData() == members[0] and dialog.items.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    dialog.member.setCurrentIndex(1)
    dialog.member.activated.emit(1)
    assert dialog.member.currentData() == members[1] and dialog.items.rowCount() == 0
    assert [i.text for i in services.reviews.get_commitment(members[0], YEAR).items] == ["Đóng đảng phí đúng hạn"]
