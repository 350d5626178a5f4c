"""The member dialog's dues tab shows the month the member has paid through (for a transfer paper)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from cellsec.services.dues.service import PaymentEntry
from cellsec.ui.members.dialog import MemberDialog

from ..dues_people import add_people


def test_member_dialog_shows_dues_paid_through(qtbot, services):
    ids = add_people(services)
    for month in (9, 10, 11):
        paid = 0 if month == 11 else 65_000
        services.dues.record(dt.date(2026, month, 1), [PaymentEntry(ids["Nguyễn Văn An"], paid)],
                             paid_on=dt.date(2026, month, 5), today=dt.date(2026, 11, 22))
    dialog = MemberDialog(services, ids["Nguyễn Văn An"])
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "dues_paid_through").text() == "10/2026"
    other = MemberDialog(services, ids["Phạm Thị Dung"])
    qtbot.addWidget(other)
    assert other.findChild(QLabel, "dues_paid_through").text() == "chưa có tháng nào được ghi là đã đóng"
    new = MemberDialog(services, None)
    qtbot.addWidget(new)
    assert new.findChild(QLabel, "dues_paid_through") is None
