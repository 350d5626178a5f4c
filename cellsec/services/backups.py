"""Automatic and manual backups of the data folder."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..domain.backup_policy import backup_due, backups_to_keep
from ..domain.messages import Msg
from ..store.backup import (BackupFile, delete_backups, last_change_seq, list_backups, prepare_restore, put_in_place,
                            restore_backup, take_backup, usable_backups)
from ..store.db import StoreError, check_writable, offers_restore, open_store  # noqa: F401  (offers_restore: for the UI)
from .context import Change, Context
from .errors import ServiceError, failed

RESTORED = Msg("Khôi phục dữ liệu từ bản sao lưu {name}", "Restored the data from backup {name}")
BACKUP_FAILED = Msg("Chưa sao lưu được ({error}). Dữ liệu hiện tại không bị ảnh hưởng.",
                    "The backup failed ({error}). The current data is unaffected.")
RESTORE_FAILED = Msg("Chưa khôi phục được bản sao lưu {name} ({error}).",
                     "Could not restore the backup {name} ({error}).")
RESTORE_HINT = Msg("Bản sao lưu mới nhất còn dùng được: {path}\nĐể khôi phục: cellsec --data-dir \"{data_dir}\" "
                   "backup restore \"{path}\"",
                   "The newest usable backup: {path}\nTo restore it: cellsec --data-dir \"{data_dir}\" "
                   "backup restore \"{path}\"")
NO_USABLE_BACKUP = Msg("Không có bản sao lưu nào dùng được trong {folder}.", "No usable backup in {folder}.")

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
        """Replace the data with `backup`. The file is checked and copied first (a refused or failed copy
        changes nothing); then the current data is backed up, and that safety backup is returned, so a
        restore can itself be undone by restoring it."""
        name = Path(backup).name
        try:
            prepared = prepare_restore(Path(backup), self.ctx.data_dir)
        except StoreError as exc:  # the file was refused: says why (empty, foreign, newer, the live file…)
            raise ServiceError(exc.msg, **exc.params) from exc
        except (OSError, sqlite3.Error) as exc:
            raise failed(RESTORE_FAILED, exc, name=name) from exc
        try:
            safety = self.backup_now()
            self.ctx.store.close()
            try:
                put_in_place(prepared, self.ctx.data_dir, keep_aside=False)
            except OSError as exc:
                raise failed(RESTORE_FAILED, exc, name=name) from exc
            finally:
                # Reopen whatever is in place now (migrating an older backup if needed).
                self.ctx.replace_store(open_store(self.ctx.data_dir))
        finally:
            for suffix in ("", "-journal"):
                Path(str(prepared) + suffix).unlink(missing_ok=True)
        self.ctx.notify(Change("backup.restore", RESTORED.format(name=name), frozenset({"*"}), frozenset()))
        return safety


def check_data_folder(data_dir: Path) -> None:
    """Before the window locks the folder: it exists and takes a write, else StoreError saying why."""
    check_writable(Path(data_dir))


def backups_in(data_dir: Path) -> list[BackupFile]:
    """Backups of a data folder whose database cannot be opened (no services yet)."""
    return list_backups(Path(data_dir) / "backups")


def usable_backups_in(data_dir: Path) -> tuple[list[BackupFile], list[BackupFile]]:
    """(usable, damaged) backups of a data folder, newest first, each checked as a restore would."""
    return usable_backups(Path(data_dir) / "backups", Path(data_dir))


def restore_hint(data_dir: Path, error: StoreError) -> str | None:
    """For the command line: which backup to restore when the data file cannot be used."""
    if not offers_restore(error):
        return None
    usable, _damaged = usable_backups_in(data_dir)
    if not usable:
        return NO_USABLE_BACKUP.format(folder=Path(data_dir) / "backups")
    return RESTORE_HINT.format(path=usable[0].path, data_dir=data_dir)


def restore_unopened(backup: Path, data_dir: Path) -> Path | None:
    """Put `backup` in place of a database that cannot be opened; the unusable file is kept aside."""
    try:
        return restore_backup(Path(backup), Path(data_dir))
    except (OSError, sqlite3.Error) as exc:
        raise failed(RESTORE_FAILED, exc, name=Path(backup).name) from exc
