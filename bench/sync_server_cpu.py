"""Server CPU per pushed op, in one process (issue 9): the push handler's work without HTTP, so the
figure is steadier than bench/sync_load.py's on a shared machine and can be profiled.

N cells each push the demo's cell-year (bench/sync_load.py's template) one batch after another, as the
push endpoint does it: parse the envelope, check the signature and digest, decrypt and check the ops,
apply the batch in one transaction, encode the JSON answer. Request signatures, nonces and uvicorn are
left out (bench/sync_load.py measures the whole server). Reports this process's CPU and PostgreSQL's
CPU per op; `--stages` splits this process's CPU by step of the handler (less distorted than a profile),
`--profile N` prints the N costliest functions (cProfile, cumulative and own time).

Run: .venv/bin/python bench/sync_server_cpu.py [--cells 20] [--stages] [--profile 30] [--chain]
     [--database-url URL]

Measured (20 cells, one at a time, load average ~6): before (8ea2da7) Python 137 µs/op, PostgreSQL
133 µs/op; after: 100 and 81 (40 cells: 82 and 66). What changed, by weight: on PostgreSQL a record's new
state is copied from its op's row by one INSERT/UPDATE ... SELECT per batch, so the snapshot is sent and
parsed into JSONB once (it was twice), and no entity row is built in Python; lz4 for snapshots over 2 kB
(pglz cost PostgreSQL ~20 µs a row); the touched records read by their whole key; feed seqs counted
locally (one ORM attribute write per op before); JSON encoders made once. Concurrency (--threads) made
no steady difference. Not changed: decoding the ops (cellsec/sync/protocol, ~25 µs/op, json.loads and
the field checks) and the snapshot's canonical JSON for the digest (~9 µs/op).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import cProfile
import json
import pstats
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sync_load import cpu_seconds, demo_change_log, postmaster_pid, seal_cell, template_batches  # noqa: E402
from cellsec.server.store import admin, batches, enrollment  # noqa: E402
from cellsec.server.store.db import open_store  # noqa: E402
from cellsec.sync.protocol.envelope import Envelope, open_ops  # noqa: E402
from cellsec.sync.protocol.keys import KeyPair  # noqa: E402


STAGES = {  # module: function names timed by --stages
    "cellsec.sync.protocol.envelope": ["Envelope.from_bytes", "Envelope.verify", "Envelope.decrypt", "decode_ops"],
    "cellsec.server.store.batches": ["_seen_before", "_encode", "_current_records", "_classify",
                                     "_add_server_copies", "_insert_many", "_write_rows", "_record_batch",
                                     "_check_chain", "apply_batch"],
}


def time_stages() -> dict[str, list[float]]:
    """Wrap the handler's steps so each adds up its CPU time: {name: [seconds, calls]}."""
    import importlib

    spent: dict[str, list[float]] = {}
    for module_name, names in STAGES.items():
        module = importlib.import_module(module_name)
        for name in names:
            owner, attr = (getattr(module, name.split(".")[0]), name.split(".")[1]) if "." in name else (module, name)
            original = getattr(owner, attr)
            spent[name] = [0.0, 0]

            def timed(*args, _original=original, _slot=spent[name], **kwargs):
                started = time.thread_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    _slot[0] += time.thread_time() - started
                    _slot[1] += 1
            setattr(owner, attr, classmethod(lambda cls, *a, _t=timed, **k: _t(*a, **k))
                    if isinstance(owner.__dict__.get(attr), classmethod) else timed)
    return spent


def push(store, device_id: str, sign_public: str, body: bytes) -> bytes:
    """What POST /api/v1/cells/{cell}/batches does once the request's signature is checked."""
    envelope = Envelope.from_bytes(body)
    manifest = envelope.verify(sign_public)
    ops = open_ops(envelope, manifest, store.keys)
    with store.transaction() as session:
        answer = batches.apply_batch(session, device_id, manifest, ops)
    return json.dumps(answer, ensure_ascii=False).encode()


def enrol(store, cells: int) -> list[tuple[str, str, KeyPair]]:
    """(cell id, device id, keys) of `cells` new cells, each with one enrolled laptop."""
    out = []
    with store.transaction() as session:
        committee = admin.add_committee(session, "Đảng ủy Khối (bench)").id
        created = [admin.add_cell(session, committee, f"Chi bộ {i + 1}") for i in range(cells)]
    for cell, code in created:
        keys, device_id = KeyPair.generate(), str(uuid.uuid4())
        with store.transaction() as session:
            _, error = enrollment.enroll(session, store.keys, enrollment.EnrollRequest(
                code=code, device_id=device_id, keys=keys.public), "bench")
        assert error is None, error
        out.append((cell.id, device_id, keys))
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cells", type=int, default=20)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    p.add_argument("--threads", type=int, default=1, help="cells pushing at once (threads of this process)")
    p.add_argument("--stages", action="store_true", help="CPU time of each step of the handler")
    p.add_argument("--chain", action="store_true", help="manifests carry a chain head (real laptops do)")
    p.add_argument("--database-url")
    p.add_argument("--demo-dir", type=Path)
    args = p.parse_args()

    demo_cell, template_ops = demo_change_log(args.demo_dir)
    templates = template_batches(template_ops, args.batch)
    cluster, url = None, args.database_url
    if url is None:
        from tests.server import pg
        cluster = pg.Cluster(pg.find_bin())
        cluster.start()
        url = cluster.new_database()
    store = open_store(url, pool_size=max(2, args.threads))
    try:
        laptops = enrol(store, args.cells)
        chain = {"device": "bench", "count": 1, "head": "0" * 64} if args.chain else None
        bodies = [(device_id, keys.public.sign, seal_cell((templates, demo_cell, cell_id, device_id, keys.to_json(),
                                                           store.keys.public.box), chain=chain))
                  for cell_id, device_id, keys in laptops]
        pg_pid = postmaster_pid(url, cluster)
        spent = time_stages() if args.stages else None
        profiler = cProfile.Profile() if args.profile else None
        cpu0, pg0, wall0 = time.process_time(), cpu_seconds(pg_pid) if pg_pid else 0.0, time.perf_counter()
        if profiler:
            profiler.enable()
        def cell_year(laptop: tuple) -> None:
            device_id, sign_public, envelopes = laptop
            for body in envelopes:
                push(store, device_id, sign_public, body)
        with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:  # as uvicorn's thread pool does
            list(pool.map(cell_year, bodies))
        if profiler:
            profiler.disable()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        pg_cpu = (cpu_seconds(pg_pid) - pg0) if pg_pid else 0.0
        total = len(template_ops) * len(laptops)
        print(f"{len(laptops)} cells × {len(template_ops)} ops = {total:,} ops in {wall:.1f} s "
              f"({args.threads} at once); server CPU {cpu / total * 1e6:.0f} µs/op, PostgreSQL {pg_cpu / total * 1e6:.0f} µs/op"
              f"{' (manifests carry a chain head)' if chain else ''}")
        for name, (seconds, calls) in (spent or {}).items():
            print(f"  {name:22} {seconds / total * 1e6:6.1f} µs/op ({calls} calls)")
        if profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.profile)
            stats.sort_stats("tottime").print_stats(args.profile)
        return 0
    finally:
        store.close()
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
