"""`Services`: one object giving the UI and the CLI every use case over one open data folder."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .backups import BackupService
from .cell import CellService
from .context import Context, open_context


class Services:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @classmethod
    def open(cls, data_dir: Path) -> "Services":
        return cls(open_context(Path(data_dir)))

    def close(self) -> None:
        self.ctx.store.close()

    @property
    def data_dir(self) -> Path:
        return self.ctx.data_dir

    @cached_property
    def cell(self) -> CellService:
        return CellService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        return BackupService(self.ctx)

    def undo_last(self) -> str:
        return self.ctx.undo_last()

    def last_undoable(self) -> tuple[int, str] | None:
        return self.ctx.last_undoable()
