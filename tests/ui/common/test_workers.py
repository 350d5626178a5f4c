"""run_in_background: work off the UI thread, results and errors back on it, a busy dialog meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cellsec.domain.progress import Cancelled, step
from cellsec.services.errors import DISK_FULL, ServiceError
from cellsec.ui.common import workers
from cellsec.ui.common.workers import collect_garbage_on_ui_thread, run_in_background

from .responsive import Steps, UiPulse, UiStalled


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


def test_a_full_collection_waits_until_the_old_objects_grew_by_a_quarter(qapp, monkeypatch):
    # CPython's own rule, which an explicit gc.collect(2) skips: without it the UI thread stopped for a full
    # collection (60 ms on a 100,000-member list) every few seconds of scrolling, heap grown or not.
    collector = collect_garbage_on_ui_thread(qapp)
    survivors = [[i] for i in range(50_000)]  # young objects still in use: a collection moves them to the oldest
    monkeypatch.setattr(workers.gc, "get_count", lambda: (0, collector.thresholds[1] + 1, 0))
    collector.long_lived_pending = 0
    collector.collect()
    assert collector.long_lived_pending >= len(survivors)

    collected = []
    monkeypatch.setattr(workers.gc, "collect", lambda generation=2: collected.append(generation) or 0)
    monkeypatch.setattr(workers.gc, "get_count", lambda: (0, 0, collector.thresholds[2] + 1))
    collector.long_lived_total, collector.long_lived_pending = 1_000_000, 200_000
    collector.collect()
    assert collected == []  # a fifth more: not yet
    collector.long_lived_pending = 250_000
    collector.collect()
    assert collected == [2]  # a quarter more: the full collection runs, and counting starts again
    assert collector.long_lived_pending == 0


def test_a_committee_server_started_in_the_process_leaves_collection_to_the_ui_thread(qtbot, monkeypatch):
    # The laptop's sync tests host the committee server in this process; its start-up collected garbage on
    # the server's thread, freeing a closed dialog's Qt objects there (a segfault in the next test).
    from cellsec.server import web

    monkeypatch.setattr(web, "_frozen", False)  # its first start in this process
    monkeypatch.setattr(web.gc, "freeze", lambda: None)  # nothing of this test is kept for good
    _Cycle.freed_on.clear()
    _Cycle()
    server_start = threading.Thread(target=web._freeze_startup_objects)
    server_start.start()
    server_start.join()  # the UI thread waits here, so its collector cannot run meanwhile
    assert _Cycle.freed_on == []  # not freed on the server's thread


# ---- progress and stop (issue 14) ------------------------------------------------------------------------
def test_progress_moves_a_determinate_bar_while_the_ui_thread_keeps_answering(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    pulse = UiPulse()

    def work(progress, cancel):
        for done in range(1, 6):
            pulse.wait()
            progress(done, 5, f"Bước {done}/5")
        return "xong"

    task = run_in_background(parent, work, busy_text="Đang làm…", steps=True)
    steps = Steps(task)
    values = []
    task.busy.bar.valueChanged.connect(values.append)
    assert task.busy.stop_button is None  # not stoppable: no "Dừng"
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert task.result == "xong" and not pulse.stalled and pulse.waits == 5
    assert steps.moved() and steps.done[-1] == 5
    assert values[-1] == 5 and len(set(values)) >= 2  # the bar itself moved, not only the signal


def test_stop_ends_the_work_at_a_safe_point_without_a_warning(qtbot, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    pulse = UiPulse()
    stopped = []

    def work(progress, cancel):
        for done in range(1, 1000):
            pulse.wait()
            step(progress, cancel, done, 1000, "")
        return "never"

    task = run_in_background(parent, work, busy_text="Đang làm…", stoppable=True, on_cancelled=stopped.append,
                             on_done=lambda r: pytest.fail("finished instead of stopping"))
    steps = Steps(task)
    button = task.busy.stop_button
    assert button.text() == "Dừng"
    qtbot.waitUntil(lambda: len(steps.seen) >= 2, timeout=10000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled() and "Đang dừng" in task.busy.labelText()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert task.cancelled and isinstance(stopped[0], Cancelled) and stopped[0].message == "Đã dừng. Chưa ghi gì."
    assert steps.done[-1] < 999 and boxes.shown == []


def test_a_task_that_cannot_stop_ignores_escape_and_close(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    pulse = UiPulse()
    task = run_in_background(parent, lambda progress, cancel: [pulse.wait() for _ in range(3)], busy_text="Đang làm…",
                             steps=True)
    dialog = task.busy
    dialog.reject()
    dialog.close()
    assert dialog.isVisible()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert not task.cancelled and len(task.result) == 3


def test_the_pulse_catches_work_run_on_the_ui_thread(qtbot):
    # What every long-task test relies on: the same slowed work, run where it must not be, fails.
    pulse = UiPulse(limit_s=0.3)
    with pytest.raises(UiStalled):
        pulse.wait()
    assert pulse.stalled
