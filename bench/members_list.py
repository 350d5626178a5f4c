"""The member list on 100,000 members: query_ids (sort, filter, accent-free search), rows batches, and the
first query after an edit (the list index is rebuilt).

Run: .venv/bin/python bench/members_list.py [members] [runs]   — prints the median of `runs` (default 7).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from cellsec.domain.text import fold  # noqa: E402
from cellsec.services.settings.cell import CellInfo  # noqa: E402
from cellsec.services.facade import Services  # noqa: E402
from cellsec.services.members.service import MemberQuery  # noqa: E402
from cellsec.store.ids import new_id  # noqa: E402
from cellsec.store.models.members import Member  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đậu"]
MIDDLE = ["Văn", "Thị", "Đình", "Hữu", "Quang", "Ngọc", "Thanh", "Minh", "Sỹ", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hằng", "Lan", "Minh", "Sơn", "Tâm", "Hương", "Nhung", "Vinh"]


def fill(svc: Services, count: int) -> None:
    rng = random.Random(1)
    cell_id = svc.ctx.cell_id
    rows = []
    for i in range(count):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        rows.append(dict(id=new_id(), cell_id=cell_id, full_name=name, name_folded=fold(name), list_no=i + 1,
                         status=rng.choice(["du_bi", "chinh_thuc"]),
                         activity_status=rng.choice(["active"] * 8 + ["exempt", "deceased"]),
                         date_of_birth=dt.date(1950 + rng.randrange(50), 1 + rng.randrange(12), 1), gender="nam",
                         admitted_on=dt.date(2005, 1, 1), cccd=f"040{i:09d}", card_no=f"{i:08d}"))
    # Core insert on purpose: a synthetic load, not user entries (no change log needed).
    with svc.ctx.mutation("bench.fill", "bench") as s:
        s.execute(insert(Member), rows)


def median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    with tempfile.TemporaryDirectory() as tmp:
        svc = Services.open(Path(tmp))
        svc.cell.setup(CellInfo(name="Chi bộ", place_name="Nghệ An", upper_committee="Đảng ủy"))
        fill(svc, count)
        m = svc.members
        ids = m.query_ids()
        first = {}
        for sort in ("full_name", "date_of_birth", "gender", "card_no", "status", "phone"):
            for descending in (False, True):
                start = time.perf_counter()  # each order's first query (a click before it was computed ahead)
                m.query_ids(MemberQuery(sort=sort, descending=descending))
                first[(sort, descending)] = time.perf_counter() - start
        cases = {
            "query_ids, by SĐV": lambda: m.query_ids(MemberQuery()),
            "query_ids, by name (Vietnamese order)": lambda: m.query_ids(MemberQuery(sort="full_name")),
            "query_ids, by birth date, descending": lambda: m.query_ids(MemberQuery(sort="date_of_birth",
                                                                                    descending=True)),
            "query_ids, search 'nguyen van duc'": lambda: m.query_ids(MemberQuery(text="nguyen van duc")),
            "query_ids, search 'ng'": lambda: m.query_ids(MemberQuery(text="ng")),
            "query_ids, active + exempt": lambda: m.query_ids(MemberQuery(activity_statuses=("active", "exempt"))),
            "rows, 100 ids": lambda: m.rows(ids[count // 2:count // 2 + 100]),
        }
        print(f"{count} members, median of {runs} runs")
        for label, fn in cases.items():
            print(f"  {label:42s} {median(fn, runs) * 1000:7.0f} ms")

        def edit_then_query() -> None:
            record = m.get(ids[10])
            m.update(record.id, replace(record.as_input(), phone=f"09{random.randrange(10**8):08d}"))
            start = time.perf_counter()
            m.query_ids(MemberQuery())
            edit_then_query.elapsed.append(time.perf_counter() - start)

        label = "first query of an order (not computed ahead)"
        print(f"  {label:42s} {statistics.median(first.values()) * 1000:7.0f} ms median, "
              f"{max(first.values()) * 1000:.0f} ms longest")

        edit_then_query.elapsed = []
        for _ in range(3):
            edit_then_query()
        print(f"  {'first query_ids after an edit':42s} {statistics.median(edit_then_query.elapsed) * 1000:7.0f} ms")
        svc.close()


if __name__ == "__main__":
    main()
