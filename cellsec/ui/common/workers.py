"""Running long work (export, print, import, backup, sync) off the UI thread with a progress dialog.

    task = run_in_background(self, lambda: export(path), on_done=self._exported,
                             busy_text=self.tr("Exporting the member list…"))
    task = run_in_background(self, lambda progress, cancel: book(path, progress=progress, cancel=cancel),
                             busy_text=..., steps=True, stoppable=True)

`fn` runs on a worker thread and must not touch widgets (services are fine: every call opens its own
session). `on_done(result)` / `on_error(exc)` run back on the UI thread after the dialog closes.
Without `on_error`, a ServiceError's Vietnamese message (or the exception text) is shown in a warning box.
The returned BackgroundTask has a `finished` signal, which tests wait on (qtbot.waitSignal).

With `steps` or `stoppable`, `fn(progress, cancel)` gets the two plain callables of domain/progress.py:
`progress(done, total, text)` moves the dialog's bar (a busy bar while total is 0) and `cancel()` turns
True once the user pressed "Dừng" (offered with `stoppable` only). The work then raises
`progress.Cancelled` where stopping leaves nothing half-written; that ends in `on_cancelled` (else
`on_error`), never in a warning box.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from ...domain import failures
from ...domain.progress import Cancelled

# Tasks still running: Python must keep them (and their signal relays) alive until they report back.
_running: set["BackgroundTask"] = set()


class _Signals(QObject):
    # Emitted from the pool thread; the receiver lives on the UI thread, so Qt queues the calls there.
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


PROGRESS_EVERY = 0.05  # seconds between two progress reports: a loop of 100,000 rows must not flood the UI


class _Steps:
    """The worker's side of progress and cancel: plain callables, safe to call from the worker thread."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._last = 0.0
        self.stop = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY or (total and done >= total):
            self._last = now
            self._signals.progressed.emit(int(done), int(total), text or "")

    def cancel(self) -> bool:
        return self.stop.is_set()


class TaskDialog(QProgressDialog):
    """The dialog of a long task: what it does, a bar (determinate once the work knows its total), the step
    it is at, and "Dừng" where stopping makes sense. Stopping waits for the work to reach a safe point, so
    the dialog stays, saying so, until the work has ended. Without "Dừng" it cannot be closed.
    A QProgressDialog for its look, but its bar is set directly: QProgressDialog.setValue would run the
    event loop inside the call (it does so for modal dialogs), and a result could then arrive mid-update."""

    stop_requested = Signal()

    def __init__(self, text: str, parent: QWidget | None, stoppable: bool) -> None:
        super().__init__(text, None, 0, 0, parent)
        self.text = text
        self.setWindowTitle(text.rstrip("…. "))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.bar = QProgressBar()
        self.bar.setObjectName("task_progress")
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        self.setBar(self.bar)
        self.stoppable = stoppable
        self.stop_button: QPushButton | None = None
        if stoppable:
            self.stop_button = QPushButton(self.tr("Stop"))
            self.stop_button.setObjectName("task_stop")
            self.setCancelButton(self.stop_button)
            self.canceled.disconnect(self.cancel)  # Qt's own cancel would hide the dialog at once
            self.canceled.connect(self.request_stop)
        else:
            self.setCancelButton(None)

    def show_step(self, done: int, total: int, text: str) -> None:
        if self.stop_button is not None and not self.stop_button.isEnabled():
            return  # stopping: keep saying so
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(max(0, min(done, total)))
        else:
            self.bar.setRange(0, 0)
        self.setLabelText(self.text + ("\n" + text if text else ""))

    def request_stop(self) -> None:
        if self.stop_button is None or not self.stop_button.isEnabled():
            return
        self.stop_button.setEnabled(False)
        self.setLabelText(self.text + "\n" + self.tr("Stopping… nothing half-done is kept."))
        self.stop_requested.emit()

    def reject(self) -> None:  # Esc: stop where offered; the dialog closes when the work has ended
        self.request_stop()

    def closeEvent(self, event) -> None:
        event.ignore()
        self.request_stop()


# Plain Python threads, not a QThreadPool with a Python QRunnable: whether Qt or Python owns such a
# runnable is left to PySide's ownership rules, and it crashed the process now and then (segfault). Here
# the worker holds ordinary Python references to everything it uses until it returns.
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="cellsec-work")
# Queries the user is waiting on (a list's search, filter or sort) have a thread of their own: behind a sync
# and a backup in the pool above, a search would wait for them to end. One thread: such queries are short and
# each list runs one at a time anyway.
_interactive_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cellsec-query")


def _work(fn: Callable[[], Any], signals: _Signals, steps: _Steps | None) -> None:
    try:
        result = fn() if steps is None else fn(steps.progress, steps.cancel)
    except Exception as exc:  # any failure is reported to the UI thread, never lost in the pool
        signals.failed.emit(exc)
    else:
        signals.succeeded.emit(result)


class BackgroundTask(QObject):
    """One piece of work in the pool. `finished` fires after on_done/on_error/on_cancelled have run;
    `progressed(done, total, text)` on the UI thread as the work reports (with `steps`)."""

    finished = Signal()
    progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None, fn: Callable[..., Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[Exception], None] | None,
                 busy_text: str, steps: bool = False, stoppable: bool = False,
                 on_cancelled: Callable[[Cancelled], None] | None = None, interactive: bool = False) -> None:
        super().__init__(None)  # not owned by the widget: it may close while the work runs
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self.result: Any = None
        self.error: Exception | None = None
        self.cancelled = False
        self.done = False  # True once on_done/on_error/on_cancelled have run
        self.busy: TaskDialog | None = None
        # Owned by the application, not by Python: the worker may drop the last Python reference to the relay,
        # and a QObject must not be deleted on a thread other than its own. The UI thread deletes it later.
        self._signals = _Signals(QCoreApplication.instance())
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._steps = _Steps(self._signals) if (steps or stoppable) else None
        if busy_text:
            self.busy = TaskDialog(busy_text, parent, stoppable)
            self.busy.stop_requested.connect(self.stop)
            self.busy.show()
        _running.add(self)
        (_interactive_pool if interactive else _pool).submit(_work, fn, self._signals, self._steps)

    def stop(self) -> None:
        """Ask the work to stop at its next safe point (what "Dừng" does)."""
        if self._steps is not None:
            self._steps.stop.set()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.busy is not None:
            self.busy.show_step(done, total, text)
        self.progressed.emit(done, total, text)

    def _close_busy(self) -> None:
        if self.busy is not None:
            self.busy.hide()  # not close(): a closing TaskDialog asks to stop instead
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
            if isinstance(exc, Cancelled):
                self.cancelled = True
                handler = self._on_cancelled or self._on_error
                if handler is not None:
                    handler(exc)
            elif self._on_error is not None:
                self._on_error(exc)
            else:
                show_error(self._parent, exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._signals.deleteLater()
        _running.discard(self)
        self.done = True
        self.finished.emit()


class UiThreadCollector(QObject):
    """Python's cyclic garbage collector runs in whatever thread happens to allocate when a threshold is
    crossed, often a worker. If it frees a Qt object there (a QTimer of a closed dialog, say), the object dies
    on the wrong thread: its timer stays registered and later fires into freed memory (a segfault the test
    suite caught). So automatic collection is off, and this collects on the UI thread instead, a few times a
    second, each generation whose threshold has been crossed: the same policy, on the right thread. That
    includes CPython's rule for the oldest generation, which an explicit gc.collect(2) skips: a full
    collection waits until the objects that reached the oldest generation since the last one number a
    quarter of those it kept."""

    def __init__(self, app: QCoreApplication, interval_ms: int = 250) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.long_lived_total = len(gc.get_objects(2))  # the oldest generation after its last collection
        self.long_lived_pending = 0  # the objects moved into it since (an estimate: the young that survived)
        self.frozen = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def _due(self) -> int:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                if generation == 2 and self.long_lived_pending < self.long_lived_total // 4:
                    continue
                return generation
        return -1

    @Slot()
    def collect(self) -> None:
        generation = self._due()
        if generation == 2:
            gc.collect(2)
            self.long_lived_total = len(gc.get_objects(2))
            self.long_lived_pending = 0
        elif generation == 1:
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            self.long_lived_pending += max(0, young - gc.collect(1))  # the survivors go to the oldest
        elif generation == 0:
            gc.collect(0)

    def freeze_start_up(self) -> None:
        """Once the window's store is open, move what exists (the modules, SQLAlchemy's models, the window
        and its pages: some 106,000 objects) out of the collector's reach, as the committee server does at
        its start. Every full collection walked all of them: 70-106 ms on the UI thread, a stall of the
        window about once a minute on a 100,000-member list; after this, at most 11 ms. Collected first, so no
        garbage is kept. Those objects are still freed when no longer referenced; only a reference cycle
        among them that became garbage later would stay (they live as long as the window)."""
        if not self.frozen:
            self.frozen = True
            gc.collect()
            gc.freeze()
            self.long_lived_total = self.long_lived_pending = 0


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


def run_in_background(parent: QWidget | None, fn: Callable[..., Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[Exception], None] | None = None,
                      busy_text: str = "", *, steps: bool = False, stoppable: bool = False,
                      on_cancelled: Callable[[Cancelled], None] | None = None,
                      interactive: bool = False) -> BackgroundTask:
    """Run `fn()` on the thread pool (`fn(progress, cancel)` with `steps` or `stoppable`); show `busy_text`
    in a window-modal progress dialog meanwhile (if given), with "Dừng" when `stoppable`. `interactive`: a
    short query the user waits on, run on its own thread, never queued behind long work."""
    return BackgroundTask(parent, fn, on_done, on_error, busy_text, steps, stoppable, on_cancelled, interactive)
