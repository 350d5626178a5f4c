"""Running long work (export, print, import, backup) off the UI thread with a busy indicator.

    task = run_in_background(self, lambda: export(path), on_done=self._exported,
                             busy_text=self.tr("Exporting the member list…"))

`fn` runs on a worker thread and must not touch widgets (services are fine: every call opens its own
session). `on_done(result)` / `on_error(exc)` run back on the UI thread after the busy dialog closes.
Without `on_error`, a ServiceError's Vietnamese message (or the exception text) is shown in a warning box.
The returned BackgroundTask has a `finished` signal, which tests wait on (qtbot.waitSignal).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ...domain import failures

# Tasks still running: Python must keep them (and their signal relays) alive until they report back.
_running: set["BackgroundTask"] = set()


class _Signals(QObject):
    # Emitted from the pool thread; the receiver lives on the UI thread, so Qt queues the calls there.
    succeeded = Signal(object)
    failed = Signal(object)


# Plain Python threads, not a QThreadPool with a Python QRunnable: whether Qt or Python owns such a
# runnable is left to PySide's ownership rules, and it crashed the process now and then (segfault). Here
# the worker holds ordinary Python references to everything it uses until it returns.
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cellsec-work")


def _work(fn: Callable[[], Any], signals: _Signals) -> None:
    try:
        result = fn()
    except Exception as exc:  # any failure is reported to the UI thread, never lost in the pool
        signals.failed.emit(exc)
    else:
        signals.succeeded.emit(result)


class BackgroundTask(QObject):
    """One piece of work in the pool. `finished` fires after on_done/on_error have run."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, fn: Callable[[], Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[Exception], None] | None,
                 busy_text: str) -> None:
        super().__init__(None)  # not owned by the widget: it may close while the work runs
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self.result: Any = None
        self.error: Exception | None = None
        self.busy: QProgressDialog | None = None
        if busy_text:
            # A range of 0..0 makes an indeterminate ("busy") bar; the work cannot be cancelled halfway.
            self.busy = QProgressDialog(busy_text, None, 0, 0, parent)
            self.busy.setWindowTitle(busy_text)
            self.busy.setWindowModality(Qt.WindowModality.WindowModal)
            self.busy.setMinimumDuration(0)
            self.busy.setCancelButton(None)
            self.busy.setAutoClose(False)
            self.busy.show()
        # Owned by the application, not by Python: the worker may drop the last Python reference to the relay,
        # and a QObject must not be deleted on a thread other than its own. The UI thread deletes it later.
        self._signals = _Signals(QCoreApplication.instance())
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        _running.add(self)
        _pool.submit(_work, fn, self._signals)

    def _close_busy(self) -> None:
        if self.busy is not None:
            self.busy.close()
            self.busy.deleteLater()
            self.busy = None

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._close_busy()
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        self.error = exc
        self._close_busy()
        try:
            if self._on_error is not None:
                self._on_error(exc)
            else:
                show_error(self._parent, exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._signals.deleteLater()
        _running.discard(self)
        self.finished.emit()


class UiThreadCollector(QObject):
    """Python's cyclic garbage collector runs in whatever thread happens to allocate when a threshold is
    crossed, often a worker. If it frees a Qt object there (a QTimer of a closed dialog, say), the object dies
    on the wrong thread: its timer stays registered and later fires into freed memory (a segfault the test
    suite caught). So automatic collection is off, and this collects on the UI thread instead, a few times a
    second, each generation whose threshold has been crossed: the same policy, on the right thread."""

    def __init__(self, app: QCoreApplication, interval_ms: int = 250) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    @Slot()
    def collect(self) -> None:
        counts = gc.get_count()
        generation = -1
        for index, threshold in enumerate(self.thresholds):
            if counts[index] > threshold:
                generation = index
        if generation >= 0:
            gc.collect(generation)


def collect_garbage_on_ui_thread(app: QCoreApplication) -> UiThreadCollector:
    """Install the collector once per application (start-up and the tests' QApplication)."""
    existing = app.findChild(UiThreadCollector)
    return existing if existing is not None else UiThreadCollector(app)


def error_text(exc: BaseException) -> str:
    """The text a user should read: a ServiceError's message in their language; a file error said in their
    language too (the system's English text goes to the log); else the exception."""
    message = getattr(exc, "message", None)
    if message:
        return message
    if isinstance(exc, OSError):
        logging.getLogger("cellsec").warning("%s", failures.technical(exc))
        return failures.file_message(exc)
    return str(exc) or type(exc).__name__


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, "CellSec", error_text(exc))


def run_in_background(parent: QWidget | None, fn: Callable[[], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[Exception], None] | None = None,
                      busy_text: str = "") -> BackgroundTask:
    """Run `fn()` on the thread pool; show `busy_text` in a modal busy dialog meanwhile (if given)."""
    return BackgroundTask(parent, fn, on_done, on_error, busy_text)
