"""Cài đặt → Sao lưu: an encrypted backup written to a folder the user chooses (a USB stick), and restoring
one from there. The password is chosen by the secretary; CellSec keeps no copy of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.backups import MIN_PASSWORD, SEALED_SUFFIX
from ..common.widgets import FieldMessage, with_message
from ..common.workers import error_text, run_in_background


class PasswordDialog(QDialog):
    """Asks for the backup's password: twice (with a warning that it cannot be recovered) for a new backup,
    once to restore."""

    def __init__(self, parent: QWidget | None, new: bool) -> None:
        super().__init__(parent)
        self.setObjectName("backup_password")
        self.new = new
        self.setWindowTitle(self.tr("Password of the backup"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        intro = QLabel(self.tr("Choose a password of at least {n} characters. Write it down and keep it apart from "
                               "the USB stick: without it the backup cannot be opened, by anyone, and CellSec "
                               "cannot recover it.").format(n=MIN_PASSWORD) if new else
                       self.tr("Enter the password chosen when this backup was written."))
        intro.setWordWrap(True)
        form = QFormLayout()
        box, self.message = with_message(self.password)
        form.addRow(self.tr("Password"), box)
        if new:
            again_box, self.again_message = with_message(self.again)
            form.addRow(self.tr("Again"), again_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        text = self.password.text()
        self.message.clear_message()
        if self.new:
            self.again_message.clear_message()
            if len(text) < MIN_PASSWORD:
                self.message.set_error(self.tr("At least {n} characters.").format(n=MIN_PASSWORD))
                return
            if self.again.text() != text:
                self.again_message.set_error(self.tr("The two passwords differ."))
                return
        elif not text:
            self.message.set_error(self.tr("Enter the password."))
            return
        super().accept()


class SealedBackups(QWidget):
    """The two buttons of the Backups tab that work with another folder, and what they do."""

    def __init__(self, services, on_restored, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.on_restored = on_restored
        self.task = None
        self.to_folder_button = QPushButton()
        self.to_folder_button.setObjectName("backup_to_folder")
        self.to_folder_button.clicked.connect(self.backup_to_folder)
        self.from_file_button = QPushButton()
        self.from_file_button.setObjectName("restore_from_file")
        self.from_file_button.clicked.connect(self.restore_from_file)
        self.result = FieldMessage()
        self.result.setObjectName("sealed_result")
        row = QHBoxLayout()
        row.addWidget(self.to_folder_button)
        row.addWidget(self.from_file_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def retranslate(self) -> None:
        self.to_folder_button.setText(self.tr("Back up to another folder (encrypted)…"))
        self.from_file_button.setText(self.tr("Restore from an encrypted file…"))

    def _ask_password(self, new: bool) -> str | None:
        dialog = PasswordDialog(self.window(), new)
        return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def backup_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window(), self.tr("Choose the folder (e.g. the USB stick)"),
                                                  str(Path.home()))
        if not folder:
            return
        password = self._ask_password(new=True)
        if password is None:
            return
        # Stoppable until the sealing starts: a stopped backup leaves nothing on the stick.
        self._run(lambda progress, cancel: self.services.backups.backup_to(Path(folder), password, progress=progress,
                                                                           cancel=cancel),
                  self._written, self.tr("Encrypting the backup…"), stoppable=True)

    def _written(self, path) -> None:
        self.result.clear_message()
        QMessageBox.information(self.window(), self.tr("Backups"),
                                self.tr("The encrypted backup was written to {path}.").format(path=path))

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window(), self.tr("Choose the encrypted backup"), str(Path.home()),
                                              self.tr("CellSec encrypted backup (*{suffix})").format(
                                                  suffix=SEALED_SUFFIX))
        if not name:
            return
        password = self._ask_password(new=False)
        if password is None:
            return
        answer = QMessageBox.question(
            self.window(), self.tr("Restore a backup"),
            self.tr("Replace the current data with the backup {name}?\n\nThe current data is backed up first and "
                    "is not deleted.").format(name=Path(name).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Its steps shown, not stoppable (BackupService.restore says why).
        self._run(lambda progress, cancel: self.services.backups.restore_sealed(Path(name), password, progress),
                  self._restored, self.tr("Decrypting and restoring…"))

    def _restored(self, safety) -> None:
        self.result.clear_message()
        self.on_restored()
        QMessageBox.information(self.window(), self.tr("Restore a backup"),
                                self.tr("The data is back as it was in the backup. The data from before the restore "
                                        "was saved as {name}.").format(name=Path(safety).name))

    def _run(self, work, done, busy: str, stoppable: bool = False) -> None:
        for button in (self.to_folder_button, self.from_file_button):
            button.setEnabled(False)

        def finished(then, value) -> None:
            self.task = None
            for button in (self.to_folder_button, self.from_file_button):
                button.setEnabled(True)
            then(value)

        self.task = run_in_background(self, work, on_done=lambda r: finished(done, r),
                                      on_error=lambda exc: finished(self._failed, exc), busy_text=busy, steps=True,
                                      stoppable=stoppable, on_cancelled=lambda exc: finished(self._stopped, exc))

    def _stopped(self, exc) -> None:
        self.result.set_warning(exc.message)

    def _failed(self, exc) -> None:
        # Said where the buttons are and in a box: a wrong password or a cut-short file changed nothing.
        self.result.set_error(error_text(exc))
        QMessageBox.warning(self.window(), self.tr("Backups"), error_text(exc))
