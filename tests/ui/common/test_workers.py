"""run_in_background: work off the UI thread, results and errors back on it, a busy dialog meanwhile."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from cellsec.services.errors import DISK_FULL, ServiceError
from cellsec.ui.common.workers import run_in_background


def test_result_arrives_on_the_ui_thread(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    task = run_in_background(parent, work, on_done=lambda r: seen.update(result=r, ui=threading.get_ident()),
                             busy_text="Đang xuất…")
    assert task.busy is not None and task.busy.labelText() == "Đang xuất…"
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == 42
    assert seen["ui"] == threading.get_ident() != seen["worker"]
    assert task.busy is None  # the busy dialog is gone


def test_service_error_is_shown_in_the_users_language(qtbot, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail():
        raise ServiceError(DISK_FULL)

    task = run_in_background(parent, fail)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert boxes.texts("warning") == [DISK_FULL.format()]
    assert isinstance(task.error, ServiceError)


def test_custom_error_handler(qtbot):
    errors = []
    task = run_in_background(None, lambda: 1 / 0, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_file_error_of_a_background_task_is_said_in_vietnamese():
    import errno

    from cellsec.ui.common.workers import error_text

    locked = PermissionError(errno.EACCES, "Permission denied", "C:\\Users\\bt\\so-dang-vien.pdf")
    assert error_text(locked) == ("Không đọc hoặc ghi được tệp so-dang-vien.pdf "
                                  "(không có quyền ghi hoặc đọc ở vị trí này).")
    assert error_text(OSError(errno.ENOSPC, "No space left on device")) == \
        "Không đọc hoặc ghi được tệp (ổ đĩa đã đầy)."
