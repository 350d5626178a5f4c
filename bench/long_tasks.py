"""Long tasks and the UI thread (issue 14): for the minutes book of the demo year and a backup of the demo
data, the longest time the event loop went without turning (a 5 ms QTimer's largest gap) while the task
ran — once called on the UI thread, as the window used to for some of them, once through the window's
worker (ui/common/workers.run_in_background) — and the task's wall time each way.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/long_tasks.py [rounds]   (default 3). Prints numbers;
it is not a pass/fail test. Report them with the machine's load (`uptime`).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cellsec.reports.minutes import write_minutes_book  # noqa: E402
from cellsec.services.demo.cell import build_demo  # noqa: E402
from cellsec.services.facade import Services  # noqa: E402
from cellsec.ui.common.workers import collect_garbage_on_ui_thread, run_in_background  # noqa: E402


class Gaps:
    """The largest gap between two ticks of a 5 ms timer on the UI thread."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer(interval=5, timeout=self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def on_ui_thread(app: QApplication, work) -> tuple[float, float]:
    app.processEvents()
    gaps = Gaps()
    start = time.perf_counter()
    work(None, None)
    wall = time.perf_counter() - start
    app.processEvents()  # the tick that was held back lands now
    gaps.timer.stop()
    return wall, gaps.worst


def in_worker(app: QApplication, work) -> tuple[float, float]:
    app.processEvents()
    gaps = Gaps()
    start = time.perf_counter()
    task = run_in_background(None, work, steps=True)
    ended = []
    task.finished.connect(lambda: ended.append(True))
    while not ended:
        app.processEvents()
        time.sleep(0.001)
    wall = time.perf_counter() - start
    gaps.timer.stop()
    if task.error is not None:
        raise task.error
    return wall, gaps.worst


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.environ.setdefault("CELLSEC_KEY_DIR", tempfile.mkdtemp(prefix="cellsec-keys-"))
    app = QApplication.instance() or QApplication([])
    collect_garbage_on_ui_thread(app)
    folder = Path(tempfile.mkdtemp(prefix="cellsec-bench-")) / "data"
    svc = Services.open(folder)
    build_demo(svc)
    year = max(range(2020, 2031), key=lambda y: len(svc.meetings.book(y)))  # the year with the most minutes
    out = folder.parent / "out"
    out.mkdir()
    tasks = {
        f"minutes book {year} ({len(svc.meetings.book(year))} meetings)":
            lambda progress, cancel: write_minutes_book(svc, year, out / "so.pdf", progress, cancel),
        "backup now": lambda progress, cancel: svc.backups.backup_now(progress=progress, cancel=cancel),
    }
    for name, work in tasks.items():
        rows = {"UI thread": [], "worker": []}
        for _ in range(rounds):
            rows["UI thread"].append(on_ui_thread(app, work))
            rows["worker"].append(in_worker(app, work))
        for way, results in rows.items():
            wall = statistics.median(r[0] for r in results) * 1000
            worst = max(r[1] for r in results) * 1000
            print(f"{name:38} {way:9}  wall {wall:7.0f} ms   longest event-loop stall {worst:7.0f} ms")
    svc.close()


if __name__ == "__main__":
    main()
