"""Members for the dues UI tests: one of each kind of dues line (a salary basis that changes this month,
a pension, a fixed amount, and a member who will not pay)."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.service import MemberInput

TODAY = dt.date(2026, 11, 22)
PEOPLE = [
    # name, gender, list no., dues category, basis
    ("Nguyễn Văn An", "nam", 1, "bhxh_bat_buoc", 6_500_000),
    ("Trần Thị Bình", "nu", 2, "huu_tri", 5_800_000),
    ("Lê Văn Cường", "nam", 3, "khac", 0),
    ("Phạm Thị Dung", "nu", 4, "bhxh_bat_buoc", 6_000_000),
]


def add_people(services) -> dict[str, str]:
    ids = {}
    for name, gender, list_no, category, basis in PEOPLE:
        record = services.members.add(MemberInput(
            full_name=name, gender=gender, date_of_birth=dt.date(1975, 1, list_no), list_no=list_no,
            admitted_on=dt.date(2005, 3, 1), official_on=dt.date(2006, 3, 1), status="chinh_thuc",
            dues_category=category, dues_basis=basis))
        ids[name] = record.id
    return ids


def dues_page(qtbot, services, today: dt.date = TODAY):
    from cellsec.ui.common.bridge import ChangeNotifier
    from cellsec.ui.dues.page import DuesPage

    page = DuesPage(services, ChangeNotifier(services), today=lambda: today)
    qtbot.addWidget(page)
    page.resize(1080, 680)
    page.show()
    return page
