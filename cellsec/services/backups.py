"""Automatic and manual backups of the data folder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..domain.backup_policy import backup_due, backups_to_keep
from ..domain.messages import Msg
from ..store.backup import BackupFile, delete_backups, last_change_seq, list_backups, restore_backup, take_backup
from ..store.db import CORRUPT, StoreError, open_store
from .context import Change, Context
from .errors import failed

RESTORED = Msg("Khôi phục dữ liệu từ bản sao lưu {name}", "Restored the data from backup {name}")
BACKUP_FAILED = Msg("Chưa sao lưu được ({error}). Dữ liệu hiện tại không bị ảnh hưởng.",
                    "The backup failed ({error}). The current data is unaffected.")
RESTORE_FAILED = Msg("Chưa khôi phục được bản sao lưu {name} ({error}).",
                     "Could not restore the backup {name} ({error}).")

T = TypeVar("T")


def _backing_up(work: Callable[[], T]) -> T:
    """Run a backup step; a file or SQLite error becomes a message in the user's language (the system's
    English text goes to the log)."""
    try:
        return work()
    except (OSError, sqlite3.Error) as exc:
        raise failed(BACKUP_FAILED, exc) from exc


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        return self.ctx.data_dir / "backups"

    def list(self) -> list[BackupFile]:
        return list_backups(self.folder)

    def backup_now(self, now: dt.datetime | None = None) -> Path:
        return _backing_up(lambda: take_backup(self.ctx.store, self.folder, now or dt.datetime.now()).path)

    def auto_backup(self, now: dt.datetime | None = None) -> Path | None:
        """Back up if there were changes since the last backup and it is at least 30 minutes old,
        then thin the old automatic backups. Returns the new file, if one was taken."""
        return _backing_up(lambda: self._auto_backup(now or dt.datetime.now()))

    def _auto_backup(self, now: dt.datetime) -> Path | None:
        existing = self.list()
        last = existing[0] if existing else None
        changed = last_change_seq(self.ctx.store) > (last.last_seq if last else 0)
        if not backup_due(last.taken_at if last else None, now, changed):
            return None
        new = take_backup(self.ctx.store, self.folder, now)
        all_files = [new, *existing]
        keep = backups_to_keep([b.taken_at for b in all_files], now)
        delete_backups([b for b in all_files if b.taken_at not in keep])
        return new.path

    def restore(self, backup: Path) -> Path:
        """Replace the data with `backup`. The current data is first backed up and also kept aside,
        so a restore can itself be undone by restoring that file. Returns the safety backup."""
        safety = self.backup_now()
        self.ctx.store.close()
        try:
            restore_backup(Path(backup), self.ctx.data_dir)
        except (OSError, sqlite3.Error) as exc:
            raise failed(RESTORE_FAILED, exc, name=Path(backup).name) from exc
        finally:
            # Reopen whatever is in place now (migrating an older backup if needed).
            self.ctx.replace_store(open_store(self.ctx.data_dir))
        summary = RESTORED.format(name=Path(backup).name)
        self.ctx.notify(Change("backup.restore", summary, frozenset({"*"}), frozenset()))
        return safety


def is_corrupt(error: StoreError) -> bool:
    return error.msg is CORRUPT


def backups_in(data_dir: Path) -> list[BackupFile]:
    """Backups of a data folder whose database cannot be opened (no services yet)."""
    return list_backups(Path(data_dir) / "backups")


def restore_unopened(backup: Path, data_dir: Path) -> Path:
    """Put `backup` in place of a database that cannot be opened; the damaged file is kept aside."""
    try:
        return restore_backup(Path(backup), Path(data_dir))
    except (OSError, sqlite3.Error) as exc:
        raise failed(RESTORE_FAILED, exc, name=Path(backup).name) from exc
