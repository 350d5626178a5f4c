"""Backup files of the database: taking, listing, checking, restoring."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from .. import files
from ..domain.messages import Msg
from . import cipher, keys
from .db import (CORRUPT, DB_NAME, EMPTY_FILE, FOREIGN_FILE, KEY_MISSING, NEWER_SCHEMA, NOT_THIS_KEY, UNREADABLE,
                 Store, StoreError, check_store_file, copy_database, timestamp)
from .models.core import ChangeLog

_NAME = re.compile(r"^cellsec-(\d{8}-\d{6})-s(\d+)\.sqlite3$")

BAD_BACKUP = Msg("Không khôi phục từ tệp {name} được: {why}. Dữ liệu hiện tại không bị thay đổi.",
                 "Cannot restore from {name}: {why}. The current data is unchanged.")
LIVE_FILE = Msg("đây chính là tệp dữ liệu đang dùng, không phải một bản sao lưu",
                "it is the data file in use, not a backup")
_CANNOT_READ = Msg("không đọc được tệp ({error})", "the file cannot be read ({error})")
_WHY = {
    KEY_MISSING: Msg("tệp được mã hóa bằng một khóa không còn trên máy này (hãy dùng bản sao lưu có mật khẩu "
                     ".cellsec-backup)",
                     "it is encrypted with a key that is no longer on this machine (use a password backup, "
                     ".cellsec-backup)"),
    EMPTY_FILE: Msg("tệp trống (0 byte)", "the file is empty (0 bytes)"),
    FOREIGN_FILE: Msg("đây là cơ sở dữ liệu của một chương trình khác, không phải dữ liệu CellSec",
                      "it is another program's database, not CellSec data"),
    CORRUPT: Msg("tệp bị hỏng hoặc không phải dữ liệu CellSec", "the file is damaged or is not CellSec data"),
    NOT_THIS_KEY: Msg("tệp bị hỏng, hoặc được mã hóa bằng khóa của một máy hay một tài khoản khác (trên máy khác, "
                      "hãy dùng bản sao lưu có mật khẩu .cellsec-backup)",
                      "it is damaged, or encrypted with the key of another machine or account (on another machine, "
                      "use a password backup, .cellsec-backup)"),
    NEWER_SCHEMA: Msg("tệp được tạo bởi phiên bản CellSec mới hơn; hãy cập nhật chương trình trước",
                      "it was written by a newer CellSec; update the program first"),
}


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    last_seq: int


def last_change_seq(store: Store) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.coalesce(func.max(ChangeLog.seq), 0)))


def list_backups(backup_dir: Path) -> list[BackupFile]:
    found = []
    if backup_dir.is_dir():
        for path in backup_dir.iterdir():
            m = _NAME.match(path.name)
            if m:
                found.append(BackupFile(path, dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), int(m.group(2))))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_path(backup_dir: Path, seq: int, now: dt.datetime) -> Path:
    return backup_dir / f"cellsec-{timestamp(now)}-s{seq}.sqlite3"


def take_backup(store: Store, backup_dir: Path, now: dt.datetime,
                progress: Callable[[int, int], None] | None = None) -> BackupFile:
    """A copy encrypted under the store's key, like the database itself (`progress`: see copy_database)."""
    seq = last_change_seq(store)
    path = backup_path(backup_dir, seq, now)
    copy_database(store.path, path, store.key, progress=progress)
    return BackupFile(path, now.replace(microsecond=0), seq)


def delete_backups(files: list[BackupFile]) -> None:
    for backup in files:
        backup.path.unlink(missing_ok=True)


def _is_live_file(backup: Path, data_dir: Path) -> bool:
    live = Path(data_dir) / DB_NAME
    try:
        return live.exists() and os.path.samefile(backup, live)
    except OSError:
        return False


def check_restorable(backup: Path, data_dir: Path) -> None:
    """Refuse a file that must not replace the data: the live file itself, an empty, damaged or foreign
    file, or a newer schema. Reads only; raises StoreError(BAD_BACKUP) saying which."""
    from .migrate import check_not_newer

    backup = Path(backup)
    if _is_live_file(backup, data_dir):
        raise StoreError(BAD_BACKUP, name=backup.name, why=LIVE_FILE.format())
    key = _key(create=False)
    try:
        check_store_file(backup, key)
        check_not_newer(backup, key)
    except StoreError as exc:
        if exc.msg is UNREADABLE:
            why = _CANNOT_READ.format(error=exc.params["error"])
        else:
            why = _WHY.get(exc.msg, _WHY[CORRUPT]).format()
        raise StoreError(BAD_BACKUP, name=backup.name, why=why) from exc
    except cipher.Error as exc:
        raise StoreError(BAD_BACKUP, name=backup.name, why=_WHY[CORRUPT].format()) from exc


def _key(create: bool) -> bytes | None:
    """This account's database key (made, with `create`, when a restore brings data back after it was lost)."""
    try:
        return (keys.ensure() if create else keys.load())
    except keys.KeyStoreError as exc:
        raise StoreError(exc.msg, **exc.params) from exc


def usable_backups(backup_dir: Path, data_dir: Path) -> tuple[list[BackupFile], list[BackupFile]]:
    """(usable, damaged) backups, newest first: a damaged newest backup never hides the older ones."""
    usable, damaged = [], []
    for backup in list_backups(backup_dir):
        try:
            check_restorable(backup.path, data_dir)
        except StoreError:
            damaged.append(backup)
        else:
            usable.append(backup)
    return usable, damaged


def prepare_restore(backup: Path, data_dir: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Check `backup` and copy it beside the data as `.restoring` (encrypted), ready to be put in place.
    Nothing of the current data is touched; on any failure no copy is left. `progress`: see cipher.copy."""
    check_restorable(backup, data_dir)
    key = _key(create=True)
    tmp = Path(data_dir) / (DB_NAME + ".restoring")
    _remove_with_journals(tmp)
    try:
        files.create_private(tmp)
        # A standalone file under this account's key: a plain backup (older, or from a password backup) is
        # encrypted here; an encrypted one is copied page by page.
        cipher.copy(Path(backup), key, tmp, key, progress)
    except BaseException:
        _remove_with_journals(tmp)
        raise
    return tmp


def _remove_with_journals(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def put_in_place(prepared: Path, data_dir: Path, keep_aside: bool) -> Path | None:
    """Replace the database with a prepared copy. With `keep_aside` (the current file could not be opened,
    so no safety backup exists) the current file is kept as `…truoc-khoi-phuc-TIME` (with its -wal, which
    may hold data); otherwise the caller has taken a safety backup and the old file is dropped. Stale
    -wal/-shm files are removed so they can never be applied to the restored file."""
    db = Path(data_dir) / DB_NAME
    aside = None
    if keep_aside and db.exists():
        aside = Path(data_dir) / f"{DB_NAME}.truoc-khoi-phuc-{timestamp()}"
        os.replace(db, aside)
        wal = Path(str(db) + "-wal")
        if wal.exists() and wal.stat().st_size:
            os.replace(wal, Path(str(aside) + "-wal"))
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    os.replace(prepared, db)
    return aside


def restore_backup(backup: Path, data_dir: Path) -> Path | None:
    """Put `backup` in place of a database that is not open, keeping the current file aside."""
    prepared = prepare_restore(backup, data_dir)
    try:
        return put_in_place(prepared, data_dir, keep_aside=True)
    finally:
        if prepared.exists():  # the swap failed: no half-made copy is left beside the data
            _remove_with_journals(prepared)
