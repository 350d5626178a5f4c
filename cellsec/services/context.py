"""The services' shared context: the open store, the cell, mutations, undo and change events."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..domain.messages import Msg
from ..store.base import restore, utcnow
from ..store import preferences
from ..store.db import Store, open_store
from ..store.ids import new_id
from ..store.remote import model_for_table
from ..store.models.core import Audit, Cell, ChangeLog, Setting
from ..store.models.sync import SyncState
from .errors import NO_CELL, NOTHING_TO_UNDO, WRITE_FAILED, ServiceError, failed

OUTSIDE_ROWS = 5000  # more changes than this from elsewhere at once: announced as "anything may have changed"
UNDO_SUMMARY = Msg("Hoàn tác: {summary}", "Undo: {summary}")
REDO_SUMMARY = Msg("Làm lại: {summary}", "Redo: {summary}")
NOTHING_TO_REDO = Msg("Không có thao tác nào vừa hoàn tác để làm lại.", "There is nothing to redo.")


@dataclass(frozen=True)
class Change:
    """What one committed mutation changed, for listeners (the UI refreshes what it shows)."""

    action: str
    summary: str
    entities: frozenset[str]  # table names; "*" means everything may have changed (a restored backup)
    ids: frozenset[str]
    # Who asked (the widget of `Context.action`), so that it does not reload what it has just shown.
    initiator: object | None = None

    def touches(self, entities: set[str] | frozenset[str]) -> bool:
        return "*" in self.entities or bool(self.entities & set(entities))

    @staticmethod
    def merge(changes: list["Change"], initiator: object | None) -> "Change":
        if len(changes) == 1:
            only = changes[0]
            return Change(only.action, only.summary, only.entities, only.ids, initiator)
        last = changes[-1]
        return Change(last.action, last.summary, frozenset().union(*(c.entities for c in changes)),
                      frozenset().union(*(c.ids for c in changes)), initiator)


@dataclass
class Context:
    store: Store
    data_dir: Path
    listeners: list[Callable[[Change], None]] = field(default_factory=list)
    _device_id: str | None = None
    _cell_id: str | None = None
    # Per thread: the changes of the user action in progress (None when no action is open).
    _actions: threading.local = field(default_factory=threading.local)
    _services: object | None = None  # the facade over this context (set by Services)
    # What `outside_changes` has seen: the change log's last seq and the sync pull cursor; this context's
    # own audit ids (its own changes are announced by `mutation`, not again as outside ones).
    _seen: tuple[int, int] | None = None
    _own_audits: set[int] = field(default_factory=set)

    # ---- sessions -------------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.store.sessions() as session:
            yield session

    @contextmanager
    def mutation(self, action: str, summary: str, *, undoable: bool = True) -> Iterator[Session]:
        """One user action = one transaction holding the data, its change-log rows and its audit row. It
        holds the write lock from its start, so checks made inside it cannot be overtaken by another process."""
        session = self.store.writer()
        try:
            audit = Audit(action=action, summary=summary, device_id=self.device_id, undoable=undoable)
            session.add(audit)
            session.flush()
            session.info["audit_id"] = audit.id
            session.info["device_id"] = self.device_id
            yield session
            session.flush()
            changed = session.execute(
                select(ChangeLog.entity, ChangeLog.entity_id).where(ChangeLog.audit_id == audit.id)
            ).all()
            session.commit()
            self._own_audits.add(audit.id)
        except DBAPIError as exc:
            session.rollback()
            raise failed(WRITE_FAILED, exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        change = Change(action, summary, frozenset(e for e, _ in changed), frozenset(i for _, i in changed))
        pending = getattr(self._actions, "pending", None)
        if pending is not None:
            pending.append(change)
        else:
            self.notify(change)

    @contextmanager
    def action(self, initiator: object | None = None) -> Iterator[None]:
        """One user action (one button press): its mutations are announced once, merged, after the service
        calls return — naming `initiator`, so that widget does not reload what it has just shown."""
        if getattr(self._actions, "pending", None) is not None:  # nested: the outer action announces
            yield
            return
        self._actions.pending = []
        try:
            yield
        finally:
            pending, self._actions.pending = self._actions.pending, None
            if pending:
                self.notify(Change.merge(pending, initiator))

    def outside_changes(self) -> Change | None:
        """What other processes (the command line, a second window, a sync run elsewhere) committed since
        the last call, as one Change (None when nothing). The window polls this and announces the result,
        so what it shows follows changes it did not make. The first call only takes the starting point.
        A store that is busy or being swapped (a restore) answers None: the next poll looks again."""
        try:
            return self._outside_changes()
        except (ServiceError, SQLAlchemyError):
            return None

    def _outside_changes(self) -> Change | None:
        with self.read() as s:
            seq = s.scalar(select(func.max(ChangeLog.seq))) or 0
            cursor = s.scalar(select(func.max(SyncState.pull_cursor))) or 0
            if self._seen is None or (seq, cursor) == self._seen:
                self._seen = (seq, cursor)
                return None
            last_seq, last_cursor = self._seen
            rows = s.execute(select(ChangeLog.audit_id, ChangeLog.entity, ChangeLog.entity_id)
                             .where(ChangeLog.seq > last_seq, ChangeLog.seq <= seq).limit(OUTSIDE_ROWS + 1)).all()
        self._seen = (seq, cursor)
        theirs = [r for r in rows if r.audit_id not in self._own_audits]
        self._own_audits = {a for a in self._own_audits if a > max((r.audit_id for r in rows), default=0)}
        if cursor != last_cursor or len(rows) > OUTSIDE_ROWS:  # pulled rows write no change log: anything
            return Change("outside", "", frozenset({"*"}), frozenset())
        if not theirs:
            return None
        return Change("outside", "", frozenset(r.entity for r in theirs), frozenset(r.entity_id for r in theirs))

    def notify(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self.listeners.append(listener)

    @property
    def services(self):
        """The one `Services` facade over this context. Services reach each other through it, never by
        constructing their own copies (each copy would keep its own caches and rule lookups)."""
        if self._services is None:
            from .facade import Services

            Services(self)
        return self._services

    # ---- local settings ---------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.read() as s:
            row = s.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        # Local preferences are not user data: no change log, no undo.
        with self.store.sessions.begin() as s:
            s.merge(Setting(key=key, value=value))

    def get_preference(self, key: str, session: Session | None = None) -> str | None:
        """A preference of the cell that shapes its documents (synced: the same on every laptop)."""
        if session is not None:
            return preferences.read(session, key)
        with self.read() as s:
            return preferences.read(s, key)

    def set_preference(self, key: str, value: str, summary: str) -> None:
        with self.mutation("cell.preference", summary, undoable=False) as s:
            preferences.write(s, self.cell_id, key, value)

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            value = self.get_setting("device_id")
            if value is None:
                value = new_id()
                self.set_setting("device_id", value)
            self._device_id = value
        return self._device_id

    # ---- the cell ----------------------------------------------------------------------------------
    def cell_id_or_none(self) -> str | None:
        # Asked on nearly every call; the cell never changes while a store is open (reset_caches on swap).
        if self._cell_id is None:
            with self.read() as s:
                self._cell_id = s.scalars(select(Cell.id).where(Cell.deleted_at.is_(None)).limit(1)).first()
        return self._cell_id

    def replace_store(self, store: Store) -> None:
        """Swap in another open store (a restored backup): forget what was cached from the old one."""
        self.store = store
        self._cell_id = None
        self._device_id = None

    @property
    def cell_id(self) -> str:
        cell_id = self.cell_id_or_none()
        if cell_id is None:
            raise ServiceError(NO_CELL)
        return cell_id

    # ---- undo --------------------------------------------------------------------------------------
    def last_undoable(self) -> tuple[int, str] | None:
        """The latest undoable action not yet undone — unless a later action (other than an undo) changed
        the same rows: e.g. minutes edited and then approved must not be put back by undoing the edit."""
        with self.read() as s:
            return self._last_undoable(s)

    def undo_state(self) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
        """(last_undoable, last_redoable) in one read, for the Edit menu after every change."""
        with self.read() as s:
            return self._last_undoable(s), self._last_redoable(s)

    @staticmethod
    def _last_undoable(s: Session) -> tuple[int, str] | None:
        row = s.execute(
            select(Audit.id, Audit.summary)
            .where(Audit.undoable.is_(True), Audit.undone_by.is_(None))
            .order_by(Audit.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        touched = select(ChangeLog.entity_id).where(ChangeLog.audit_id == row.id)
        later = s.scalar(
            select(ChangeLog.seq)
            .join(Audit, Audit.id == ChangeLog.audit_id)
            .where(ChangeLog.audit_id > row.id, ChangeLog.entity_id.in_(touched),
                   Audit.action != "undo", Audit.undone_by.is_(None))
            .limit(1)
        )
        return None if later is not None else (row.id, row.summary)

    def undo_last(self) -> str:
        """Undo the latest undoable action: every entity it touched goes back to its previous revision
        (an entity it created is tombstoned). The undo is itself a new change, so sync sees it."""
        target = self.last_undoable()
        if target is None:
            raise ServiceError(NOTHING_TO_UNDO)
        audit_id, summary = target
        undo_summary = UNDO_SUMMARY.format(summary=summary)
        with self.mutation("undo", undo_summary, undoable=False) as s:
            rows = s.scalars(select(ChangeLog).where(ChangeLog.audit_id == audit_id).order_by(ChangeLog.seq.desc())).all()
            # One flush at the end, not one per restored row (undoing a 2,000-row import took 15 s).
            with s.no_autoflush:
                self._restore_rows(s, rows)
            s.get(Audit, audit_id).undone_by = s.info["audit_id"]
        return undo_summary

    def last_redoable(self) -> tuple[int, str] | None:
        """(undo's audit id, the undone action's summary) when the latest action of all is an undo: redo
        puts back what it took away. Any other action since then ends the chance to redo (as in an editor)."""
        with self.read() as s:
            return self._last_redoable(s)

    @staticmethod
    def _last_redoable(s: Session) -> tuple[int, str] | None:
        last = s.execute(select(Audit.id, Audit.action).order_by(Audit.id.desc()).limit(1)).first()
        if last is None or last.action != "undo":
            return None
        undone = s.execute(select(Audit.id, Audit.summary).where(Audit.undone_by == last.id)).first()
        return None if undone is None else (last.id, undone.summary)

    def redo_last(self) -> str:
        """Redo the action the latest undo took back: each entity it touched gets that action's own
        snapshot again. The redo is a new, undoable change (Ctrl+Z takes it back once more)."""
        target = self.last_redoable()
        if target is None:
            raise ServiceError(NOTHING_TO_REDO)
        undo_id, summary = target
        redo_summary = REDO_SUMMARY.format(summary=summary)
        with self.mutation("redo", redo_summary) as s:
            undone = s.scalars(select(Audit).where(Audit.undone_by == undo_id)).first()
            rows = s.scalars(select(ChangeLog).where(ChangeLog.audit_id == undone.id).order_by(ChangeLog.seq)).all()
            with s.no_autoflush:
                for row in rows:
                    restore(s.get(model_for_table(row.entity), row.entity_id), json.loads(row.snapshot))
        return redo_summary

    @staticmethod
    def _restore_rows(s: Session, rows: list[ChangeLog]) -> None:
        now = utcnow()
        for row in rows:
            obj = s.get(model_for_table(row.entity), row.entity_id)
            previous = s.scalars(
                select(ChangeLog.snapshot)
                .where(ChangeLog.entity == row.entity, ChangeLog.entity_id == row.entity_id, ChangeLog.seq < row.seq)
                .order_by(ChangeLog.seq.desc())
                .limit(1)
            ).first()
            if previous is None:  # the action created it
                obj.deleted_at = obj.deleted_at or now
            else:
                restore(obj, json.loads(previous))


def open_context(data_dir: Path) -> Context:
    return Context(store=open_store(Path(data_dir)), data_dir=Path(data_dir))
