"""Automatic and manual backups of the data folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.backup_policy import backup_due, backups_to_keep
from ..store.backup import BackupFile, delete_backups, last_change_seq, list_backups, take_backup
from .context import Context


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        return self.ctx.data_dir / "backups"

    def list(self) -> list[BackupFile]:
        return list_backups(self.folder)

    def backup_now(self, now: dt.datetime | None = None) -> Path:
        return take_backup(self.ctx.store, self.folder, now or dt.datetime.now()).path

    def auto_backup(self, now: dt.datetime | None = None) -> Path | None:
        """Back up if there were changes since the last backup and it is at least 30 minutes old,
        then thin the old automatic backups. Returns the new file, if one was taken."""
        now = now or dt.datetime.now()
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
