"""The collective review editor: a report that cannot be submitted says why before any "Nộp…?" question."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.members.service import MemberInput
from cellsec.ui.reviews.collective import CollectiveEditor

from ..conftest import type_text

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def year(services):
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(YEAR, today=TODAY)
    return YEAR


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
