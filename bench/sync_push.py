"""One cell-year pushed by the real laptop client (issue 9: "aim ≤ 1 s on loopback"). Prints numbers.

The demo cell (`cellsec demo`) is connected to a `cellsec-server serve` process on 127.0.0.1 (its SQLite
file, or PostgreSQL with --database-url) and synced: reading the outbox, sealing the envelopes, HTTP, the
server applying every op, and the acknowledgement recorded. Then a second, empty laptop joins and downloads
the whole cell. Run: .venv/bin/python bench/sync_push.py [--database-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cellsec.services.demo.cell import build_demo  # noqa: E402
from cellsec.services.facade import Services  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cli(data: Path, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "cellsec.server.cli", "--data-dir", str(data), *args],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cellsec-sync-bench-"))
    os.environ["CELLSEC_CONFIG_DIR"] = str(work / "config")
    server_data = work / "server"
    extra = ["--database-url", args.database_url] if args.database_url else []
    committee = server_cli(server_data, *extra, "committee", "add", "Đảng ủy xã", "--json")["id"]
    cell = server_cli(server_data, *extra, "cell", "add", "--committee", committee, "Chi bộ Thôn 3", "--json")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "cellsec.server.cli", "--data-dir", str(server_data), *extra,
                               "serve", "--host", "127.0.0.1", "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        laptop = Services.open(work / "bi-thu")
        build_demo(laptop, today=dt.date(2026, 11, 22))
        pending = laptop.sync.status().pending
        t0 = time.perf_counter()
        laptop.sync.connect(url, cell["enrollment_code"])
        t1 = time.perf_counter()
        result = laptop.sync.sync_now()
        t2 = time.perf_counter()
        print(f"server database: {'PostgreSQL' if args.database_url else 'SQLite'}")
        print(f"connect (enrol, re-key the cell): {t1 - t0:.3f} s")
        print(f"push one cell-year: {pending} change-log rows, {result.pushed} applied, "
              f"{result.conflicts} conflicts, {result.rejected} rejected: {t2 - t1:.3f} s")
        code = server_cli(server_data, *extra, "cell", "code", cell["id"], "--json")["enrollment_code"]
        second = Services.open(work / "pho-bi-thu")
        t3 = time.perf_counter()
        second.sync.connect(url, code)
        t4 = time.perf_counter()
        print(f"second laptop joins and downloads the cell: {t4 - t3:.3f} s "
              f"({len(second.members.query_ids())} members)")
        laptop.close()
        second.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
