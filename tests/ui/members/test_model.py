"""The member list's model: what each cell shows, how it is aligned, its tooltip, the member behind a row."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.services.members.records import MemberInput, MemberQuery
from cellsec.ui.members.model import COLUMNS, ID_ROLE, MemberTableModel


def test_cells_show_the_members_data_aligned_with_tooltips(qapp, services):
    member = services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", phone="0912345678",
                                              date_of_birth=dt.date(1980, 1, 2), admitted_on=dt.date(2005, 3, 4)))
    model = MemberTableModel(services)
    model.set_query(MemberQuery())
    assert model.rowCount() == 1
    column = {field: i for i, (field, _key) in enumerate(COLUMNS)}
    cell = lambda field, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(0, column[field]), role)  # noqa: E731
    assert cell("full_name") == "Nguyễn Văn An" and cell("phone") == "0912345678"
    assert cell("date_of_birth") == "02/01/1980" and cell("admitted_on") == "04/03/2005"
    assert cell("gender") == "Nam" and cell("status") == "Dự bị"  # no official date given
    assert cell("date_of_birth", Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert cell("full_name", Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    assert cell("full_name", Qt.ItemDataRole.ToolTipRole) == "Nguyễn Văn An"
    assert cell("phone", Qt.ItemDataRole.ToolTipRole) is None  # a short value needs no tooltip
    assert cell("full_name", ID_ROLE) == member.id
    assert cell("full_name", Qt.ItemDataRole.FontRole) is None  # the view's own font and colours
    assert cell("full_name", Qt.ItemDataRole.BackgroundRole) is None
