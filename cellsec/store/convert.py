"""Encrypting a database written before encryption, on the first start of a version that encrypts.

In order, each step safe to be killed at:
1. a plain backup into the backups folder, `truoc-ma-hoa-TIME.sqlite3` (0600), kept as the way back;
2. the plain file leaves WAL mode (folding its -wal in): SQLite allows this only when no other program has the
   file open, so a conversion never runs under another process's feet (it waits for the next start);
3. the encrypted copy `cellsec.sqlite3.encrypting` is written while an exclusive lock keeps writers out, and
   checked — the same rows in every table, quick_check ok — in that same transaction;
4. it is synced and renamed over the plain file (atomic), and the folder synced;
then, on this start and every later one (a glance at each file's first bytes), the plain backups an older
version left in the backups folder (automatic ones, those taken before upgrades) are encrypted the same way,
one by one, each copy checked before it replaces the plain one — all but the one of step 1.
Killed before the rename, the plain file is whole and the next start begins again (the half-made copy is
removed); after it, the encrypted file is whole. A backup whose encryption was killed is still plain and
whole, and is encrypted on the next start.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .. import files
from . import cipher

WORK_SUFFIX = ".encrypting"
PLAIN_BACKUP = "truoc-ma-hoa-"  # the plain backup taken before encrypting: kept plain, the way back

log = logging.getLogger("cellsec")


def remove_leftovers(path: Path) -> None:
    """A conversion killed before its rename leaves a half-made copy (and its journal): never used."""
    work = Path(str(path) + WORK_SUFFIX)
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    for suffix in ("", "-journal"):
        Path(str(work) + ".part" + suffix).unlink(missing_ok=True)


def _leave_wal(path: Path) -> bool:
    """Fold the -wal into the file and switch to a rollback journal; False when another connection has the
    file open (SQLite refuses the switch then), so the conversion waits for a start without one."""
    conn = cipher.connect(path, None)
    try:
        conn.execute("PRAGMA busy_timeout=2000")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except cipher.OperationalError:
        mode = "busy"
    finally:
        conn.close()
    return str(mode).lower() == "delete"


def _write_encrypted(path: Path, work: Path, key: bytes) -> None:
    conn = cipher.connect(path, None, isolation_level=None)
    try:
        # EXCLUSIVE: no other program reads or writes the plain file while it is copied and checked.
        cipher.export(conn, work, key, begin="BEGIN EXCLUSIVE")
    finally:
        conn.close()


def encrypt_in_place(path: Path, key: bytes, backup: Path) -> bool:
    """Replace the plain database at `path` by an encrypted copy under `key`, after a plain backup at
    `backup`. False (nothing changed but the backup) when another program has the file open."""
    from .db import copy_database

    path = Path(path)
    remove_leftovers(path)
    for stale in backup.parent.glob(f"{PLAIN_BACKUP}*.part*"):  # from a conversion killed while backing up
        stale.unlink(missing_ok=True)
    copy_database(path, backup, None, plain=True)
    if not _leave_wal(path):
        log.info("encryption of %s postponed: the file is open elsewhere", path)
        return False
    work = Path(str(path) + WORK_SUFFIX)
    try:
        files.create_private(work)  # its journal takes its mode
        _write_encrypted(path, work, key)  # checked and synced: the same rows, quick_check ok
    except BaseException:
        remove_leftovers(path)
        raise
    os.replace(work, path)
    cipher.fsync_dir(path.parent)
    log.info("data file %s encrypted; the plain backup is %s", path, backup)
    return True


def encrypt_old_backups(folder: Path, key: bytes) -> None:
    """Encrypt, in place, the plain database backups in `folder` (but the one taken before encrypting). A
    backup that cannot be copied whole (damaged) is left as it is: no worse than before, and a restore still
    judges it."""
    found = [p for p in sorted(Path(folder).glob("*.sqlite3"))
             if not p.name.startswith((PLAIN_BACKUP, ".")) and cipher.is_plain(p)]  # ".sealing-…": a password backup
    for plain in found:
        part = plain.with_name(plain.name + ".part")
        try:
            for suffix in ("", "-journal"):
                Path(str(part) + suffix).unlink(missing_ok=True)
            files.create_private(part)
            cipher.copy(plain, None, part, key)
            os.replace(part, plain)
        except (OSError, cipher.Error) as exc:
            log.warning("backup %s left plain: %s", plain, exc)
            for suffix in ("", "-journal"):
                Path(str(part) + suffix).unlink(missing_ok=True)
    if found:
        cipher.fsync_dir(Path(folder))
