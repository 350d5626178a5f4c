"""A realistic demo cell (`cellsec demo`): a residential cell in Nghệ An with 25 members, so every screen
and printout has something true-to-life to show. Dates are relative to `today`, so the reminders
(probation ending, exemption ending) always have something to say.

Other features append `step(svc, today)` to DEMO_STEPS to add their own demo data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...domain.dates import add_months
from ...domain.messages import Msg
from ..settings.cell import CellInfo
from ..errors import ServiceError
from .meetings import demo_meetings
from .reviews import reviews_demo
from .scoring import demo_scoring
from ..members.service import MemberInput, StatusChange

if TYPE_CHECKING:
    from ..facade import Services

NOT_EMPTY = Msg(
    "Thư mục dữ liệu này đã có chi bộ với {count} đảng viên; không tạo dữ liệu mẫu để khỏi lẫn với dữ liệu thật. "
    "Hãy chọn một thư mục trống (--data-dir).",
    "This data folder already holds a cell with {count} members; demo data would mix with real data. "
    "Choose an empty folder (--data-dir).",
)

DEMO_CELL = CellInfo(
    name="Chi bộ xóm Trung Mỹ",
    abbreviation="CB",
    place_name="Nghệ An",
    secretary_name="Nguyễn Văn Hùng",
    deputy_name="Trần Thị Hồng Nhung",
    upper_committee="Đảng ủy xã Hưng Nguyên",
    top_committee="Đảng bộ tỉnh Nghệ An",
)

# Meetings first: the review texts quote attendance figures computed from the meetings' records.
DEMO_STEPS: list[Callable[["Services", dt.date], None]] = [demo_meetings, reviews_demo, demo_scoring]

VILLAGE = "xóm Trung Mỹ, xã Hưng Nguyên, tỉnh Nghệ An"


@dataclass
class _Person:
    name: str
    gender: str
    age: int
    born_md: tuple[int, int]
    admitted_age: int  # age when admitted (ignored when the admission date is set relative to today)
    admitted_md: tuple[int, int]
    party: str = ""
    government: str = ""
    mass_org: str = ""
    workplace: str = ""
    hometown: str = VILLAGE
    education: str = "12/12"
    professional: str = ""
    theory: str = ""
    dues: str = "bhxh_bat_buoc"
    basis: int = 0
    official_delay_days: int = 0  # recognised this many days after the 12 months of probation
    has_cccd: bool = True
    has_phone: bool = True


_PEOPLE = [
    _Person("Nguyễn Văn Hùng", "nam", 58, (12, 3), 27, (3, 2), party="Bí thư Chi bộ", government="Trưởng xóm",
            workplace="Hợp tác xã Nông nghiệp Hưng Nguyên", professional="Trung cấp", theory="trung_cap",
            basis=7_200_000),
    _Person("Trần Thị Hồng Nhung", "nu", 45, (8, 21), 26, (5, 19), party="Phó Bí thư Chi bộ",
            workplace="Trường Tiểu học Hưng Nguyên", hometown="xã Nam Đàn, tỉnh Nghệ An", professional="Đại học",
            theory="trung_cap", basis=8_900_000, official_delay_days=14),
    _Person("Lê Đình Thắng", "nam", 50, (1, 17), 24, (12, 22), party="Chi ủy viên",
            government="Phó Trưởng Công an xã", workplace="Công an xã Hưng Nguyên", professional="Đại học",
            theory="trung_cap", basis=11_500_000),
    _Person("Đinh Thị Hoa", "nu", 52, (6, 9), 30, (9, 2), party="Chi ủy viên",
            mass_org="Chi hội trưởng Hội Nông dân", workplace="Làm nông nghiệp", dues="khac"),
    _Person("Phan Văn Toàn", "nam", 73, (4, 30), 21, (7, 27), mass_org="Chi hội trưởng Hội Cựu chiến binh",
            workplace="Nghỉ hưu (quân nhân)", hometown="xã Đô Lương, tỉnh Nghệ An", education="10/10",
            theory="so_cap", dues="huu_tri", basis=6_500_000),
    _Person("Hồ Thị Lan", "nu", 68, (10, 2), 28, (3, 8), workplace="Nghỉ hưu (giáo viên)", education="10/10",
            professional="Cao đẳng", dues="huu_tri", basis=5_800_000),
    _Person("Đặng Văn Quý", "nam", 80, (2, 14), 22, (9, 2), workplace="Nghỉ hưu", education="7/10",
            dues="huu_tri", basis=4_900_000),
    _Person("Võ Thị Mai", "nu", 38, (11, 27), 29, (5, 19), workplace="Trạm Y tế xã Hưng Nguyên",
            professional="Cao đẳng", dues="om_dau_thai_san", basis=6_100_000),
    _Person("Hoàng Văn Sơn", "nam", 24, (7, 7), 23, (1, 1), mass_org="Bí thư Chi đoàn",
            workplace="Công ty TNHH May xuất khẩu Hưng Nguyên", professional="Cao đẳng", basis=6_300_000),
    _Person("Nguyễn Thị Thu Hà", "nu", 27, (9, 15), 26, (1, 1), workplace="Trường Mầm non Hưng Nguyên",
            professional="Đại học", basis=5_400_000),
    _Person("Bùi Văn Long", "nam", 42, (3, 5), 27, (2, 3), workplace="Công ty Thủy điện Bản Vẽ",
            hometown="xã Tương Dương, tỉnh Nghệ An", professional="Đại học", basis=12_800_000),
    _Person("Cao Văn Dũng", "nam", 35, (5, 12), 25, (8, 19), workplace="Ngân hàng Nông nghiệp chi nhánh Vinh",
            professional="Đại học", basis=10_200_000),
    _Person("Phạm Văn Tư", "nam", 79, (8, 8), 20, (12, 22), workplace="Nghỉ hưu", education="7/10",
            dues="huu_tri", basis=4_200_000, has_phone=False),
    _Person("Lê Thị Thanh Hương", "nu", 33, (12, 30), 25, (3, 26), workplace="Trạm Y tế xã Hưng Nguyên",
            professional="Đại học", basis=7_100_000),
    _Person("Trương Quang Vinh", "nam", 61, (7, 1), 23, (12, 22), workplace="Nghỉ hưu (quân nhân)",
            hometown="xã Diễn Châu, tỉnh Nghệ An", professional="Trung cấp", theory="trung_cap", dues="huu_tri",
            basis=8_300_000),
    _Person("Ngô Văn Bình", "nam", 47, (10, 10), 28, (2, 3), government="Công chức Địa chính - Xây dựng xã",
            workplace="UBND xã Hưng Nguyên", professional="Đại học", theory="trung_cap", basis=9_600_000),
    _Person("Thái Thị Ngọc Ánh", "nu", 29, (4, 4), 25, (3, 26), workplace="Agribank chi nhánh Hưng Nguyên",
            professional="Đại học", basis=9_100_000),
    _Person("Nguyễn Hữu Thành", "nam", 66, (1, 25), 26, (5, 19), mass_org="Trưởng ban Thanh tra nhân dân",
            workplace="Nghỉ hưu", professional="Cao đẳng", theory="so_cap", dues="huu_tri", basis=6_900_000),
    _Person("Đậu Văn Lực", "nam", 55, (6, 20), 31, (9, 2), workplace="Làm nông nghiệp",
            hometown="xã Yên Thành, tỉnh Nghệ An", education="9/12", dues="khac"),
    _Person("Hồ Sỹ Nam", "nam", 39, (2, 28), 24, (5, 19), workplace="Công ty Cổ phần Xi măng Sông Lam",
            professional="Đại học", basis=10_700_000),
    _Person("Phan Thị Duyên", "nu", 44, (9, 9), 27, (10, 20), mass_org="Chi hội trưởng Hội Phụ nữ",
            workplace="Buôn bán nhỏ", professional="Trung cấp", dues="khac"),
    _Person("Nguyễn Đình Khánh", "nam", 31, (11, 11), 24, (3, 26), workplace="Điện lực Hưng Nguyên",
            professional="Đại học", basis=9_800_000),
    _Person("Trần Văn Hiếu", "nam", 71, (3, 18), 25, (2, 3), workplace="Nghỉ hưu", education="10/10",
            dues="huu_tri", basis=5_200_000, has_cccd=False),
    _Person("Lê Văn Cường", "nam", 63, (5, 5), 33, (7, 27), workplace="Thợ mộc", education="9/12", dues="khac"),
    _Person("Võ Thị Hằng", "nu", 22, (6, 1), 21, (1, 1), workplace="Công ty Cổ phần Thực phẩm sữa TH",
            professional="Cao đẳng", basis=5_900_000),
]


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _cccd(rng: random.Random, born: dt.date, gender: str, used: set[str]) -> str:
    # Nghệ An = 040; digit 4 = century and gender (0/1 = male/female born 19xx, 2/3 = 20xx).
    code = (born.year // 100 - 19) * 2 + (1 if gender == "nu" else 0)
    while True:
        value = f"040{code}{born.year % 100:02d}{rng.randrange(10**6):06d}"
        if value not in used:
            used.add(value)
            return value


def build_demo(svc: "Services", today: dt.date | None = None) -> None:
    """Set up the demo cell (unless a cell exists) and its members, then every feature's demo step."""
    today = today or dt.date.today()
    if svc.cell.is_set_up():
        count = svc.members.member_count()
        if count:
            raise ServiceError(NOT_EMPTY, count=count)
    else:
        svc.cell.setup(DEMO_CELL, since=dt.date(2020, 1, 1))
    _add_members(svc, today)
    if svc.cell.get().deputy_name == DEMO_CELL.deputy_name:
        svc.cell.set_deputy(DEMO_CELL.deputy_name)  # the deputy is the member of that name (issue 12)
    for step in DEMO_STEPS:
        step(svc, today)


def _add_members(svc: "Services", today: dt.date) -> None:
    rng = random.Random(20260205)
    used: set[str] = set()
    ids: dict[str, str] = {}
    probation_ending = add_months(today, -12) + dt.timedelta(days=18)  # probation ends in 18 days
    relative_admission = {
        "Hoàng Văn Sơn": probation_ending,
        "Nguyễn Thị Thu Hà": add_months(today, -5),
        "Võ Thị Hằng": add_months(today, -3),
    }
    for list_no, p in enumerate(_PEOPLE, start=1):
        born = _safe_date(today.year - p.age - (1 if p.born_md > (today.month, today.day) else 0), *p.born_md)
        admitted = relative_admission.get(p.name) or _safe_date(born.year + p.admitted_age, *p.admitted_md)
        probationary = p.name in relative_admission
        official = None if probationary else add_months(admitted, 12) + dt.timedelta(days=p.official_delay_days)
        card = "" if probationary else f"37{rng.randrange(10**6):06d}"
        card_from = None if probationary else official + dt.timedelta(days=rng.randrange(60, 200))
        record = svc.members.add(MemberInput(
            full_name=p.name, date_of_birth=born, gender=p.gender,
            cccd=_cccd(rng, born, p.gender, used) if p.has_cccd else "",
            phone=f"09{rng.randrange(10**8):08d}" if p.has_phone else "",
            hometown=p.hometown, workplace=p.workplace, card_no=card, card_valid_from=card_from,
            ly_lich_no=f"{rng.randrange(100000, 999999)}", list_no=list_no, admitted_on=admitted,
            official_on=official, status="du_bi" if probationary else "chinh_thuc",
            position_party=p.party, position_government=p.government, position_mass_org=p.mass_org,
            education=p.education, professional_level=p.professional, political_theory=p.theory,
            dues_category=p.dues, dues_basis=p.basis,
        ), today=today)
        ids[p.name] = record.id

    # Cards are being re-issued throughout the Party (Chỉ thị 51-CT/TW): one member already has a new one.
    nam = svc.members.get(ids["Hồ Sỹ Nam"])
    renewed = nam.as_input()
    renewed.card_no, renewed.card_valid_from = f"37{rng.randrange(10**6):06d}", today - dt.timedelta(days=60)
    svc.members.update(nam.id, renewed, today=today)

    changes = {
        "Đặng Văn Quý": StatusChange("exempt", dt.date(today.year - 3, 3, 15), None,
                                     "Tuổi cao, sức khỏe yếu, có đơn xin miễn sinh hoạt đảng",
                                     f"Nghị quyết số 05-NQ/CB ngày 15/3/{today.year - 3}"),
        "Võ Thị Mai": StatusChange("exempt", add_months(today, -5), today + dt.timedelta(days=15),
                                   "Nghỉ thai sản", f"Biên bản họp chi bộ tháng {add_months(today, -5).month}"),
        # Here since before the demo's first meeting, so he is in every meeting's table of the two years.
        "Bùi Văn Long": StatusChange("temporary", dt.date(today.year - 2, 6, 1), add_months(today, 8),
                                     "Về làm việc tại địa phương", "",
                                     "Chi bộ Phân xưởng Vận hành, Đảng bộ Công ty Thủy điện Bản Vẽ"),
        "Cao Văn Dũng": StatusChange("transferred_out", today - dt.timedelta(days=95), None,
                                     "Chuyển nơi cư trú", "Giấy giới thiệu sinh hoạt đảng số 17",
                                     "Chi bộ Khối 3, Đảng bộ phường Trường Vinh"),
        "Phạm Văn Tư": StatusChange("deceased", today - dt.timedelta(days=240)),
    }
    for name, change in changes.items():
        svc.members.change_status(ids[name], change, today=today)
