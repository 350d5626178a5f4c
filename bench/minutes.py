"""Meeting minutes: time to build one minutes PDF, a 16-meeting minutes book, and the median search time
over a synthetic store of 50,000 meetings (a whole province's ten years).

Run: .venv/bin/python bench/minutes.py [meetings]   (default 50000). Aims: one PDF < 0.3 s, the book < 3 s,
search < 50 ms. Prints numbers; it is not a pass/fail test.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from cellsec.services.demo import meetings as bank  # noqa: E402
from cellsec.services.demo.cell import build_demo  # noqa: E402
from cellsec.services.facade import Services  # noqa: E402
from cellsec.store import search as index  # noqa: E402
from cellsec.store.ids import new_id  # noqa: E402
from cellsec.store.models.meetings import Meeting  # noqa: E402

TODAY = dt.date(2026, 11, 22)
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh"]
MIDDLES = ["Văn", "Thị", "Đình", "Hữu", "Quang", "Thị Thu", "Văn Minh", "Sỹ", "Xuân", "Thị Hồng"]
GIVEN = ["Đức", "Hùng", "Lan", "Hoa", "Thắng", "Nhung", "Sơn", "Hà", "Long", "Dũng", "Hương", "Vinh", "Bình",
         "Ánh", "Thành", "Lực", "Nam", "Duyên", "Khánh", "Hiếu", "Cường", "Hằng", "Mai", "Quý", "Toàn", "Tư"]
QUERIES = ["kiem diem dang vien", "Kiểm điểm", "dang vien", "bao lu", "nguyen van duc", "Đức", "nghi quyet",
           "phong chong", "nong thon moi", "ve sinh moi truong", unicodedata.normalize("NFD", "đảng phí"),
           "an ninh trat tu", "chuyen doi so", "ho chi minh", "thanh nien", "hoa giai", "kiem die", "le van cuong",
           "xe may dien", "tet trong cay"]


def _clock(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_pdfs(folder: Path) -> tuple[float, float, int]:
    from cellsec.reports.engine.layout import render_pdf
    from cellsec.reports.minutes import minutes_book, minutes_document
    from cellsec.reports.engine.pdf import register_fonts

    svc = Services.open(folder / "demo")
    try:
        build_demo(svc, TODAY)
        register_fonts()
        records = svc.meetings.book(2025)[:16]
        layout = svc.layout.get()
        cell = svc.cell.get(records[0].content.held_on)

        one = _clock(7, lambda: render_pdf(minutes_document(cell, records[2], layout), folder / "one.pdf", layout))
        book = _clock(3, lambda: render_pdf(minutes_book(cell, records, 2025, None, layout), folder / "book.pdf",
                                            layout))
        from pypdf import PdfReader

        pages = len(PdfReader(str(folder / "book.pdf")).pages)
        return one, book, pages
    finally:
        svc.close()


def _minutes_text(rng: random.Random, month: int) -> tuple[str, str]:
    names = [f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}" for _ in range(6)]
    topic = rng.choice(bank.TOPICS) if rng.random() < 0.3 else ""
    parts = [bank.PLACE, names[0], names[1],
             f"Đồng chí {names[0]}, Bí thư Chi bộ, tuyên bố lý do, giới thiệu đại biểu; chi bộ thông qua chương trình.",
             "Sinh hoạt \"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh\": "
             f"{rng.choice(bank.STORIES)}.",
             bank.EVENTS[month]]
    for _ in range(rng.randint(3, 6)):
        parts.append(f"{rng.choice(names)}: {rng.choice(bank.SPEECHES)}")
    parts += [f"{i}. {task}." for i, task in enumerate(rng.sample(bank.TASKS, 3), start=1)]
    if rng.random() < 0.2:
        parts.append("Chi bộ tổ chức kiểm điểm đảng viên, đánh giá chất lượng cuối năm.")
    if topic:
        parts.append(f"Chuyên đề: {topic}")
    return topic, "\n".join(parts)


def build_search_store(folder: Path, count: int) -> tuple[Services, float]:
    svc = Services.open(folder / "province")
    from cellsec.services.settings.cell import CellInfo

    svc.cell.setup(CellInfo(name="Chi bộ Tổng hợp", abbreviation="CB", place_name="Nghệ An",
                            upper_committee="Đảng ủy tỉnh"))
    cell_id = svc.ctx.cell_id
    rng = random.Random(2026)
    start = time.perf_counter()
    batch = 5000
    with svc.ctx.store.sessions.begin() as s:  # bulk load: derived test data, no audit or change log
        conn = s.connection()
        for first in range(0, count, batch):
            meetings, docs = [], []
            now = dt.datetime.now(dt.timezone.utc)
            for i in range(first, min(first + batch, count)):
                held = dt.date(2016, 1, 5) + dt.timedelta(days=(i * 3653) // count)
                topic, body = _minutes_text(rng, held.month)
                meeting_id = new_id()
                meetings.append({"id": meeting_id, "cell_id": cell_id, "kind": "chuyen_de" if topic else "thuong_ky",
                                 "held_on": held, "period_year": held.year, "period_month": held.month,
                                 "topic": topic, "content": "{}", "status": "approved", "revision": 1,
                                 "location": bank.PLACE, "created_at": now, "updated_at": now, "rev": 1,
                                 "number_year": held.year, "number_seq": i + 1, "number_text": f"Số {i + 1:02d}-BB/CB"})
                period = f"thường kỳ tháng {held.month} năm {held.year}"
                title = f"Sinh hoạt chi bộ {'chuyên đề: ' + topic if topic else period}"
                docs.append(index.IndexedText("meeting", meeting_id, cell_id, held, title, body))
            conn.execute(insert(Meeting), meetings)
            index.put_many(conn, docs)
    return svc, time.perf_counter() - start


def bench_search(svc: Services) -> tuple[float, float, dict[str, float]]:
    for q in QUERIES:  # warm the page cache, as a second search in the window would be
        svc.search.search(q)
    per_query: dict[str, float] = {}
    all_times: list[float] = []
    for q in QUERIES:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            svc.search.search(q, limit=50)
            times.append(time.perf_counter() - start)
        per_query[q] = statistics.median(times)
        all_times += times
    return statistics.median(all_times), max(all_times), per_query


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one, book, pages = bench_pdfs(folder)
        print(f"one minutes PDF:            {one:.3f} s   (aim < 0.3 s)")
        print(f"16-meeting minutes book:    {book:.3f} s   ({pages} pages; aim < 3 s)")
        svc, load = build_search_store(folder, count)
        try:
            size = (folder / "province" / "cellsec.sqlite3").stat().st_size / 1e6
            print(f"synthetic store:            {count} meetings loaded and indexed in {load:.1f} s ({size:.0f} MB)")
            median, worst, per_query = bench_search(svc)
            print(f"search, median of {len(QUERIES)} queries x 5: {median * 1000:.1f} ms   "
                  f"(worst {worst * 1000:.1f} ms; aim < 50 ms)")
            for q, t in sorted(per_query.items(), key=lambda kv: -kv[1])[:5]:
                print(f"    slowest: {q!r:28} {t * 1000:.1f} ms")
        finally:
            svc.close()


if __name__ == "__main__":
    main()
