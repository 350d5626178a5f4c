"""Committee overview page benchmark (issue 10): GET /cells with N cells holding a year of data each, on
PostgreSQL. Prints numbers; it is not a test.

Data: the demo's change log (`cellsec demo`, the cell-year bench/sync_load.py pushes), reduced to the latest
snapshot of each record and copied to every simulated cell with COPY, as the server's `entities` rows a year
of pushes leaves (pushing them through the API is what bench/sync_load.py measures).

Measured over real HTTP to uvicorn (one worker thread, the page's whole path: session, SQL, template):
- cold: the first request after the data arrived computes every cell's figures (SQL aggregates) and caches them;
- warm: repeated requests read the cached figures (median and p99);
- after a sync: one cell's feed seq moves (as a push does), the next request recomputes that cell only;
- after an upgrade (the figures' version changes, every cached row out of date): the first request answers at
  once with the cells marked as being updated, the background refresher rebuilds them (how long), and the
  requests made meanwhile (median, p99) never wait for it.

Run: .venv/bin/python bench/web_overview.py [--cells 1000] [--requests 60] [--database-url URL] [--demo-dir DIR]
     [--reuse]  (with --database-url: keep the cells a previous run loaded there, skip loading)
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import update  # noqa: E402

from bench.sync_load import demo_change_log, pct  # noqa: E402
from cellsec.server.store import admin, users  # noqa: E402
from cellsec.server.store.db import open_store  # noqa: E402
from cellsec.server.store.models import Cell  # noqa: E402
from cellsec.sync.protocol.ownership import owner  # noqa: E402

PASSWORD = "mat-khau-bench-2026"


def latest_snapshots(ops) -> list[tuple[str, str, int, str, bool]]:
    """(entity, id, rev, snapshot JSON, deleted) — the newest revision of each record of the demo cell."""
    latest = {}
    for op in ops:
        latest[(op.entity, op.entity_id)] = op
    return [(e, i, op.rev, json.dumps(op.snapshot, ensure_ascii=False), op.op == "delete"
             or op.snapshot.get("deleted_at") is not None)
            for (e, i), op in latest.items() if owner(e) == "cell"]


def load_cells(store, committee_id: str, n: int, demo_cell: str, rows) -> list[str]:
    """N cells with the demo year each, written with COPY (the rows a year of pushes leaves)."""
    with store.transaction() as s:
        cells = [admin.add_cell(s, committee_id, f"Chi bộ số {i + 1:04d}")[0].id for i in range(n)]
    raw = store.engine.raw_connection()
    try:
        with raw.cursor() as cur:
            for start in range(0, n, 50):
                buf = io.StringIO()
                for cell_id in cells[start:start + 50]:
                    for seq, (entity, entity_id, rev, snap, deleted) in enumerate(rows, 1):
                        text = snap.replace(demo_cell, cell_id).replace("\\", "\\\\").replace("\t", "\\t") \
                            .replace("\n", "\\n").replace("\r", "\\r")
                        buf.write(f"{cell_id}\t{entity}\t{entity_id}\tcell\t{rev}\t{text}\t{'t' if deleted else 'f'}"
                                  f"\t{seq}\t\\N\t2026-11-30 10:00:00+00\n")
                buf.seek(0)
                with cur.copy("COPY entities (cell_id, entity, entity_id, owner, rev, snapshot, deleted, feed_seq, "
                              "origin_device, updated_at) FROM STDIN") as copy:
                    copy.write(buf.getvalue())
        raw.commit()
    finally:
        raw.close()
    with store.transaction() as s:
        s.execute(update(Cell).where(Cell.committee_id == committee_id).values(feed_seq=len(rows) + 10))
    return cells


def existing_cells(store) -> list[str]:
    from sqlalchemy import select

    from cellsec.server.store.models import Committee

    with store.transaction() as s:
        committee = s.scalars(select(Committee.id).where(Committee.name == "Đảng ủy bench")).first()
        return list(s.scalars(select(Cell.id).where(Cell.committee_id == committee))) if committee else []


def serve(store):
    import uvicorn

    from cellsec.server.api import create_app
    from tests.server.conftest import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server


def signed_in(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=600)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    answer = client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
    assert answer.status_code == 303, answer.text[:300]
    return client


def timed(client: httpx.Client, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    answer = client.get(path)
    elapsed = time.perf_counter() - started
    assert answer.status_code == 200, answer.text[:300]
    return elapsed * 1000, answer.text.count('href="/cells/')


def until_built(client: httpx.Client) -> tuple[list[float], float]:
    """Request the overview every 0.25 s until no cell is shown as being updated: (each request's ms, seconds)."""
    started = time.perf_counter()
    during = []
    while True:
        before = time.perf_counter()
        answer = client.get("/cells?year=2026")
        during.append((time.perf_counter() - before) * 1000)
        if "Đang tính lại số liệu" not in answer.text:
            return during, time.perf_counter() - started
        time.sleep(0.25)


def upgrade(client: httpx.Client) -> None:
    """As after an upgrade that changed the figures: time the requests while the background rebuild runs."""
    from cellsec.server.store import overview
    from cellsec.server.web import overview as overview_page

    overview.FIGURES_VERSION += 1
    overview._memory.clear()
    overview_page._rows.clear()
    during, rebuilt = until_built(client)
    print(f"after an upgrade: first request {during[0]:.0f} ms (cells shown as being updated); background rebuild "
          f"{rebuilt:.1f} s; {len(during)} requests meanwhile: median {statistics.median(during):.1f} ms, "
          f"p99 {pct(during, 99):.1f} ms, max {max(during):.1f} ms")
    warm = [timed(client, "/cells?year=2026")[0] for _ in range(30)]
    print(f"warm again, {len(warm)} requests: median {statistics.median(warm):.1f} ms, p99 {pct(warm, 99):.1f} ms")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cells", type=int, default=1000)
    p.add_argument("--requests", type=int, default=60)
    p.add_argument("--database-url")
    p.add_argument("--demo-dir", type=Path)
    p.add_argument("--reuse", action="store_true", help="reuse the cells an earlier run loaded (--database-url)")
    args = p.parse_args()

    cluster = None
    url = args.database_url
    if url is None:
        from tests.server import pg

        cluster = pg.Cluster(pg.find_bin())
        cluster.start()
        url = cluster.new_database()
    try:
        store = open_store(url)
        cells = existing_cells(store) if args.reuse else []
        if not cells:
            demo_cell, ops = demo_change_log(args.demo_dir)
            rows = latest_snapshots(ops)
            with store.transaction() as s:
                committee = admin.add_committee(s, "Đảng ủy bench").id
                users.add_user(s, "bench", committee, "officer", PASSWORD)
            started = time.perf_counter()
            cells = load_cells(store, committee, args.cells, demo_cell, rows)
            print(f"data: {args.cells} cells x {len(rows)} records = {args.cells * len(rows):,} entity rows "
                  f"in {time.perf_counter() - started:.1f} s")
        else:
            print(f"data: reusing {len(cells)} cells")
        with store.engine.connect() as c:
            c.exec_driver_sql("ANALYZE entities")
        base, server = serve(store)
        client = signed_in(base)
        during, built = until_built(client)
        print(f"first request: {during[0]:.0f} ms (" + ("this process's copy empty, figures from the database cache"
              if args.reuse else "cells not computed yet shown as being updated") + f"); figures complete after "
              f"{built:.1f} s (the start-up refresher in the background), {len(during)} requests meanwhile: "
              f"max {max(during):.0f} ms")
        warm = [timed(client, "/cells?year=2026")[0] for _ in range(args.requests)]
        print(f"warm, {len(warm)} requests: median {statistics.median(warm):.1f} ms, p99 {pct(warm, 99):.1f} ms, "
              f"max {max(warm):.1f} ms")
        sorted_ms = [timed(client, "/cells?year=2026&sort=attendance&dir=desc&missing=1")[0] for _ in range(20)]
        print(f"warm, sorted + filtered: median {statistics.median(sorted_ms):.1f} ms")
        after = []
        for i in range(10):
            with store.transaction() as s:
                s.execute(update(Cell).where(Cell.id == cells[i * 7 % len(cells)]).values(feed_seq=Cell.feed_seq + 1))
            after.append(timed(client, "/cells?year=2026")[0])
        print(f"after one cell synced (that cell recomputed): median {statistics.median(after):.1f} ms, "
              f"max {max(after):.1f} ms")
        upgrade(client)
        client.close()
        server.should_exit = True
        store.close()
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
