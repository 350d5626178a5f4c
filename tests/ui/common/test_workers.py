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


class _Cycle:
    """Garbage only the cyclic collector can free; says on which thread it was freed."""

    freed_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def test_garbage_is_collected_on_the_ui_thread_while_a_worker_allocates(qtbot):
    # What a closed dialog's Qt objects need (they must die on their own thread): a worker allocating a lot
    # would otherwise run the collector itself and free them there.
    _Cycle.freed_on.clear()
    _Cycle()
    task = run_in_background(None, lambda: [[i] for i in range(300_000)])
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: _Cycle.freed_on != [], timeout=5000)  # still collected, within moments
    assert _Cycle.freed_on == [threading.get_ident()]
    assert len(task.result) == 300_000
