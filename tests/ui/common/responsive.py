"""Checking that the UI thread keeps answering while a long task runs (issue 14), without timing asserts.

A `UiPulse` is a QTimer ticking on the UI thread. A slowed service calls `pulse.wait()` at each of its
steps: that returns only once the UI thread has ticked again. Work running off the UI thread therefore
proves, step by step, that the window kept answering; the same work run on the UI thread could never get
past its first step (the timer cannot tick while the thread is busy) and fails with UiStalled.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer


class UiStalled(AssertionError):
    pass


class UiPulse:
    def __init__(self, interval_ms: int = 5, limit_s: float = 10.0) -> None:
        self.ticks = 0
        self.waits = 0  # steps of the work that saw the UI thread answer
        self.stalled = False
        self.limit_s = limit_s  # a generous bound, not a timing assert: only a blocked UI thread reaches it
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(interval_ms)

    def _tick(self) -> None:
        self.ticks += 1

    def wait(self, ticks: int = 2) -> None:
        """Called by the work (on whatever thread it runs): block until the UI thread ticked `ticks` times."""
        target = self.ticks + ticks
        deadline = time.monotonic() + self.limit_s
        while self.ticks < target:
            if time.monotonic() > deadline:
                self.stalled = True
                raise UiStalled("the UI thread did not answer while the task ran")
            time.sleep(0.002)
        self.waits += 1

    def slowed(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """`fn` that first waits for the UI thread to answer (a service step made slow)."""
        def slow(*args, **kwargs):
            self.wait()
            return fn(*args, **kwargs)
        return slow

    def stop(self) -> None:
        self.timer.stop()


class Steps:
    """What a task's dialog showed: every (done, total, text) it reported, in order."""

    def __init__(self, task) -> None:
        self.seen: list[tuple[int, int, str]] = []
        task.progressed.connect(lambda done, total, text: self.seen.append((done, total, text)))

    @property
    def done(self) -> list[int]:
        return [d for d, _, _ in self.seen]

    def moved(self) -> bool:
        """The bar went forward at least twice and was determinate (a total known)."""
        return len(set(self.done)) >= 2 and any(total > 0 for _, total, _ in self.seen)
