"""Automatic and manual backups of the data folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import files
from ..domain.backup_policy import backup_due, backups_to_keep
from ..domain.messages import Msg
from ..domain.progress import Cancel, Progress, step
from ..store.backup import (BackupFile, delete_backups, last_change_seq, list_backups, prepare_restore, put_in_place,
                            restore_backup, take_backup, usable_backups)
from ..store import cipher, sealed
from ..store.db import (StoreError, check_writable, copy_database, offers_restore,  # noqa: F401  (offers_restore: UI)
                        open_store, timestamp)
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

COPYING = Msg("Đang chép dữ liệu…", "Copying the data…")
SEALING = Msg("Đang mã hóa bằng mật khẩu…", "Encrypting with the password…")
CHECKING = Msg("Đang kiểm tra và chép bản sao lưu…", "Checking and copying the backup…")
DECRYPTING = Msg("Đang giải mã bản sao lưu…", "Decrypting the backup…")
SAFETY = Msg("Đang sao lưu dữ liệu hiện tại…", "Backing up the current data…")
PUTTING = Msg("Đang đặt dữ liệu khôi phục vào chỗ…", "Putting the restored data in place…")

NO_FOLDER = Msg("Không tìm thấy thư mục {folder} (USB đã được cắm chưa?).",
                "The folder {folder} was not found (is the USB stick plugged in?).")
NEEDS_PASSWORD = Msg("Tệp {name} được mã hóa: cần mật khẩu để khôi phục.",
                     "{name} is encrypted: a password is needed to restore it.")

MIN_PASSWORD = sealed.MIN_PASSWORD
SEALED_SUFFIX = sealed.SUFFIX

T = TypeVar("T")


def _backing_up(work: Callable[[], T]) -> T:
    """Run a backup step; a file or SQLite error becomes a message in the user's language (the system's
    English text goes to the log)."""
    try:
        return work()
    except (OSError, cipher.Error) as exc:
        raise failed(BACKUP_FAILED, exc) from exc


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        return self.ctx.data_dir / "backups"

    def list(self) -> list[BackupFile]:
        return list_backups(self.folder)

    def key_place(self) -> str:
        """Where the database key is kept (the system's credential store, or the private key file)."""
        from ..store import keys

        return keys.describe()

    def backup_now(self, now: dt.datetime | None = None, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> Path:
        """A backup into the backups folder. `progress` follows the pages copied; `cancel()` stops the copy
        (progress.Cancelled) with no backup and no `.part` file left."""
        copied = None if progress is None and cancel is None else \
            (lambda done, total: step(progress, cancel, done, total, COPYING.format()))
        return _backing_up(lambda: take_backup(self.ctx.store, self.folder, now or dt.datetime.now(), copied).path)

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

    def backup_to(self, folder: Path, password: str, now: dt.datetime | None = None, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> Path:
        """An encrypted backup written to a folder the user chose (a USB stick), named by the time. Two steps:
        the plain copy (kept in the data folder, removed whatever happens), then sealing it into a `.part`
        renamed at the end. `cancel()` is honoured until the sealing starts: nothing is left on the stick."""
        folder = Path(folder)
        _sealing(lambda: sealed.check_password(password))
        if not folder.is_dir():
            raise ServiceError(NO_FOLDER, folder=folder)
        target = folder / f"cellsec-{timestamp(now)}{sealed.SUFFIX}"
        plain = self.folder / f".sealing-{timestamp(now)}.sqlite3"

        def work() -> Path:
            try:
                step(progress, cancel, 0, 2, COPYING.format())
                copy_database(self.ctx.store.path, plain, self.ctx.store.key, plain=True)
                step(progress, cancel, 1, 2, SEALING.format())
                _sealing(lambda: sealed.write_sealed(plain, target, password))
                step(progress, None, 2, 2, "")
            finally:
                plain.unlink(missing_ok=True)
            return target

        return _backing_up(work)

    def restore_sealed(self, backup: Path, password: str, progress: Progress | None = None) -> Path:
        """Restore an encrypted backup: a wrong password or a damaged or cut-short file changes nothing."""
        step(progress, None, 0, 0, DECRYPTING.format())
        return _with_unsealed(Path(backup), password, self.ctx.data_dir,
                              lambda plain: self.restore(plain, progress))

    def restore(self, backup: Path, progress: Progress | None = None) -> Path:
        """Replace the data with `backup`. The file is checked and copied first (a refused or failed copy
        changes nothing); then the current data is backed up, and that safety backup is returned, so a
        restore can itself be undone by restoring it. `progress` follows the three steps; a restore is
        not stopped halfway (once the safety backup is taken the data is being replaced, and its copy
        step takes seconds: stopping it would save little and could leave the secretary unsure which data
        is in place)."""
        name = Path(backup).name
        if sealed.is_sealed(Path(backup)):
            raise ServiceError(NEEDS_PASSWORD, name=name)
        copied = None if progress is None else (lambda done, total: progress(done, total * 3, CHECKING.format()))
        try:
            step(progress, None, 0, 3, CHECKING.format())
            prepared = prepare_restore(Path(backup), self.ctx.data_dir, copied)
        except StoreError as exc:  # the file was refused: says why (empty, foreign, newer, the live file…)
            raise ServiceError(exc.msg, **exc.params) from exc
        except (OSError, cipher.Error) as exc:
            raise failed(RESTORE_FAILED, exc, name=name) from exc
        try:
            step(progress, None, 1, 3, SAFETY.format())
            safety = self.backup_now()
            step(progress, None, 2, 3, PUTTING.format())
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
        self._reseal()
        self.ctx.notify(Change("backup.restore", RESTORED.format(name=name), frozenset({"*"}), frozenset()))
        return safety

    def _reseal(self) -> None:
        """The restored chain is the one to guard from now on: without this, 'Kiểm tra dữ liệu' would take the
        older backup's shorter chain for deleted records."""
        from . import chain_seal

        cell_id = self.ctx.cell_id_or_none()
        if cell_id is not None:
            count, head = self.ctx.services.finalise.head()
            chain_seal.write(self.ctx.data_dir, cell_id, count, head, restored=True)


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


def restore_unopened(backup: Path, data_dir: Path, password: str | None = None) -> Path | None:
    """Put `backup` in place of a database that cannot be opened; the unusable file is kept aside."""
    backup = Path(backup)
    if password is not None:
        return _with_unsealed(backup, password, Path(data_dir), lambda plain: restore_unopened(plain, data_dir))
    if sealed.is_sealed(backup):
        raise ServiceError(NEEDS_PASSWORD, name=backup.name)
    try:
        return restore_backup(backup, Path(data_dir))
    except (OSError, cipher.Error) as exc:
        raise failed(RESTORE_FAILED, exc, name=backup.name) from exc


def is_encrypted(backup: Path) -> bool:
    return sealed.is_sealed(Path(backup))


def _sealing(work: Callable[[], T]) -> T:
    try:
        return work()
    except sealed.SealedError as exc:
        raise ServiceError(exc.msg, **exc.params) from exc


def _with_unsealed(backup: Path, password: str, data_dir: Path, restore: Callable[[Path], T]) -> T:
    """Decrypt `backup` into a private folder beside the data (under its own name, so messages name it),
    run `restore` on the plain copy, and remove the copy whatever happens."""
    work = Path(data_dir) / ".giai-ma"
    plain = work / (backup.name.removesuffix(sealed.SUFFIX) + ".sqlite3")
    try:
        data = _sealing(lambda: sealed.read_sealed(backup, password))
        files.private_dir(work)
        with open(plain, "wb", opener=files.private_opener) as f:
            f.write(data)
    except OSError as exc:
        _remove_tree(work)
        raise failed(RESTORE_FAILED, exc, name=backup.name) from exc
    try:
        return restore(plain)
    finally:
        _remove_tree(work)


def _remove_tree(folder: Path) -> None:
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink(missing_ok=True)
        folder.rmdir()
