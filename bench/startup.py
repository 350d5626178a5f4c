"""Start-up benchmark (issue 14): CellSec's main window on the demo data against a bare QApplication +
QMainWindow, alternating in the same run (a busy machine slows both alike).

Each run is a fresh process timed from launch (the parent's clock just before it starts the child) to:
- first paint: the first paint event of the window (CellSec's is the real window with its navigation and
  the overview's figures, read without SQLAlchemy; its reminders come when the store is open);
- overview filled: CellSec's overview page has put its figures and reminders on screen from the opened
  store (the moment a secretary can act); for the bare window this is its first paint.
Also the peak memory (max RSS) of each process. Prints the medians and the ratios CellSec / bare.
Aims: first paint <= 2.0x, overview filled <= 3.0x, peak memory <= 100 MB.

Bytecode is cached in a temporary folder (as in an installed program); `--no-bytecode-cache` compiles
CellSec's modules on each run instead.
Run: make bench   (or QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [runs])
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
painted = []
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 720)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.time())
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint(); w.installEventFilter(f); w.show(); app.exec(); w.close()
print(painted[0], painted[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 0.0)
"""

CELLSEC = """
import resource, sys, time
from pathlib import Path
painted, filled = [], []
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import importlib.abc, importlib.machinery
from cellsec.ui.app.startup import start
class TimeOverview(importlib.abc.MetaPathFinder):
    # Wraps OverviewPage.refresh when the window imports the page (importing it here would load it early).
    def find_spec(self, name, path=None, target=None):
        if name != "cellsec.ui.overview.page":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            refresh = module.OverviewPage.refresh
            def timed_refresh(self):
                refresh(self)
                if not filled:
                    filled.append(time.time())
                    stalls.tick(); stalls.timer.stop()
                    QTimer.singleShot(0, app.quit)
            module.OverviewPage.refresh = timed_refresh
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, TimeOverview())
app = QApplication(sys.argv)
from cellsec.ui.common.workers import collect_garbage_on_ui_thread
collect_garbage_on_ui_thread(app)  # as ui/app/launch.run_gui does before start()
class Stalls:
    # From the first paint to the overview filled: the longest time the window could not answer (the gap
    # between runs of a timer that wants to run every 2 ms).
    def __init__(self):
        self.last, self.longest = None, 0.0
        self.timer = QTimer(interval=2, timeout=self.tick)
    def tick(self):
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now
stalls = Stalls()
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.time())
            stalls.tick(); stalls.timer.start()
        return False
f = FirstPaint()
app.installEventFilter(f)  # the first paint of any widget of the window, however early it is shown
w = start(app, Path(sys.argv[1]))
app.exec(); w.close()
print(painted[0], filled[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, stalls.longest)
"""


def run(script: str, env: dict[str, str], *args: str) -> tuple[float, float, int, float]:
    for _attempt in range(3):
        launched = time.time()
        out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env)
        # SIGBUS: a translation (.qm, memory-mapped by Qt) was rebuilt in place meanwhile (tools/i18n.py
        # build in a shared checkout); that run says nothing about start-up, so it is run again.
        if out.returncode != -7:
            break
    out.check_returncode()
    painted, filled, max_rss, stall = out.stdout.strip().splitlines()[-1].split()
    return float(painted) - launched, float(filled) - launched, int(max_rss), float(stall)  # maxrss: KiB


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(args[0]) if args else 9
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as pyc:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        if "--no-bytecode-cache" in sys.argv:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pyc
        subprocess.run([sys.executable, "-m", "cellsec.cli", "--data-dir", data, "demo"], check=True,
                       capture_output=True, env=env)
        run(BARE, env)  # warm the file and bytecode caches once for both
        run(CELLSEC, env, data)
        bare, app = [], []
        for _ in range(runs):
            bare.append(run(BARE, env))
            app.append(run(CELLSEC, env, data))
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    print(f"runs: {runs} (alternating)")
    print(f"bare QApplication + QMainWindow: first paint median {med(bare, 0) * 1000:.0f} ms, "
          f"peak {max(r[2] for r in bare) / 1024:.0f} MB")
    print(f"CellSec on the demo data:        first paint median {med(app, 0) * 1000:.0f} ms, "
          f"overview filled median {med(app, 1) * 1000:.0f} ms, peak {max(r[2] for r in app) / 1024:.0f} MB")
    print(f"ratio first paint / bare:      {med(app, 0) / med(bare, 0):.2f} (aim <= 2.0)")
    print(f"ratio overview filled / bare:  {med(app, 1) / med(bare, 1):.2f} (aim <= 3.0)")
    print(f"CellSec peak memory: {max(r[2] for r in app) / 1024:.0f} MB (aim <= 100 MB)")
    print(f"longest stall of the window between first paint and overview filled: median "
          f"{med(app, 3) * 1000:.0f} ms, worst {max(r[3] for r in app) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
