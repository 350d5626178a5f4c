"""Backup files of the database: taking, listing, restoring."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from .db import DB_NAME, Store, check_integrity, copy_database, timestamp
from .models.core import ChangeLog

_NAME = re.compile(r"^cellsec-(\d{8}-\d{6})-s(\d+)\.sqlite3$")


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


def take_backup(store: Store, backup_dir: Path, now: dt.datetime) -> BackupFile:
    seq = last_change_seq(store)
    path = backup_dir / f"cellsec-{timestamp(now)}-s{seq}.sqlite3"
    copy_database(store.path, path)
    return BackupFile(path, now.replace(microsecond=0), seq)


def delete_backups(files: list[BackupFile]) -> None:
    for backup in files:
        backup.path.unlink(missing_ok=True)


def restore_backup(backup: Path, data_dir: Path) -> Path:
    """Put `backup` in place of the database, keeping the current file aside (never deleted)."""
    check_integrity(backup)
    db = data_dir / DB_NAME
    aside = data_dir / f"{DB_NAME}.truoc-khoi-phuc-{timestamp()}"
    if db.exists():
        shutil.move(db, aside)
        for suffix in ("-wal", "-shm"):
            extra = Path(str(db) + suffix)
            if extra.exists():
                shutil.move(extra, Path(str(aside) + suffix))
    tmp = db.with_name(db.name + ".restoring")
    shutil.copyfile(backup, tmp)
    os.replace(tmp, db)
    return aside
