"""Opening the SQLite store: pragmas, integrity check, migration on a copy, session factory."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy (~0.3 s to import) is loaded when an engine is made, not to check a file
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

from .. import files
from ..domain import failures
from ..domain.messages import Msg
from . import cipher, keys

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
NOT_THIS_KEY = Msg(
    "Không mở được tệp dữ liệu {path}: tệp bị hỏng, hoặc được mã hóa bằng khóa của một máy hay một tài khoản khác "
    "(khóa mã hóa trên máy này không mở được nó). CellSec giữ nguyên tệp này. Hãy khôi phục từ một bản sao lưu; "
    "trên máy khác, dùng bản sao lưu có mật khẩu (.cellsec-backup).",
    "Cannot open the data file {path}: it is damaged, or encrypted with the key of another machine or account (the "
    "encryption key on this machine does not open it). CellSec keeps the file. Restore it from a backup; on another "
    "machine, use a password backup (.cellsec-backup).",
)
KEY_MISSING = Msg(
    "Tệp dữ liệu {path} được mã hóa, nhưng khóa mã hóa của nó không còn trên máy này (kho mật khẩu của hệ điều "
    "hành hoặc tệp khóa đã bị xóa, hay máy đã được cài lại). Không có khóa thì không đọc được dữ liệu này và các bản "
    "sao lưu tự động của nó. Hãy khôi phục từ một bản sao lưu có mật khẩu (.cellsec-backup): "
    "cellsec backup restore TỆP --password-stdin. CellSec giữ nguyên tệp này.",
    "The data file {path} is encrypted, but its encryption key is no longer on this machine (the system's credential "
    "store or the key file was cleared, or the system was reinstalled). Without the key this data and its automatic "
    "backups cannot be read. Restore from a password backup (.cellsec-backup): "
    "cellsec backup restore FILE --password-stdin. CellSec keeps the file.",
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


def make_engine(path: Path, key: bytes | None) -> Engine:
    """An engine on the database at `path`, encrypted under `key` (see cipher.py)."""
    from sqlalchemy import create_engine, event

    # The URL chooses the pool (a file database: QueuePool); the connection itself is SQLCipher's, keyed before
    # SQLAlchemy sends anything. check_same_thread=False is what SQLAlchemy sets for a file database.
    engine = create_engine(f"sqlite:///{path}", module=cipher.dbapi, future=True,
                           creator=lambda: cipher.connect(path, key, check_same_thread=False))
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


SQLITE_MAGIC = cipher.SQLITE_MAGIC


def check_store_file(path: Path, key: bytes | None) -> None:
    """Refuse, before anything writes to it, a file that is not a usable CellSec store: empty, unreadable,
    damaged, encrypted under another key, or another program's SQLite database. A plain (unencrypted) store
    passes: it is read without a key. (A newer schema is refused by the migration step.)"""
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
    if header != SQLITE_MAGIC and not _opens(path, key):
        if not looks_encrypted(path):
            raise StoreError(CORRUPT, path=path)
        raise StoreError(KEY_MISSING if key is None else NOT_THIS_KEY, path=path)
    check_integrity(path, key)
    tables = table_names(path, key)
    if "alembic_version" not in tables or "cells" not in tables:
        shown = sorted(tables)
        names = ", ".join(shown[:6]) + (", …" if len(shown) > 6 else "")
        raise StoreError(FOREIGN_FILE, path=path,
                         tables=SOME_TABLES.format(names=names) if shown else NO_TABLES.format())


def looks_encrypted(path: Path) -> bool:
    """Whole pages of SQLCipher (a multiple of 512 bytes, at least one page), not a text or zip file."""
    size = Path(path).stat().st_size
    return size >= 1024 and size % 512 == 0


def _opens(path: Path, key: bytes | None) -> bool:
    """The key decrypts the file's first page (a wrong key and a file that is no database look alike)."""
    if key is None:
        return False
    try:
        conn = cipher.connect(path, key, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except cipher.Error:
        return False
    return True


def table_names(path: Path, key: bytes | None = None) -> set[str]:
    """The file's tables; `key` None means this account's key (a plain file needs none)."""
    conn = cipher.connect(path, keys.load() if key is None else key, readonly=True)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


def offers_restore(error: StoreError) -> bool:
    """The file is there but cannot be used: the user is offered a backup in its place."""
    return error.msg in (CORRUPT, EMPTY_FILE, FOREIGN_FILE, UNREADABLE, NOT_THIS_KEY, KEY_MISSING)


def check_integrity(path: Path, key: bytes | None = None) -> None:
    """Refuse a damaged file or a file that is not a database, before anything writes to it. `key` None means
    this account's key (a plain file needs none)."""
    try:
        conn = cipher.connect(path, keys.load() if key is None else key, readonly=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
        ok = result is not None and result[0] == "ok"
    except cipher.DatabaseError:
        ok = False
    if not ok:
        raise StoreError(CORRUPT, path=path)


def copy_database(source: Path, dest: Path, key: bytes | None, *, plain: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """A consistent copy of the database (safe while WAL is in use), as a standalone file encrypted under
    `key` — or plain with `plain`, for the inside of a password backup. `source` may be plain or encrypted.
    `progress(pages copied, pages)`: see cipher.copy; if it raises, no copy and no `.part` is left."""
    tmp = dest.with_name(dest.name + ".part")
    files.private_dir(dest.parent)
    try:
        for suffix in ("", "-journal"):  # left by a copy that was killed: the export needs a new file
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        files.create_private(tmp)
        cipher.copy(source, key, tmp, None if plain else key, progress)
        os.replace(tmp, dest)
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):  # a full disk or a read-only folder leaves nothing
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise


@dataclass
class Store:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    key: bytes | None = None  # the database key (None only for a plain file opened as it is)

    def writer(self) -> Session:
        """A session for one mutation: its transaction holds the write lock from BEGIN (BEGIN IMMEDIATE)."""
        return self.sessions(bind=self.engine.execution_options(**{WRITE_LOCK: True}))

    def close(self) -> None:
        self.engine.dispose()


def check_writable(data_dir: Path) -> None:
    """The data folder exists and takes a write; else a message saying why (read-only, no permission, full)."""
    created = not data_dir.exists()
    probe = data_dir / f".{os.getpid()}.write-test"  # one per process: two starting at once never share it
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if created:
            files.make_private(data_dir)
        with open(probe, "wb") as f:  # a few KB: an empty file can still be made on a full disk
            f.write(b"\0" * 4096)
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
        raise StoreError(NOT_WRITABLE, path=data_dir, error=failures.reason(exc)) from exc


def _make_store_private(data_dir: Path, path: Path) -> None:
    """The database (its -wal/-shm follow its mode), backups and log: the user's alone, also when an
    older version wrote them readable by everyone."""
    for suffix in ("", "-wal", "-shm"):
        files.make_private(Path(str(path) + suffix))
    for folder in ("backups", "logs"):
        files.make_tree_private(data_dir / folder)


ENCRYPT_FAILED = Msg(
    "Không mã hóa được tệp dữ liệu ({error}). Dữ liệu cũ vẫn nguyên vẹn; bản sao lưu ở {backup}. Chi tiết kỹ "
    "thuật đã ghi vào tệp nhật ký {log}.",
    "Could not encrypt the data file ({error}). The old data is untouched; a backup is at {backup}. The technical "
    "details are in the log file {log}.",
)


def database_key(path: Path) -> bytes | None:
    """This account's database key, made now if there is none and no encrypted file needs the lost one.
    None when the file at `path` is encrypted and the key is gone (check_store_file then says so)."""
    try:
        key = keys.load()
        if key is None:
            has_encrypted = path.is_file() and not cipher.is_plain(path) and path.stat().st_size > 0
            if has_encrypted and looks_encrypted(path):
                return None
            key = keys.create()
    except keys.KeyStoreError as exc:
        raise StoreError(exc.msg, **exc.params) from exc
    except OSError as exc:
        raise StoreError(UNREADABLE, path=path, error=failures.reason(exc)) from exc
    return key


def _encrypt(path: Path, key: bytes, backup_dir: Path) -> None:
    """A plain database (written before encryption) is encrypted in place, after a plain backup."""
    import logging

    from .convert import PLAIN_BACKUP, encrypt_in_place

    backup = backup_dir / f"{PLAIN_BACKUP}{timestamp()}.sqlite3"
    try:
        encrypt_in_place(path, key, backup)
    except Exception as exc:
        logging.getLogger("cellsec").error("encryption failed: %s", failures.technical(exc), exc_info=exc)
        raise StoreError(ENCRYPT_FAILED, error=failures.reason(exc), backup=backup,
                         log=files.log_path(path.parent)) from exc


def open_store(data_dir: Path) -> Store:
    """Open (creating, encrypting or upgrading as needed) the database in `data_dir`."""
    from .convert import encrypt_old_backups, remove_leftovers
    from .migrate import migrate

    data_dir = Path(data_dir)
    check_writable(data_dir)
    files.attach_log(data_dir)
    path = data_dir / DB_NAME
    key = database_key(path)
    remove_leftovers(path)
    if path.exists() or path.is_symlink():
        check_store_file(path, key)  # never initialised over: an empty, foreign or undecryptable file is kept
        if cipher.is_plain(path):
            _encrypt(path, key, data_dir / "backups")
    if not cipher.is_plain(path):
        encrypt_old_backups(data_dir / "backups", key)  # backups an older version wrote (none, once done)
    migrate(path, data_dir / "backups", key)
    _make_store_private(data_dir, path)
    from sqlalchemy.orm import sessionmaker

    engine = make_engine(path, key)
    return Store(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), key=key)


def timestamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
