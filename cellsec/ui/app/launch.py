"""Starting the window: display check, single instance, data folder, language, first-run wizard."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

NO_DISPLAY = (
    "CellSec cần màn hình để mở cửa sổ, nhưng không tìm thấy màn hình nào (biến DISPLAY/WAYLAND_DISPLAY trống).\n"
    "Hãy chạy trong phiên làm việc có giao diện, hoặc dùng các lệnh dòng lệnh: cellsec --help\n"
    "CellSec needs a display to open its window and found none. Use the command line: cellsec --help"
)


def has_display() -> bool:
    """Qt aborts the process when it cannot reach a display; check first and say so instead."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def instance_key(data_dir: Path) -> str:
    return "cellsec-" + hashlib.sha1(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]


def run_gui(data_dir: Path, argv: list[str]) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    import gc

    # Python's cyclic collector must never run on a worker thread (it could free a Qt object there): it is
    # off from here, and start-up has it run on the UI thread before any thread starts
    # (ui/common/workers.collect_garbage_on_ui_thread, loaded after the window's first paint).
    gc.disable()
    from PySide6.QtWidgets import QApplication

    from .startup import start

    app = QApplication.instance() or QApplication(argv)
    if os.environ.get("CELLSEC_PROBE"):  # packaged-app tests and the frozen start-up bench (probe.py)
        from .probe import install_probe

        app.probe = install_probe(app, Path(os.environ["CELLSEC_PROBE"]))
    window = start(app, Path(data_dir), freeze_start_up=True)
    if window is None:
        return 1
    return app.exec()
