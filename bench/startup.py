"""Start-up benchmark (issue 14): CellSec's main window on the demo data against a bare QApplication +
QMainWindow, alternating in the same run (a busy machine slows both alike).

Each run is a fresh process timed from launch (the parent's clock just before it starts the child) to:
- first paint: the first paint event of the window (CellSec's is the real window with its navigation and
  the overview's figures, read without SQLAlchemy; its reminders follow right after);
- overview filled: CellSec's overview page has put its figures and reminders on screen (the moment a
  secretary can act; read without SQLAlchemy, services/overview_quick.py); for the bare window this is its
  first paint.
Also the peak memory (max RSS) of each process. Prints the medians and the ratios CellSec / bare.
Aims: first paint <= 2.0x, overview filled <= 3.0x, peak memory <= 100 MB.

Bytecode is cached in a temporary folder (as in an installed program); `--no-bytecode-cache` compiles
CellSec's modules on each run instead. SQLAlchemy and the models load only when the secretary first acts
(a click, a key, another page): `--touch --settle 3` measures the memory once they have.
Run: make bench   (or QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [runs] [options])
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TIMEOUT_S = 120  # one start-up; a hang stops the bench with what the process printed

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
SETTLE, TOUCH = float(sys.argv[2]), sys.argv[3] == "1"
painted, filled = [], []
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import importlib.abc, importlib.machinery
from cellsec.ui.app.startup import start
class TimeOverview(importlib.abc.MetaPathFinder):
    # Wraps OverviewPage.show_data (which puts the figures and reminders on screen) when the window imports
    # the page (importing it here would load it early).
    def find_spec(self, name, path=None, target=None):
        if name != "cellsec.ui.overview.page":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            show = module.OverviewPage.show_data
            def timed_show(self, data):
                show(self, data)
                if not filled:
                    filled.append(time.time())
                    stalls.tick(); stalls.timer.stop()
                    if TOUCH:  # the secretary's first click: the window opens the store in the background
                        QTimer.singleShot(0, w.with_services)
                    QTimer.singleShot(int(SETTLE * 1000), app.quit)
            module.OverviewPage.show_data = timed_show
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, TimeOverview())
app = QApplication(sys.argv)
from PySide6.QtWidgets import QMessageBox
def said(*args):  # nobody answers a message box here: say it and stop, instead of waiting for ever
    print("message box:", *[a for a in args if isinstance(a, str)], file=sys.stderr, flush=True)
    import os; os._exit(3)
for name in ("critical", "warning", "information", "question"):
    setattr(QMessageBox, name, staticmethod(said))
import gc
gc.disable()  # as ui/app/launch.run_gui does before start() (which has Python's collector run on the UI thread)
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
w = start(app, Path(sys.argv[1]))
# start() has shown the window; it paints in the event loop, the main window first (as the bare window's
# filter, on the window: an application-wide Python filter would make PySide wrap every object of it).
w.installEventFilter(f)
app.exec()
loaded = "sqlalchemy" in sys.modules
w.close()
print(painted[0], filled[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, stalls.longest, int(loaded))
"""


def run(script: str, env: dict[str, str], *args: str) -> tuple[float, float, int, float, int]:
    for _attempt in range(3):
        launched = time.time()
        try:
            out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                                 timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:  # a hung start-up is a finding, not a reason to wait for ever
            raise SystemExit(f"a start-up did not finish in {TIMEOUT_S} s; its output:\n{exc.stdout}\n{exc.stderr}")
        # SIGBUS: a translation (.qm, memory-mapped by Qt) was rebuilt in place meanwhile (tools/i18n.py
        # build in a shared checkout); that run says nothing about start-up, so it is run again.
        if out.returncode != -7:
            break
    if out.returncode:
        raise SystemExit(f"a start-up failed ({out.returncode}):\n{out.stderr}")
    fields = out.stdout.strip().splitlines()[-1].split()
    painted, filled, max_rss, stall = fields[:4]
    loaded = int(fields[4]) if len(fields) > 4 else 0
    return float(painted) - launched, float(filled) - launched, int(max_rss), float(stall), loaded  # maxrss: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="?", type=int, default=9, help="runs of each program (default 9)")
    parser.add_argument("--no-bytecode-cache", action="store_true", help="compile CellSec's modules on each run")
    parser.add_argument("--settle", type=float, default=0.0, metavar="S",
                        help="keep CellSec running S seconds after the overview is filled (peak memory then)")
    parser.add_argument("--touch", action="store_true",
                        help="act as the secretary's first click once the overview is filled: the window opens "
                             "the store in the background (use with --settle 3 to see the memory after it)")
    options = parser.parse_args()
    runs = options.runs
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as pyc:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        if options.no_bytecode_cache:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = pyc
        subprocess.run([sys.executable, "-m", "cellsec.cli", "--data-dir", data, "demo"], check=True,
                       capture_output=True, env=env, timeout=TIMEOUT_S)
        app_args = (data, str(options.settle), "1" if options.touch else "0")
        run(BARE, env)  # warm the file and bytecode caches once for both
        run(CELLSEC, env, *app_args)
        bare, app = [], []
        for _ in range(runs):
            bare.append(run(BARE, env))
            app.append(run(CELLSEC, env, *app_args))
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    print(f"runs: {runs} (alternating)" + (f", CellSec kept {options.settle:g} s after the overview is filled"
                                          if options.settle else "") + (", touched" if options.touch else ""))
    print(f"bare QApplication + QMainWindow: first paint median {med(bare, 0) * 1000:.0f} ms, "
          f"peak {max(r[2] for r in bare) / 1024:.0f} MB")
    print(f"CellSec on the demo data:        first paint median {med(app, 0) * 1000:.0f} ms, "
          f"overview filled median {med(app, 1) * 1000:.0f} ms, peak {max(r[2] for r in app) / 1024:.0f} MB")
    print(f"ratio first paint / bare:      {med(app, 0) / med(bare, 0):.2f} (aim <= 2.0)")
    print(f"ratio overview filled / bare:  {med(app, 1) / med(bare, 1):.2f} (aim <= 3.0)")
    print(f"CellSec peak memory: {max(r[2] for r in app) / 1024:.0f} MB (aim <= 100 MB); SQLAlchemy loaded at the "
          f"end in {sum(r[4] for r in app)} of {runs} runs")
    print(f"longest stall of the window between first paint and overview filled: median "
          f"{med(app, 3) * 1000:.0f} ms, worst {max(r[3] for r in app) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
