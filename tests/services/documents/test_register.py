"""The member register as of a date lists the members and standings of that day, not today's list."""

from __future__ import annotations

import datetime as dt

from cellsec.reports.members import write_member_register
from cellsec.services.documents.register import register_as_of
from cellsec.services.members.service import MemberInput, StatusChange
from tests.reports.pdfcheck import pages_text

D = dt.date


def _add(services, name, admitted, official=None, list_no=None):
    return services.members.add(MemberInput(
        full_name=name, date_of_birth=D(1980, 1, 1), gender="nam", admitted_on=admitted, official_on=official,
        status="chinh_thuc" if official else "du_bi", list_no=list_no), today=D(2026, 6, 1)).id


def _people(services):
    old = _add(services, "Nguyễn Văn Cũ", D(2000, 1, 1), D(2001, 1, 1), 1)
    newer = _add(services, "Trần Văn Mới", D(2025, 3, 1), D(2026, 3, 1), 2)
    gone = _add(services, "Lê Văn Đi", D(2010, 1, 1), D(2011, 1, 1), 3)
    services.members.change_status(gone, StatusChange("transferred_out", D(2026, 2, 1), None, "Chuyển công tác",
                                                      org="Chi bộ Xã Hưng Lộc"), today=D(2026, 6, 1))
    rest = _add(services, "Phạm Văn Nghỉ", D(2005, 1, 1), D(2006, 1, 1), 4)
    services.members.change_status(rest, StatusChange("exempt", D(2025, 6, 1), D(2025, 12, 31), "Ốm dài ngày"),
                                   today=D(2026, 6, 1))
    return old, newer, gone, rest


def test_the_register_of_a_past_day(services):
    _people(services)
    then = {m.full_name: m for m in register_as_of(services, D(2025, 1, 15))}
    assert set(then) == {"Nguyễn Văn Cũ", "Lê Văn Đi", "Phạm Văn Nghỉ"}  # not yet admitted: not listed
    assert then["Phạm Văn Nghỉ"].activity_status == "active"

    mid = {m.full_name: m for m in register_as_of(services, D(2025, 9, 1))}
    assert mid["Trần Văn Mới"].status == "du_bi" and mid["Trần Văn Mới"].official_on is None
    assert mid["Phạm Văn Nghỉ"].activity_status == "exempt"

    now = {m.full_name: m for m in register_as_of(services, D(2026, 4, 1))}
    assert "Lê Văn Đi" not in now  # transferred out in February
    assert now["Trần Văn Mới"].status == "chinh_thuc"
    assert now["Phạm Văn Nghỉ"].activity_status == "active"  # the exemption ended


def test_the_printed_register_is_dated_and_numbered_as_asked(services, tmp_path):
    _people(services)
    path = write_member_register(services, tmp_path / "ds.pdf", D(2025, 9, 1), seq=4)
    text = " ".join(" ".join(pages_text(path)).split())
    assert "ngày 01 tháng 9 năm 2025" in text and "Số 04-DS/" in text
    assert "(Tính đến ngày 01/09/2025)" in text
    assert "Trần Văn Mới" in text and "Lê Văn Đi" in text
    assert "Tổng số: 4 đồng chí; chính thức: 3; dự bị: 1; miễn sinh hoạt: 1." in text
