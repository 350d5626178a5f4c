"""The overview's background refresher: one thread per server process that recomputes out-of-date cell
figures chunk by chunk (`overview.refresh`), so no officer's request waits for a rebuild of many cells.

It is fed by the overview page (cells too many to compute inline) and, at start-up, with every cell for the
current year: after an upgrade that changed the figures' shape (FIGURES_VERSION) the ~20 s rebuild of 1,000
cells happens here, in chunks of `overview.CHUNK` cells, each its own short transaction, while the pages
show the cells not done yet as being updated. Several worker processes each run one; PostgreSQL's advisory
lock in `refresh` lets one compute a chunk while the others then find it stored.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from . import overview
from .db import Store

log = logging.getLogger(__name__)


class Refresher:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._queue: dict[int, list[str]] = {}  # year -> cell ids, in the order they came
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.computed = 0  # cells recomputed so far (the bench and the tests read it)

    def later(self, year: int, cell_ids: list[str]) -> None:
        """Queue cells to bring up to date (what `overview.cell_figures` calls with the cells it did not)."""
        with self._lock:
            queued = self._queue.setdefault(year, [])
            known = set(queued)
            queued.extend(c for c in cell_ids if c not in known)
            self._start()

    def warm(self, year: int | None = None) -> None:
        """At start-up: every cell's figures of the year, in the background."""
        def list_then_queue() -> None:
            try:
                with self.store.transaction() as s:
                    ids = overview.all_cell_ids(s)
            except Exception:  # noqa: BLE001  (a store closing at shutdown; the pages compute on demand)
                log.debug("overview warm-up skipped", exc_info=True)
                return
            self.later(year or dt.date.today().year, ids)

        threading.Thread(target=list_then_queue, name="overview-warm", daemon=True).start()

    def pending(self, year: int) -> int:
        with self._lock:
            return len(self._queue.get(year, ()))

    def idle(self) -> bool:
        with self._lock:
            return self._thread is None

    def _start(self) -> None:  # caller holds the lock
        if self._thread is None and any(self._queue.values()):
            self._thread = threading.Thread(target=self._run, name="overview-refresh", daemon=True)
            self._thread.start()

    def _take(self) -> tuple[int, list[str]] | None:
        with self._lock:
            for year, ids in self._queue.items():
                if ids:
                    chunk, self._queue[year] = ids[:overview.CHUNK], ids[overview.CHUNK:]
                    return year, chunk
            self._queue.clear()
            self._thread = None
            return None

    def _run(self) -> None:
        while (work := self._take()) is not None:
            year, chunk = work
            try:
                with self.store.transaction() as s:
                    self.computed += overview.refresh(s, chunk, year)
            except Exception:  # noqa: BLE001  (the store closed under us; the pages compute on demand)
                log.warning("overview refresh stopped", exc_info=True)
                with self._lock:
                    self._queue.clear()
                    self._thread = None
                return
