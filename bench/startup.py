"""Start-up benchmark (issue 2): a bare Qt window vs. CellSec's main window on the demo data.

Each run is a fresh process (imports are most of the cost) timed from launch until the window's first
paint (the child reports the wall-clock moment of its first paint event; what runs after it, such as the
overview filling its reminders and the process tearing down, is not start-up). Prints the medians, the ratio CellSec / bare Qt (aim: <= 3) and CellSec's peak memory (aim: <= 150 MB).
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
print(painted[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

CELLSEC = """
import resource, sys, time
from pathlib import Path
painted = []
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from cellsec.ui.app.startup import start
app = QApplication(sys.argv)
w = start(app, Path(sys.argv[1]))
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.time())
            QTimer.singleShot(0, app.quit)
        return False
f = FirstPaint(); w.installEventFilter(f); w.update(); app.exec(); w.close()
print(painted[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(script: str, *args: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    launched = time.time()
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True)
    painted, max_rss = out.stdout.strip().splitlines()[-1].split()
    return float(painted) - launched, int(max_rss)  # ru_maxrss is in KiB on Linux


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "cellsec.cli", "--data-dir", tmp, "demo"], check=True,
                       capture_output=True)
        run(BARE)  # warm the file cache once for both
        run(CELLSEC, tmp)
        bare = [run(BARE) for _ in range(runs)]
        app = [run(CELLSEC, tmp) for _ in range(runs)]
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    peak_mb = max(m for _, m in app) / 1024
    print(f"runs: {runs}")
    print(f"bare QApplication + QMainWindow to first paint: median {bare_s * 1000:.0f} ms")
    print(f"CellSec main window on demo data to first paint: median {app_s * 1000:.0f} ms")
    print(f"ratio CellSec / bare: {app_s / bare_s:.2f} (aim <= 3)")
    print(f"CellSec peak memory: {peak_mb:.0f} MB (aim <= 150 MB)")


if __name__ == "__main__":
    main()
