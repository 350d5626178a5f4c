"""The database driver: SQLCipher (the `sqlcipher3` wheel, SQLite with page-level AES-256 built in).

Every page of the database file, its -wal and its journal is encrypted; the file starts with random bytes,
not "SQLite format 3". The key is a raw 32-byte key (`PRAGMA key = "x'…'"`): it comes from the system's
credential store (keys.py), not from a password, so no PBKDF2 runs at open (about 1 ms instead of ~0.5 s).

A plain SQLite file is still read here (a database written before encryption, an old backup, the inside
of a password backup): it is recognised by its header and opened without a key. Copies are made in the
form asked for — encrypted under a key, or plain — with SQLCipher's `sqlcipher_export`, which copies
schema and rows (FTS5 tables included) in one read transaction; an encrypted copy under the same key
uses SQLite's online backup API.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3.dbapi2 as dbapi

Error = dbapi.Error
DatabaseError = dbapi.DatabaseError
OperationalError = dbapi.OperationalError
Connection = dbapi.Connection

SQLITE_MAGIC = b"SQLite format 3\x00"
KEY_BYTES = 32
COPY_STEP_PAGES = 256  # pages per step of a copy that reports its progress (1 MB of 4 KB pages)

_quiet = False


def _quiet_log(conn: Connection) -> None:
    # SQLCipher prints "hmac check failed" lines to stderr on a wrong key or a damaged page; the program
    # says what happened itself, in Vietnamese. The level is process-wide: set once.
    global _quiet
    if not _quiet:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
        _quiet = True


def is_plain(path: Path) -> bool:
    """The file is an unencrypted SQLite database (it starts with SQLite's header)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def key_literal(key: bytes | None) -> str:
    """The key as SQLCipher reads it: a raw key in hex (no key derivation), or '' for a plain database."""
    if key is None:
        return "''"
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes | None, *, readonly: bool = False, **kwargs: object) -> Connection:
    """A DB-API connection to `path`: a plain file is opened as it is, anything else (a new file, an
    encrypted one) under `key`. A wrong key shows at the first read as DatabaseError ("file is not a
    database"), as does a file that is not a database at all."""
    plain = is_plain(path)
    if readonly:
        conn = dbapi.connect(f"file:{path}?mode=ro", uri=True, **kwargs)
    else:
        conn = dbapi.connect(str(path), **kwargs)
    try:
        _quiet_log(conn)
        if key is not None and not plain:
            conn.execute(f"PRAGMA key = {key_literal(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def export(conn: Connection, dest: Path, key: bytes | None, *, begin: str = "BEGIN") -> None:
    """Write the whole database of `conn` into the new file `dest`, encrypted under `key` (plain if None).
    `dest` must not exist or be empty. The copy is a standalone file (rollback journal, no -wal), read from
    one snapshot of the source (one transaction, `begin` choosing its lock) and synced before returning."""
    conn.execute(f"ATTACH DATABASE ? AS export KEY {key_literal(key)}", (str(dest),))
    try:
        # The copy is a new file nobody uses until it is complete and synced here, so no sync per statement
        # (with them a 7 MB export takes 2 s instead of 0.05 s).
        conn.execute("PRAGMA export.synchronous = OFF")
        conn.execute(begin)
        try:
            conn.execute("SELECT sqlcipher_export('export')").fetchall()
            # sqlcipher_export leaves the header fields out; user_version is the one SQLite tools read.
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA export.user_version = {int(version)}")
            check_export(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE export")
    fsync_file(dest)


class ExportMismatch(DatabaseError):
    """The copy does not hold what the original holds (the copy is not used)."""


def check_export(conn: Connection) -> None:
    """Inside the export's transaction: every ordinary table (FTS5's shadow tables among them) has as many
    rows in the copy as in the original, and the copy passes quick_check."""
    tables = conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                          "AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()
    for (table,) in tables:
        original = conn.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
        copied = conn.execute(f'SELECT count(*) FROM export."{table}"').fetchone()[0]
        if original != copied:
            raise ExportMismatch(f"{table}: {original} rows, {copied} in the copy")
    check = conn.execute("PRAGMA export.quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise ExportMismatch(f"quick_check of the copy: {check}")


def copy(source: Path, source_key: bytes | None, dest: Path, dest_key: bytes | None,
         progress: Callable[[int, int], None] | None = None) -> None:
    """Copy the database `source` (plain, or encrypted under `source_key`) into the new file `dest`,
    encrypted under `dest_key` or plain. Safe while other connections use `source` (WAL).
    `progress(pages copied, pages)` follows a page-by-page copy (same key); an exception from it stops the
    copy (the caller removes `dest`)."""
    src = connect(source, source_key, isolation_level=None)
    try:
        if dest_key is not None and dest_key == source_key and not is_plain(source):
            dst = connect(dest, dest_key)
            try:
                if progress is None:
                    src.backup(dst)
                else:
                    src.backup(dst, pages=COPY_STEP_PAGES,
                               progress=lambda _status, remaining, total: progress(total - remaining, total))
                dst.execute("PRAGMA journal_mode=DELETE").fetchall()
            finally:
                dst.close()
        else:
            export(src, dest, dest_key)
    finally:
        src.close()


def fsync_file(path: Path) -> None:
    # Windows flushes only a handle open for writing (_commit on a read-only one fails with EBADF).
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
