"""The collective review editor (form 01): written, submitted, decided and printed; a report that cannot be
submitted says why before any "Nộp…?" question."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.domain.dates import format_date
from cellsec.ui.reviews.collective import CollectiveEditor

from ..conftest import retype, type_text
from .windows_data import add_members, open_year_of_one, show as _show

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def year(services):
    return open_year_of_one(services, TODAY)


@pytest.fixture
def members(services):
    return add_members(services)


def test_submitting_without_the_level_says_so_before_asking(qtbot, services, year, boxes):
    editor = CollectiveEditor(services, year, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    type_text(editor.sections.edits["tasks"], "Hoàn thành 12/12 chỉ tiêu.")
    editor.submit_button.click()
    assert editor.message.text() == "Chưa có mức tự nhận xếp loại."
    assert boxes.texts("question") == []
    assert services.reviews.collective(year).sections["tasks"] == "Hoàn thành 12/12 chỉ tiêu."  # saved, not submitted
    assert services.reviews.collective(year).status == "draft"


def test_collective_review_is_written_submitted_decided_and_printed(qtbot, services, members, boxes, monkeypatch,
                                                                   tmp_path):
    from pypdf import PdfReader

    services.reviews.open_year(YEAR, today=TODAY)
    editor = _show(qtbot, CollectiveEditor(services, YEAR, today=TODAY))
    assert set(editor.assessment.case_boxes) == {"subunit_violation", "targets_below_half",
                                                 "leadership_disciplined", "disunity"}
    type_text(editor.sections.edits["tasks"], "Lãnh đạo xóm hoàn thành 12/12 chỉ tiêu.")
    a = editor.assessment
    retype(a.score_edits["general"], "26")
    retype(a.score_edits["tasks"], "60")
    a.case_boxes["disunity"].click()
    type_text(a.evidence["disunity"], "Kết luận số 05-KL/ĐU")
    a.level.setCurrentIndex(a.level.findData("htt"))
    assert a.messages["self_level"].kind == "error" and not editor.save_button.isEnabled()
    a.case_boxes["disunity"].click()
    assert not a.messages["self_level"].isVisible() and editor.save_button.isEnabled()
    editor.save_button.click()
    assert services.reviews.collective(YEAR).self_level == "htt"

    editor.submit_button.click()
    assert editor.record.status == "submitted" and editor.sections.edits["tasks"].isReadOnly()
    editor.tabs.setCurrentIndex(1)
    d = editor.decision
    d.level.setCurrentIndex(d.level.findData("htxs"))
    retype(d.number, "115-QĐ/ĐU")
    retype(d.date, format_date(TODAY))
    assert "Tổng điểm 86 chỉ đạt mức" in d.messages["level"].text() and not editor.decide_button.isEnabled()
    d.level.setCurrentIndex(d.level.findData("htt"))
    editor.decide_button.click()
    record = services.reviews.collective(YEAR)
    assert record.status == "decided" and record.decision_no == "115-QĐ/ĐU"

    from cellsec.ui.common.preview import NumberDialog

    def give_number(dialog):
        assert dialog.number.value() == 1  # the register's next report number
        dialog.number.setValue(3)
        dialog.accept()  # leaving 01 and 02 unused is said first, and done only when asked again
        assert "bỏ trống số 01, số 02" in dialog.message.text() and not dialog.result()
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NumberDialog, "exec", give_number)
    editor.print_button.click()  # asked for the report's number, then the preview of the real PDF opens
    with qtbot.waitSignal(editor.last_task.finished, timeout=30000):
        pass
    qtbot.addWidget(editor.last_preview)
    assert editor.last_preview.job.stem == f"kiem-diem-tap-the-{YEAR}-so-03"
    text = " ".join(p.extract_text() for p in PdfReader(editor.last_preview.pdf_path).pages)
    assert "Số 03-BC/" in text
    assert "KIỂM ĐIỂM TẬP THỂ" in text.upper() and "Lãnh đạo xóm hoàn thành 12/12 chỉ tiêu." in text
