"""Cài đặt → Chi bộ: the deputy secretary is picked among the cell's official members and linked to the
member record; a deputy known only by name stays until a member is chosen."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.records import MemberInput
from cellsec.services.settings.officers import DEPUTY_POSITION
from cellsec.ui.common.bridge import ChangeNotifier
from cellsec.ui.settings.page import SettingsPage

TODAY = dt.date(2026, 11, 22)


def _add(svc, name: str, status: str = "chinh_thuc", card: str = ""):
    return svc.members.add(MemberInput(
        full_name=name, date_of_birth=dt.date(1980, 3, 3), gender="nu", admitted_on=dt.date(2010, 5, 19),
        official_on=dt.date(2011, 5, 19) if status == "chinh_thuc" else None, status=status, card_no=card),
        today=TODAY)


def test_the_deputy_is_a_member_picked_from_the_official_members(qtbot, services):
    # The fixture's cell names "Trần Thị Hồng" as deputy, but no member has that name: a name only.
    lan = _add(services, "Hồ Thị Lan", card="22334455")
    _add(services, "Võ Thị Hằng", status="du_bi")
    page = SettingsPage(services, ChangeNotifier(services))
    qtbot.addWidget(page)
    page.show()
    picker = page.deputy
    items = [picker.itemText(i) for i in range(picker.count())]
    assert items[:2] == ["(chưa chọn ai)", "Trần Thị Hồng (chỉ có tên, chưa có trong danh sách đảng viên)"]
    assert "Hồ Thị Lan — thẻ 22334455" in items
    assert not any("Võ Thị Hằng" in text for text in items)  # probationary: not electable
    assert picker.currentIndex() == 1
    assert not page._dirty()
    # A member added after the page was shown is offered when the list opens.
    _add(services, "Đặng Văn Tú")
    picker.showPopup()
    picker.hidePopup()
    assert picker.findText("Đặng Văn Tú") > 0 and picker.currentIndex() == 1
    picker.setCurrentIndex(picker.findData(lan.id))
    assert page._dirty()
    page.save_cell_button.click()
    cell = services.cell.get()
    assert (cell.deputy_member_id, cell.deputy_name) == (lan.id, "Hồ Thị Lan")
    assert services.members.get(lan.id).position_party == DEPUTY_POSITION
    assert picker.currentData() == lan.id and picker.findText("Trần Thị Hồng", ) < 0  # the bare name is gone
    assert page.cell_status.text() == "Đã lưu."
