"""What the review window tests share: two members of the cell, and typing into a table cell."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from cellsec.services.members.service import MemberInput

from ..conftest import type_text


def add_members(services) -> list[str]:
    ids = []
    for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bình"), 1):
        ids.append(services.members.add(MemberInput(
            full_name=name, gender="nam", date_of_birth=dt.date(1980, 1, i), list_no=i,
            admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19), status="chinh_thuc")).id)
    return ids


def open_year_of_one(services, today: dt.date) -> int:
    """One member (Nguyễn Văn An) and the review of `today`'s year opened for him; the year."""
    services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     list_no=1, admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                     status="chinh_thuc"))
    services.reviews.open_year(today.year, today=today)
    return today.year


def type_in_cell(qtbot, table, text: str) -> None:
    """Type into the table cell being edited, then press Enter as a user would."""
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the text and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget
