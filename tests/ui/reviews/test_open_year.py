"""Opening a year again adds only the members who became due since."""


from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.services.members.service import MemberInput
from cellsec.ui.reviews.open_year import OpenYearDialog

from .windows_data import add_members, show as _show

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(autouse=True)
def _no_real_message_boxes(boxes):
    return boxes


@pytest.fixture
def members(services):
    return add_members(services)


def test_reopening_a_year_adds_only_the_members_due_since(qtbot, services, members, boxes):
    services.reviews.open_year(YEAR, today=TODAY)
    services.members.add(MemberInput(full_name="Hồ Thị Lan", gender="nu", date_of_birth=dt.date(2000, 2, 2),
                                     list_no=3, admitted_on=dt.date(YEAR, 1, 1), status="du_bi"))
    dialog = _show(qtbot, OpenYearDialog(services, YEAR, today=TODAY))
    assert not dialog.rule_set.isEnabled()
    assert list(dialog.form_combos) == [services.members.list()[-1].id]
    assert next(iter(dialog.form_combos.values())).currentData() == "probationary"
    assert dialog.ok.text() == "Bổ sung 1 đảng viên"
    assert dialog.table.item(0, 4).text() == "Đã có trong kỳ kiểm điểm"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert len(services.reviews.list_reviews(YEAR)) == 3
