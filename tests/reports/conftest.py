"""Sample cell and members for report tests (plain records: the reports only read attributes)."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.settings.cell import CellInfo
from cellsec.services.members.service import MemberRecord

D = dt.date

# (name, born, gender, admitted, official, card, party position, government position)
_PEOPLE = [
    ("Nguyễn Văn Đức", D(1972, 3, 14), "nam", D(1998, 5, 19), D(1999, 5, 19), "79012345", "Bí thư chi bộ", "Trưởng phòng Kỹ thuật"),
    ("Trần Thị Hồng", D(1980, 11, 2), "nu", D(2005, 2, 3), D(2006, 2, 3), "79012346", "Phó Bí thư chi bộ", "Phó Trưởng phòng"),
    ("Nguyễn Thị Ngọc Ánh", D(1985, 7, 30), "nu", D(2010, 9, 2), D(2011, 9, 2), "79012347", "Chi ủy viên", "Biên tập viên"),
    ("Đặng Quốc Việt", D(1978, 1, 9), "nam", D(2003, 12, 22), D(2004, 12, 22), "79012348", "", "Kỹ sư"),
    ("Lưu Ơn", D(1990, 4, 1), "nam", D(2016, 3, 26), D(2017, 3, 26), "79012349", "", "Kỹ thuật viên"),
    ("Hoàng Thị Phương Thảo", D(1992, 6, 15), "nu", D(2018, 5, 19), D(2019, 5, 19), "79012350", "", "Thiết kế mỹ thuật"),
    ("Phạm Ngọc Ưng", D(1969, 8, 20), "nam", D(1994, 2, 3), D(1995, 2, 3), "79012351", "", "Phó Tổng biên tập"),
    ("Võ Thị Mỹ Duyên", D(1995, 10, 10), "nu", D(2025, 9, 2), None, "", "", "Phóng viên"),
    ("Bùi Xuân Trường", D(1983, 12, 5), "nam", D(2008, 7, 1), D(2009, 7, 1), "79012353", "", "Lái xe"),
    ("Lê Thị Thu Hương", D(1988, 2, 29), "nu", D(2012, 8, 19), D(2013, 8, 19), "79012354", "", "Kế toán"),
    ("Ngô Đức Thắng", D(1976, 9, 9), "nam", D(2001, 5, 19), D(2002, 5, 19), "79012355", "", "Kỹ sư in"),
    ("Đỗ Thị Kiều Oanh", D(1991, 3, 8), "nu", D(2017, 1, 6), D(2018, 1, 6), "79012356", "", "Biên tập viên"),
    ("Hồ Sỹ Hùng", D(1965, 5, 5), "nam", D(1990, 9, 2), D(1991, 9, 2), "79012357", "", "Chuyên viên"),
    ("Dương Thị Lệ Quyên", D(1993, 12, 25), "nu", D(2024, 12, 22), None, "", "", "Kỹ thuật viên"),
    ("Trịnh Văn Tuấn", D(1987, 7, 7), "nam", D(2011, 3, 26), D(2012, 3, 26), "79012359", "", "Quay phim"),
    ("Phan Thị Thanh Tâm", D(1984, 4, 30), "nu", D(2009, 10, 13), D(2010, 10, 13), "79012360", "", "Phóng viên"),
    ("Cao Xuân Định", D(1979, 1, 1), "nam", D(2004, 6, 1), D(2005, 6, 1), "79012361", "", "Kỹ sư điện"),
    ("Lý Thị Yến", D(1994, 8, 8), "nu", D(2019, 2, 3), D(2020, 2, 3), "79012362", "", "Văn thư"),
    ("Thái Bá Lộc", D(1970, 11, 11), "nam", D(1996, 3, 26), D(1997, 3, 26), "79012363", "", "Chuyên viên chính"),
    ("Tạ Quang Khải", D(1989, 5, 20), "nam", D(2014, 5, 19), D(2015, 5, 19), "79012364", "", "Kỹ thuật viên"),
    ("Chu Thị Ngọc Diệp", D(1996, 9, 2), "nu", D(2025, 3, 26), None, "", "", "Phóng viên"),
    ("Vương Đình Huệ", D(1975, 2, 14), "nam", D(2000, 12, 22), D(2001, 12, 22), "79012366", "", "Trưởng ban Thư ký tòa soạn"),
    ("Mai Thị Hải Yến", D(1986, 6, 6), "nu", D(2010, 1, 6), D(2011, 1, 6), "79012367", "", "Biên tập viên"),
    ("Quách Văn Ưởng", D(1962, 10, 20), "nam", D(1985, 5, 19), D(1986, 5, 19), "79012368", "", "Nguyên Trưởng phòng"),
    ("Kiều Thị Nguyệt", D(1990, 12, 12), "nu", D(2015, 9, 2), D(2016, 9, 2), "79012369", "", "Biên tập viên"),
]


def make_members() -> list[MemberRecord]:
    out = []
    for i, (name, born, gender, admitted, official, card, pos_party, pos_gov) in enumerate(_PEOPLE, start=1):
        out.append(MemberRecord(
            id=f"m{i:02d}", full_name=name, date_of_birth=born, gender=gender, admitted_on=admitted,
            official_on=official, status="chinh_thuc" if official else "du_bi", card_no=card, list_no=i,
            position_party=pos_party, position_government=pos_gov, cccd=f"0400{i:08d}", phone=f"09123456{i:02d}",
            hometown="Nghi Lộc, Nghệ An", workplace="Báo Nghệ An", education="12/12", political_theory="trung_cap",
        ))
    # An exempt member, one attending temporarily, and one who left (not printed in the register).
    out[23].activity_status, out[23].status_to = "exempt", D(2026, 12, 31)
    out[24].activity_status, out[24].status_org = "temporary", "Chi bộ Phóng viên"
    out.append(MemberRecord(id="m26", full_name="Lê Văn Chuyển", list_no=26, status="chinh_thuc",
                            activity_status="transferred_out", admitted_on=D(2000, 1, 1), official_on=D(2001, 1, 1)))
    return out


@pytest.fixture
def cell() -> CellInfo:
    return CellInfo(name="Chi bộ Xuất bản - Kỹ thuật", abbreviation="CB", place_name="Nghệ An",
                    secretary_name="Nguyễn Văn Đức", deputy_name="Trần Thị Hồng",
                    upper_committee="Đảng ủy Báo Nghệ An", top_committee="Đảng bộ các cơ quan Đảng tỉnh Nghệ An")


@pytest.fixture
def members() -> list[MemberRecord]:
    return make_members()
