"""Frozen app vs. source run (issue 13): launch to the main window's first paint, the same data, in the same
run, alternating one frozen start with one source start so machine load falls on both alike.

Both are the real program (`cellsec`, no command = the window) with CELLSEC_PROBE set: the app writes the
moment its first window painted (cellsec/ui/app/probe.py) and closes. Start-up = that moment minus the
moment the process was launched. Prints the medians and the ratio frozen / source.
Run: make dist && QT_QPA_PLATFORM=offscreen .venv/bin/python bench/frozen_startup.py [runs] [FROZEN_DIR]
(FROZEN_DIR defaults to dist/cellsec).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def first_paint(command: list[str], data_dir: Path, report: Path) -> float:
    report.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "CELLSEC_PROBE": str(report)}
    launched = time.time()
    subprocess.run([*command, "--data-dir", str(data_dir)], env=env, check=True, capture_output=True)
    window = json.loads(report.read_text(encoding="utf-8"))
    if window["window"] != "MainWindow":
        raise SystemExit(f"expected the main window, the app opened {window}")
    return window["painted_at"] - launched


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    frozen_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dist" / "cellsec"
    frozen = [str(frozen_dir / "cellsec")]
    source = [sys.executable, "-m", "cellsec"]
    if not Path(frozen[0]).is_file():
        raise SystemExit(f"no frozen app in {frozen_dir}: run `make dist` first")
    with tempfile.TemporaryDirectory() as tmp:
        data, report = Path(tmp) / "data", Path(tmp) / "probe.json"
        subprocess.run([*frozen, "--data-dir", str(data), "demo"], check=True, capture_output=True)
        first_paint(frozen, data, report)  # warm the file cache once for both
        first_paint(source, data, report)
        times: dict[str, list[float]] = {"frozen": [], "source": []}
        for _ in range(runs):
            times["frozen"].append(first_paint(frozen, data, report))
            times["source"].append(first_paint(source, data, report))
    frozen_s, source_s = (statistics.median(times[k]) for k in ("frozen", "source"))
    print(f"runs: {runs} each, alternating; demo data; QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    for name, values in times.items():
        print(f"{name:>6} launch to first paint: median {statistics.median(values) * 1000:.0f} ms "
              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
    print(f"ratio frozen / source: {frozen_s / source_s:.2f}")


if __name__ == "__main__":
    main()
