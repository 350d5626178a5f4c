"""Opening the SQLite store: pragmas, integrity check, migration on a copy, session factory."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy (~0.3 s to import) is loaded when an engine is made, not to check a file
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

from .. import files
from ..domain import failures
from ..domain.messages import Msg

DB_NAME = "cellsec.sqlite3"

CORRUPT = Msg(
    "Tệp dữ liệu {path} bị hỏng hoặc không phải dữ liệu CellSec. Hãy khôi phục từ một bản sao lưu.",
    "The data file {path} is damaged or is not CellSec data. Restore it from a backup.",
)
MIGRATION_FAILED = Msg(
    "Không nâng cấp được dữ liệu lên phiên bản mới ({error}). Dữ liệu cũ vẫn nguyên vẹn; bản sao lưu ở {backup}. "
    "Chi tiết kỹ thuật đã ghi vào tệp nhật ký {log}.",
    "Could not upgrade the data to the new version ({error}). The old data is untouched; a backup is at {backup}. "
    "The technical details are in the log file {log}.",
)
EMPTY_FILE = Msg(
    "Tệp dữ liệu {path} trống (0 byte): nội dung của nó đã mất. CellSec giữ nguyên tệp này, không tạo dữ liệu mới "
    "đè lên. Hãy khôi phục từ một bản sao lưu.",
    "The data file {path} is empty (0 bytes): its contents are gone. CellSec keeps the file and does not start new "
    "data over it. Restore it from a backup.",
)
FOREIGN_FILE = Msg(
    "Tệp {path} là cơ sở dữ liệu của một chương trình khác ({tables}), không phải dữ liệu CellSec. CellSec giữ "
    "nguyên tệp này. Hãy khôi phục từ một bản sao lưu.",
    "The file {path} is another program's database ({tables}), not CellSec data. CellSec keeps the file. "
    "Restore it from a backup.",
)
UNREADABLE = Msg(
    "Không đọc được tệp dữ liệu {path} ({error}). CellSec giữ nguyên tệp này.",
    "Cannot read the data file {path} ({error}). CellSec keeps the file.",
)
NO_TABLES = Msg("không có bảng nào", "it has no tables")
SOME_TABLES = Msg("có các bảng {names}", "its tables are {names}")
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
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


SQLITE_MAGIC = b"SQLite format 3\x00"


def check_store_file(path: Path) -> None:
    """Refuse, before anything writes to it, a file that is not a usable CellSec store: empty, unreadable,
    damaged, or another program's SQLite database. (A newer schema is refused by the migration step.)"""
    path = Path(path)
    if path.is_dir():
        raise StoreError(CORRUPT, path=path)
    try:
        with open(path, "rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(UNREADABLE, path=path, error=failures.reason(exc)) from exc
    if not header:
        raise StoreError(EMPTY_FILE, path=path)
    if header != SQLITE_MAGIC:
        raise StoreError(CORRUPT, path=path)
    check_integrity(path)
    tables = table_names(path)
    if "alembic_version" not in tables or "cells" not in tables:
        shown = sorted(tables)
        names = ", ".join(shown[:6]) + (", …" if len(shown) > 6 else "")
        raise StoreError(FOREIGN_FILE, path=path,
                         tables=SOME_TABLES.format(names=names) if shown else NO_TABLES.format())


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    conn.close()
    return {row[0] for row in rows}


def offers_restore(error: StoreError) -> bool:
    """The file is there but cannot be used: the user is offered a backup in its place."""
    return error.msg in (CORRUPT, EMPTY_FILE, FOREIGN_FILE, UNREADABLE)


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
    tmp = dest.with_name(dest.name + ".part")
    files.private_dir(dest.parent)
    src = dst = None
    try:
        files.create_private(tmp)
        src = sqlite3.connect(source)
        dst = sqlite3.connect(tmp)
        src.backup(dst)
        # A standalone file (rollback journal, no -wal): it can be read from a read-only stick as it is.
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.close()
        os.replace(tmp, dest)
    except BaseException:
        if dst is not None:
            dst.close()
        for suffix in ("", "-journal", "-wal", "-shm"):  # a full disk or a read-only folder leaves nothing
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise
    finally:
        if src is not None:
            src.close()


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


def check_writable(data_dir: Path) -> None:
    """The data folder exists and takes a write; else a message saying why (read-only, no permission, full)."""
    created = not data_dir.exists()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if created:
            files.make_private(data_dir)
        probe = data_dir / ".write-test"
        with open(probe, "wb") as f:  # a few KB: an empty file can still be made on a full disk
            f.write(b"\0" * 4096)
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            (data_dir / ".write-test").unlink(missing_ok=True)
        raise StoreError(NOT_WRITABLE, path=data_dir, error=failures.reason(exc)) from exc


def _make_store_private(data_dir: Path, path: Path) -> None:
    """The database (its -wal/-shm follow its mode), backups and log: the user's alone, also when an
    older version wrote them readable by everyone."""
    for suffix in ("", "-wal", "-shm"):
        files.make_private(Path(str(path) + suffix))
    for folder in ("backups", "logs"):
        files.make_tree_private(data_dir / folder)


def open_store(data_dir: Path) -> Store:
    """Open (creating or upgrading as needed) the database in `data_dir`."""
    from .migrate import migrate

    data_dir = Path(data_dir)
    check_writable(data_dir)
    files.attach_log(data_dir)
    path = data_dir / DB_NAME
    if path.exists() or path.is_symlink():
        check_store_file(path)  # never initialised over: an empty or foreign file is kept and reported
    migrate(path, data_dir / "backups")
    _make_store_private(data_dir, path)
    from sqlalchemy.orm import sessionmaker

    engine = make_engine(path)
    return Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def timestamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
