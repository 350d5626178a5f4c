"""Sync load benchmark (issue 9): N simulated cells push a year of changes each, concurrently, to the
committee server on PostgreSQL, then pull. Prints numbers; it is not a test.

A "cell-year" is the demo's change log (`cellsec demo`: one cell, 25 members, ~1,800 change-log rows,
~2.3 MB of snapshots), re-addressed to each simulated cell and device. Envelopes are sealed before the
clock starts (the laptops' work, measured separately), so the timed phase is the server: HTTP, signature
and nonce checks, decryption, applying every op in one transaction per batch.

Steps: start a throwaway PostgreSQL (initdb + pg_ctl, as tests/server do) unless --database-url is given;
start `cellsec-server serve --workers W` as a real process; create a committee and N cells; one cell-year
pushed alone (the "≤ 1 s on loopback" aim, laptop sealing included); then N cells enrol and push
concurrently; the committee publishes a rubric (fans out to every cell) and every cell pulls; a sample of
cells is downloaded in full by a second laptop. At the end every count is checked against what was sent.

Run: .venv/bin/python bench/sync_load.py [--cells 1000] [--concurrency 64] [--batch 500] [--workers 2]

Measured, --cells 1000 with the defaults (1,791,000 ops; PostgreSQL 15 on this 2-core machine, which other
work shares: the CPU per op is the steadier figure; the load average printed is mostly the bench's own):
- before (8ea2da7), the only thing running: whole run 413 s; push 351 s, 5,096 ops/s, batch p50 5.3 s,
  p99 9.2 s; CPU server 203 µs/op + PostgreSQL 156 µs/op; pull 16.9 s; memory peak 752 MB.
  The same code again on 2026-12-03 23:31 UTC (machine quiet at the start): whole run 343 s; push 288 s,
  6,214 ops/s; CPU server 154 + PostgreSQL 120 = 274 µs/op; memory peak 733 MB.
- after (cellsec/server/store/batches.py of 2026-12-03), 23:40 UTC, machine quiet at the start: whole run
  276 s (aim 300 s); push 218 s, 8,205 ops/s, batch p50 2.7 s, p99 8.2 s; CPU server 119 + PostgreSQL
  70 = 189 µs/op (-31 % against 274, -47 % against 359); pull 18 s; memory peak 722 MB; every count
  checked. Again at 23:47 UTC with some other work running (set-up and sealing took 46 s, not 28):
  whole run 326 s, push 241 s, 117 + 75 = 192 µs/op. With more other work (load average 12 over the 5
  minutes before): whole run 401 s, push 276 s, 121 + 82 µs/op. So the aim holds on a quiet machine only.
- Where the CPU went (bench/sync_server_cpu.py --stages, the handler in one process): decrypting and
  checking the ops 30 µs/op, encoding each snapshot once and its digest 21, COPY of the op rows 11;
  PostgreSQL mostly parses the snapshots into JSONB and updates the indexes.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from cellsec.domain.rubrics import parse_rubric_file  # noqa: E402
from cellsec.server.store import admin  # noqa: E402
from cellsec.server.store.db import open_store  # noqa: E402
from cellsec.server.store.models import Cell, Entity, Op as OpRow  # noqa: E402
from cellsec.store import cipher, keys as store_keys  # noqa: E402
from cellsec.sync.protocol.envelope import seal  # noqa: E402
from cellsec.sync.protocol.keys import KeyPair  # noqa: E402
from cellsec.sync.protocol.ops import Op, encode_ops  # noqa: E402
from cellsec.sync.protocol.signing import sign_request  # noqa: E402

PLACEHOLDER_DEVICE = "bench-device-placeholder-0000000000"[:36]
RUBRIC = {
    "format": "cellsec-rubrics", "format_version": 1,
    "rubrics": [{"key": "bench.sinh-hoat", "version": 1, "name": "Tiêu chí sinh hoạt (bench)",
                 "effective_from": "2026-01-01", "target": "meeting", "meeting_types": ["thuong_ky"],
                 "max_points": 10, "groups": [{"id": "g1", "title": "Chuẩn bị", "max_points": 10, "criteria": [
                     {"id": "c1", "text": "Có chương trình", "max_points": 10}]}],
                 "bands": [{"label": "Tốt", "min_points": 8}, {"label": "Chưa đạt", "min_points": 0}]}],
}


# ---- the cell-year template ------------------------------------------------------------------------

def demo_change_log(demo_dir: Path | None) -> tuple[str, list[Op]]:
    """The demo's change-log rows as ops of a placeholder device; returns (demo cell id, ops)."""
    if demo_dir is None:
        demo_dir = Path(tempfile.mkdtemp(prefix="cellsec-demo-"))
        subprocess.run([str(ROOT / ".venv/bin/cellsec"), "--data-dir", str(demo_dir), "demo"], check=True,
                       capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    db = cipher.connect(demo_dir / "cellsec.sqlite3", store_keys.load())  # encrypted under this account's key
    rows = db.execute("SELECT seq, entity, entity_id, cell_id, rev, op, snapshot, at FROM change_log "
                      "ORDER BY seq").fetchall()
    db.close()
    cell_ids = {r[3] for r in rows}
    assert len(cell_ids) == 1, cell_ids
    ops = [Op.from_change_log(SimpleNamespace(seq=n, entity=r[1], entity_id=r[2], cell_id=r[3], rev=r[4], op=r[5],
                                              snapshot=r[6], device_id=PLACEHOLDER_DEVICE, at=r[7]),
                              schema_version="demo")
           for n, r in enumerate(rows, 1)]
    return cell_ids.pop(), ops


def template_batches(ops: list[Op], size: int) -> list[tuple[bytes, int, int, int]]:
    """(JSON lines, first seq, last seq, count) per batch, still addressed to the demo cell."""
    out = []
    for i in range(0, len(ops), size):
        chunk = ops[i:i + size]
        out.append((encode_ops(chunk), chunk[0].seq, chunk[-1].seq, len(chunk)))
    return out


def seal_cell(args: tuple, chain: dict | None = None) -> list[bytes]:
    """Envelopes of one simulated cell (runs in a worker process); `chain`: a chain head in each manifest."""
    templates, demo_cell, cell_id, device_id, keys_json, server_box = args
    keys = KeyPair.from_json(keys_json)
    envelopes = []
    for lines, first, last, count in templates:
        body = lines.replace(demo_cell.encode(), cell_id.encode()).replace(PLACEHOLDER_DEVICE.encode(),
                                                                            device_id.encode())
        envelopes.append(seal(body, sender_keys=keys, sender=device_id, recipient_box=server_box,
                              cell_id=cell_id, seq_first=first, seq_last=last, op_count=count,
                              schema_version="demo", chain=chain).to_bytes())
    return envelopes


# ---- processes ---------------------------------------------------------------------------------------

def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (uvicorn workers)."""
    total = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            children = [int(c) for c in fh.read().split()]
    except (OSError, StopIteration):
        return 0
    return total + sum(rss_kib(c) for c in children)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children, live or exited."""
    tick = os.sysconf("SC_CLK_TCK")
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        # utime + stime, plus cutime + cstime: children that already exited (PostgreSQL backends, workers)
        own = (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            children = [int(c) for c in fh.read().split()]
    except (OSError, IndexError, ValueError):
        return 0.0
    return own + sum(cpu_seconds(c) for c in children)


def postmaster_pid(url: str, cluster) -> int | None:
    if cluster is None:
        return None
    try:
        return int((cluster.data / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.25)


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen([str(ROOT / ".venv/bin/cellsec-server"), "--database-url", url, "serve", "--host",
                               "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level",
                               "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
        if server.poll() is not None:
            raise RuntimeError(server.stderr.read().decode())
    server.kill()
    server.wait(timeout=60)
    raise RuntimeError("server did not start")


# ---- the simulated laptops -------------------------------------------------------------------------

class SimLaptop:
    def __init__(self, client: httpx.AsyncClient, keys: KeyPair, device_id: str) -> None:
        self.client, self.keys, self.device_id = client, keys, device_id
        self.cell_id = ""

    retries = 0  # transport errors retried, over all laptops (every call here is safe to repeat)

    async def call(self, method: str, path: str, body: bytes = b"", content_type: str = "") -> httpx.Response:
        for attempt in range(5):
            headers = sign_request(self.keys, self.device_id, method, path, body)  # a fresh nonce each time
            if content_type:
                headers["Content-Type"] = content_type
            try:
                response = await self.client.request(method, path, content=body, headers=headers)
                break
            except httpx.TransportError:
                if attempt == 4:
                    raise
                SimLaptop.retries += 1
                await asyncio.sleep(0.5 * (attempt + 1))
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response

    async def enroll(self, code: str) -> dict:
        body = json.dumps({"code": code, "device_id": self.device_id, "keys": self.keys.public.to_dict(),
                           "name": "bench"}).encode()
        try:
            data = (await self.call("POST", "/api/v1/enroll", body, "application/json")).json()
        except RuntimeError as exc:
            if "code_used" not in str(exc):
                raise
            # The answer was lost and the retry found the code used: by this device? Ask as the device.
            data = (await self.call("GET", "/api/v1/device")).json()
        self.cell_id = data["cell_id"]
        return data

    async def push(self, envelope: bytes) -> dict:
        return (await self.call("POST", f"/api/v1/cells/{self.cell_id}/batches", envelope,
                                "application/vnd.cellsec-sync")).json()

    async def pull_all(self, limit: int = 1000) -> tuple[int, int]:
        cursor, rows = 0, 0
        while True:
            page = (await self.call("GET", f"/api/v1/cells/{self.cell_id}/changes?since={cursor}&limit={limit}")).json()
            rows += len(page["changes"])
            cursor = page["cursor"]
            if not page["more"]:
                return rows, cursor


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


async def run_load(base: str, cells: list[tuple[str, str]], envelopes: list[list[bytes]], laptops_keys: list,
                   concurrency: int) -> tuple[list[float], list[dict]]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    answers: list[dict] = []
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as client:
        async def one(i: int) -> None:
            keys, device_id = laptops_keys[i]
            laptop = SimLaptop(client, keys, device_id)
            async with gate:
                await laptop.enroll(cells[i][1])
            for envelope in envelopes[i]:
                async with gate:
                    started = time.perf_counter()
                    answer = await laptop.push(envelope)
                    latencies.append(time.perf_counter() - started)
                answers.append(answer["summary"])
        await asyncio.gather(*(one(i) for i in range(len(cells))))
    return latencies, answers


async def run_pulls(base: str, cells: list[tuple[str, str]], laptops_keys: list, concurrency: int,
                    full_sample: list[tuple[str, str]]) -> tuple[list[float], list[int], list[int], float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    own_rows: list[int] = []
    full_rows: list[int] = []
    async with httpx.AsyncClient(base_url=base, timeout=600, limits=limits) as client:
        async def own(i: int) -> None:
            keys, device_id = laptops_keys[i]
            laptop = SimLaptop(client, keys, device_id)
            laptop.cell_id = cells[i][0]
            async with gate:
                started = time.perf_counter()
                rows, _ = await laptop.pull_all()
                latencies.append(time.perf_counter() - started)
            own_rows.append(rows)
        await asyncio.gather(*(own(i) for i in range(len(cells))))

        started = time.perf_counter()

        async def full(cell_id: str, code: str) -> None:
            laptop = SimLaptop(client, KeyPair.generate(), str(uuid.uuid4()))
            async with gate:
                await laptop.enroll(code)
                rows, _ = await laptop.pull_all()
            full_rows.append(rows)
        await asyncio.gather(*(full(c, code) for c, code in full_sample))
        full_seconds = time.perf_counter() - started
    return latencies, own_rows, full_rows, full_seconds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cells", type=int, default=1000)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--full-downloads", type=int, default=20, help="cells downloaded whole by a second laptop")
    p.add_argument("--single-runs", type=int, default=5, help="cell-years pushed alone, one after another")
    p.add_argument("--database-url")
    p.add_argument("--demo-dir", type=Path)
    args = p.parse_args()

    t0 = time.perf_counter()
    demo_cell, template_ops = demo_change_log(args.demo_dir)
    templates = template_batches(template_ops, args.batch)
    distinct = len({(o.entity, o.entity_id) for o in template_ops})
    year_bytes = sum(len(t[0]) for t in templates)
    print(f"cell-year (demo change log): {len(template_ops)} ops, {distinct} records, "
          f"{year_bytes / 1e6:.2f} MB of JSON lines, {len(templates)} batches of ≤ {args.batch}")

    cluster = None
    url = args.database_url
    if url is None:
        from tests.server import pg
        bindir = pg.find_bin()
        if bindir is None:
            print("PostgreSQL binaries not found (apt-get install postgresql)", file=sys.stderr)
            return 2
        cluster = pg.Cluster(bindir)
        cluster.start()
        url = cluster.new_database()
    store = open_store(url, pool_size=2)
    server = None
    try:
        with store.transaction() as s:
            committee = admin.add_committee(s, "Đảng ủy Khối (bench)").id
            singles = max(1, args.single_runs)
            cells = [admin.add_cell(s, committee, f"Chi bộ {i + 1}") for i in range(args.cells + singles)]
            cells = [(c.id, code) for c, code in cells]
            sample = cells[singles:singles + args.full_downloads]
            full_codes = [(cid, admin.new_enrollment_code(s, cid)) for cid, _ in sample]
        print(f"set-up: {len(cells)} cells created in {time.perf_counter() - t0:.1f} s (including demo)")

        port = 20000 + os.getpid() % 20000
        server = start_server(url, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        sampler = RssSampler(server.pid)
        sampler.start()
        idle_rss = rss_kib(server.pid)

        # One cell-year alone, as a laptop does it: seal, push each batch, wait for each acknowledgement.
        async def single(cell_id: str, code: str) -> tuple[float, float]:
            single_keys, single_device = KeyPair.generate(), str(uuid.uuid4())
            async with httpx.AsyncClient(base_url=base, timeout=600) as client:
                laptop = SimLaptop(client, single_keys, single_device)
                await laptop.enroll(code)
                started = time.perf_counter()
                envelopes = seal_cell((templates, demo_cell, cell_id, single_device, single_keys.to_json(),
                                       store.keys.public.box))
                sealed = time.perf_counter() - started
                for envelope in envelopes:
                    answer = await laptop.push(envelope)
                    assert answer["summary"]["applied"] == len(answer["results"])
                return sealed, time.perf_counter() - started
        runs = [asyncio.run(single(cid, code)) for cid, code in cells[:singles]]
        totals = sorted(r[1] for r in runs)
        print(f"one cell-year pushed and acknowledged on loopback, {len(runs)} runs: median "
              f"{statistics.median(totals):.2f} s, best {totals[0]:.2f} s, worst {totals[-1]:.2f} s "
              f"(of which sealing on the laptop ~{statistics.median(r[0] for r in runs):.2f} s)")

        # Seal every simulated cell's year (laptop work, outside the timed phase).
        load_cells = cells[singles:]
        laptops_keys = [(KeyPair.generate(), str(uuid.uuid4())) for _ in load_cells]
        started = time.perf_counter()
        with concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            envelopes = list(pool.map(seal_cell, [
                (templates, demo_cell, cid, dev, keys.to_json(), store.keys.public.box)
                for (cid, _), (keys, dev) in zip(load_cells, laptops_keys)], chunksize=8))
        wire_mb = sum(len(e) for cell in envelopes for e in cell) / 1e6
        print(f"sealed {len(load_cells)} cell-years ({wire_mb:.0f} MB on the wire) in "
              f"{time.perf_counter() - started:.1f} s (not in the timed phase)")

        pg_pid = postmaster_pid(url, cluster)
        cpu_before = (cpu_seconds(server.pid), cpu_seconds(pg_pid) if pg_pid else 0.0, time.process_time())
        started = time.perf_counter()
        latencies, answers = asyncio.run(run_load(base, load_cells, envelopes, laptops_keys, args.concurrency))
        push_s = time.perf_counter() - started
        cpu_used = (cpu_seconds(server.pid) - cpu_before[0],
                    (cpu_seconds(pg_pid) - cpu_before[1]) if pg_pid else 0.0, time.process_time() - cpu_before[2])
        del envelopes
        total_ops = len(template_ops) * len(load_cells)
        summary = {k: sum(a[k] for a in answers) for k in ("applied", "duplicate", "conflict", "rejected")}
        print(f"push: {len(load_cells)} cells × {len(template_ops)} ops = {total_ops:,} ops in {push_s:.1f} s "
              f"→ {total_ops / push_s:,.0f} ops/s; {len(latencies)} batches, latency p50 "
              f"{pct(latencies, 50) * 1000:.0f} ms, p99 {pct(latencies, 99) * 1000:.0f} ms; results {summary}")
        print(f"push CPU: server {cpu_used[0]:.1f} s ({cpu_used[0] / total_ops * 1e6:.0f} µs/op), PostgreSQL "
              f"{cpu_used[1]:.1f} s ({cpu_used[1] / total_ops * 1e6:.0f} µs/op), simulated laptops "
              f"{cpu_used[2]:.1f} s; machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

        with store.transaction() as s:
            started = time.perf_counter()
            admin.publish_rubrics(s, committee, parse_rubric_file(json.dumps(RUBRIC).encode()))
        print(f"committee rubric published to {len(cells)} cells in {time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        pull_lat, own_rows, full_rows, full_s = asyncio.run(
            run_pulls(base, load_cells, laptops_keys, args.concurrency, full_codes))
        pull_s = time.perf_counter() - started
        full_total = sum(full_rows)
        print(f"pull: {len(load_cells)} cells pulled what came down in {pull_s - full_s:.1f} s, latency p50 "
              f"{pct(pull_lat, 50) * 1000:.0f} ms, p99 {pct(pull_lat, 99) * 1000:.0f} ms; "
              f"{len(full_rows)} second laptops downloaded their cell whole ({full_total:,} records) in "
              f"{full_s:.1f} s → {full_total / full_s if full_s else 0:,.0f} records/s")
        sampler.stop.set()
        print(f"transport errors retried by the laptops: {SimLaptop.retries}")
        print(f"server memory (all workers): idle {idle_rss / 1024:.0f} MB, peak {sampler.peak / 1024:.0f} MB")

        # Counts: nothing lost, nothing doubled.
        with store.transaction() as s:
            ops_stored = s.scalar(select(func.count()).select_from(OpRow).where(OpRow.device_id.is_not(None)))
            live = s.scalar(select(func.count()).select_from(Entity).where(Entity.owner == "cell"))
            feed = dict(s.execute(select(Cell.id, Cell.feed_seq)).all())
        applied_per_cell = summary["applied"] // len(load_cells) if load_cells else 0
        checks = {
            "every op stored once": ops_stored == total_ops + len(template_ops) * singles,
            # A retried push answers "duplicate" for what its lost first answer had applied.
            "every op applied (or a duplicate of a retry)": summary["applied"] + summary["duplicate"] == total_ops
                                and summary["rejected"] == 0 and summary["conflict"] == 0,
            "one entity row per record per cell": live == distinct * len(cells),
            "feed seq = applied ops + 1 rubric": all(feed[c] == applied_per_cell + 1 for c, _ in load_cells),
            "each cell pulled the rubric only": own_rows == [1] * len(load_cells),
            "full downloads complete": full_rows == [distinct + 1] * len(full_rows),
        }
        for name, ok in checks.items():
            print(f"  check {'OK  ' if ok else 'FAIL'} {name}")
        total = time.perf_counter() - t0
        print(f"whole run: {total:.0f} s")
        return 0 if all(checks.values()) else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        store.close()
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
