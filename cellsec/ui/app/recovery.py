"""Start-up recovery from a password backup (.cellsec-backup): the way back when no backup in the data folder
can be used — above all when the database key is lost (a reinstalled system, a new laptop), since the
automatic backups are encrypted under that key too. The unusable data file is kept aside, never written over;
a wrong password or a damaged file is said in Vietnamese and the secretary may try again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ...services.errors import ServiceError, StoreError

if TYPE_CHECKING:
    from ...services.facade import Services


class Recovery(QObject):
    """Translatable texts (a QObject so lupdate gives them a context)."""

    def ask_sealed(self) -> str:
        return self.tr("Do you have a backup with a password (a .cellsec-backup file, e.g. on a USB stick)? "
                       "Choose Yes to restore the data from it.")

    def choose_file(self) -> str:
        return self.tr("Choose the backup with a password")

    def file_filter(self, suffix: str) -> str:
        return self.tr("CellSec encrypted backup (*{suffix})").format(suffix=suffix)

    def restored(self) -> str:
        return self.tr("The data is back as it was in the backup {name}.")

    def kept(self) -> str:
        return self.tr("The file that could not be opened is kept, unchanged, as {path}.")


def offer_sealed_restore(data_dir: Path, title: str, found: str) -> Services | None:
    """Say what was found and offer a password backup in its place; the opened services, or None."""
    from ...services.backups import SEALED_SUFFIX
    from ...services.facade import Services
    from ..settings.sealed import PasswordDialog

    texts = Recovery()
    answer = QMessageBox.question(None, title, f"{found}\n\n{texts.ask_sealed()}")
    if answer != QMessageBox.StandardButton.Yes:
        return None
    while True:
        name, _ = QFileDialog.getOpenFileName(None, texts.choose_file(), str(Path.home()),
                                              texts.file_filter(SEALED_SUFFIX))
        if not name:
            return None
        dialog = PasswordDialog(None, new=False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            aside = restore_unopened(Path(name), data_dir, dialog.password.text())
            services = Services.open(data_dir)
        except (ServiceError, StoreError) as failed:  # a wrong password, a damaged file: nothing changed
            QMessageBox.critical(None, title, str(failed))
            continue
        done = texts.restored().format(name=Path(name).name)
        QMessageBox.information(None, title, f"{done} {texts.kept().format(path=aside)}" if aside else done)
        return services


def restore_unopened(*args, **kwargs):
    """services.backups.restore_unopened, loaded only when a restore is asked for."""
    from ...services.backups import restore_unopened as restore

    return restore(*args, **kwargs)
