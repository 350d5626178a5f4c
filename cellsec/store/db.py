"""Opening the SQLite store: pragmas, integrity check, migration on a copy, session factory."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..domain import failures
from ..domain.messages import Msg

DB_NAME = "cellsec.sqlite3"

CORRUPT = Msg(
    "Tệp dữ liệu {path} bị hỏng hoặc không phải dữ liệu CellSec. Hãy khôi phục từ một bản sao lưu.",
    "The data file {path} is damaged or is not CellSec data. Restore it from a backup.",
)
MIGRATION_FAILED = Msg(
    "Không nâng cấp được dữ liệu lên phiên bản mới ({error}). Dữ liệu cũ vẫn nguyên vẹn; bản sao lưu ở {backup}.",
    "Could not upgrade the data to the new version ({error}). The old data is untouched; a backup is at {backup}.",
)
NOT_WRITABLE = Msg(
    "Không ghi được vào thư mục dữ liệu {path}: {error}",
    "Cannot write to the data folder {path}: {error}",
)
NEWER_SCHEMA = Msg(
    "Dữ liệu này được tạo bởi phiên bản CellSec mới hơn ({revision}). Hãy cập nhật chương trình.",
    "This data was written by a newer CellSec ({revision}). Please update the program.",
)


class StoreError(Exception):
    """A store problem the user must see, with a message in the user's language."""

    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))


def _on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy emit BEGIN itself so DDL and DML are really transactional (pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


WRITE_LOCK = "cellsec_write_lock"  # execution option: the transaction takes SQLite's write lock at BEGIN


def _on_begin(conn) -> None:
    # A write transaction begins IMMEDIATE, so what it checks and what it writes see the same data: of two
    # processes finalising one document, the second waits and then sees the first one's write.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_LOCK) else "BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def check_integrity(path: Path) -> None:
    """Refuse a damaged file or a file that is not a database, before anything writes to it."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()
        ok = result is not None and result[0] == "ok"
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise StoreError(CORRUPT, path=path)


def copy_database(source: Path, dest: Path) -> None:
    """Consistent copy with SQLite's online backup API (safe while WAL is in use)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with sqlite3.connect(source) as src, sqlite3.connect(tmp) as dst:
        src.backup(dst)
    dst.close()
    os.replace(tmp, dest)


@dataclass
class Store:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    def writer(self) -> Session:
        """A session for one mutation: its transaction holds the write lock from BEGIN (BEGIN IMMEDIATE)."""
        return self.sessions(bind=self.engine.execution_options(**{WRITE_LOCK: True}))

    def close(self) -> None:
        self.engine.dispose()


def open_store(data_dir: Path) -> Store:
    """Open (creating or upgrading as needed) the database in `data_dir`."""
    from .migrate import migrate

    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(NOT_WRITABLE, path=data_dir, error=failures.reason(exc)) from exc
    path = data_dir / DB_NAME
    if path.exists():
        check_integrity(path)
    migrate(path, data_dir / "backups")
    engine = make_engine(path)
    return Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def timestamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
